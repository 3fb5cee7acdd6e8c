package dev.jwtauth.security;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.Objects;
import java.util.concurrent.TimeUnit;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import dev.jwtauth.client.ClientInfo;
import dev.jwtauth.client.ClientKey;
import dev.jwtauth.errors.ProblemWriter;
import io.github.bucket4j.Bandwidth;
import io.github.bucket4j.Bucket;
import io.github.bucket4j.ConsumptionProbe;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.jspecify.annotations.Nullable;

import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.security.web.util.matcher.RequestMatcher;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * Per-client rate limits on signup, refresh, the second step of a login, passkey logins, the recovery and the service-client routes, keyed by {@link ClientKey}, as token
 * buckets: the excess is answered 429 with {@code Retry-After}. Kept in each instance's
 * memory (logins, whose limits must hold across instances, are throttled in the database
 * instead).
 * <p>
 * Paths are matched as the security chain and MVC match them, on the decoded path, so no
 * spelling of the route ({@code /%73ignup}) that reaches its handler escapes the limit.
 */
class RateLimitFilter extends OncePerRequestFilter {

	private final ProblemWriter problemWriter;

	private final List<Limit> limits;

	private final Duration period;

	RateLimitFilter(ProblemWriter problemWriter, WebProperties properties) {
		this.problemWriter = problemWriter;
		this.period = properties.ratePeriod();
		Duration idle = this.period.multipliedBy(2);
		this.limits = List.of(new Limit(Routes.SIGNUP_POST, properties.signupsPerPeriod(), idle),
				new Limit(Routes.REFRESH_POST, properties.refreshesPerPeriod(), idle),
				new Limit(Routes.MFA_LOGIN_POST, properties.refreshesPerPeriod(), idle),
				new Limit(Routes.PASSKEY_OPTIONS_POST, properties.refreshesPerPeriod(), idle),
				new Limit(Routes.PASSKEY_LOGIN_POST, properties.refreshesPerPeriod(), idle),
				new Limit(Routes.RECOVERY_POST, properties.recoveriesPerPeriod(), idle),
				new Limit(Routes.OAUTH_POST, properties.oauthRequestsPerPeriod(), idle));
	}

	@Override
	protected boolean shouldNotFilter(HttpServletRequest request) {
		return limitOf(request) == null;
	}

	@Override
	protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
			throws ServletException, IOException {
		Limit limit = Objects.requireNonNull(limitOf(request));
		Bucket bucket = limit.buckets().get(ClientInfo.limitKey(request), (key) -> Bucket.builder()
			.addLimit(Bandwidth.builder().capacity(limit.capacity()).refillGreedy(limit.capacity(), this.period).build())
			.build());
		ConsumptionProbe probe = bucket.tryConsumeAndReturnRemaining(1);
		if (!probe.isConsumed()) {
			long seconds = Math.max(1, TimeUnit.NANOSECONDS.toSeconds(probe.getNanosToWaitForRefill()) + 1);
			response.setHeader(HttpHeaders.RETRY_AFTER, Long.toString(seconds));
			if (limit.routes() == Routes.OAUTH_POST) {
				writeOAuthError(response);
				return;
			}
			this.problemWriter.write(request, response, HttpStatus.TOO_MANY_REQUESTS,
					"Too many requests from your address. Try again later.");
			return;
		}
		chain.doFilter(request, response);
	}

	/** The service-client routes answer OAuth error JSON (RFC 6749 section 5.2), not problems. */
	private static void writeOAuthError(HttpServletResponse response) throws IOException {
		response.setStatus(HttpStatus.TOO_MANY_REQUESTS.value());
		response.setContentType(MediaType.APPLICATION_JSON_VALUE);
		response.setHeader(HttpHeaders.CACHE_CONTROL, "no-store");
		response.getOutputStream()
			.write(("{\"error\":\"temporarily_unavailable\",\"error_description\":"
					+ "\"Too many requests from your address. Try again later.\"}")
				.getBytes(StandardCharsets.UTF_8));
	}

	private @Nullable Limit limitOf(HttpServletRequest request) {
		for (Limit limit : this.limits) {
			if (limit.routes().matches(request)) {
				return limit;
			}
		}
		return null;
	}

	/** A budget per client for some routes, each client's bucket forgotten when idle. */
	private record Limit(RequestMatcher routes, int capacity, Cache<String, Bucket> buckets) {

		Limit(RequestMatcher routes, int capacity, Duration idle) {
			this(routes, capacity, Caffeine.newBuilder().maximumSize(100_000).expireAfterAccess(idle).build());
		}

	}

}
