package dev.jwtauth.security;

import java.io.IOException;
import java.time.Duration;
import java.util.concurrent.TimeUnit;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import dev.jwtauth.errors.ProblemWriter;
import dev.jwtauth.client.ClientInfo;
import dev.jwtauth.client.ClientKey;
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
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * Per-client rate limits on signup and refresh, keyed by {@link ClientKey}, as token
 * buckets: the excess is answered 429 with {@code Retry-After}. Kept in each instance's
 * memory (logins, whose limits must hold across instances, are throttled in the database
 * instead).
 * <p>
 * Paths are matched as the security chain and MVC match them, on the decoded path, so no
 * spelling of the route ({@code /%73ignup}) that reaches its handler escapes the limit.
 */
class RateLimitFilter extends OncePerRequestFilter {

	private final ProblemWriter problemWriter;

	private final Cache<String, Bucket> signups;

	private final Cache<String, Bucket> refreshes;

	private final WebProperties properties;

	RateLimitFilter(ProblemWriter problemWriter, WebProperties properties) {
		this.problemWriter = problemWriter;
		this.properties = properties;
		Duration idle = properties.ratePeriod().multipliedBy(2);
		this.signups = Caffeine.newBuilder().maximumSize(100_000).expireAfterAccess(idle).build();
		this.refreshes = Caffeine.newBuilder().maximumSize(100_000).expireAfterAccess(idle).build();
	}

	@Override
	protected boolean shouldNotFilter(HttpServletRequest request) {
		return limitOf(request) == null;
	}

	@Override
	protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
			throws ServletException, IOException {
		Cache<String, Bucket> buckets = limitOf(request);
		int capacity = (buckets == this.signups) ? this.properties.signupsPerPeriod()
				: this.properties.refreshesPerPeriod();
		Bucket bucket = buckets.get(ClientInfo.limitKey(request), (key) -> Bucket.builder()
			.addLimit(Bandwidth.builder().capacity(capacity).refillGreedy(capacity, this.properties.ratePeriod()).build())
			.build());
		ConsumptionProbe probe = bucket.tryConsumeAndReturnRemaining(1);
		if (!probe.isConsumed()) {
			long seconds = Math.max(1, TimeUnit.NANOSECONDS.toSeconds(probe.getNanosToWaitForRefill()) + 1);
			response.setHeader(HttpHeaders.RETRY_AFTER, Long.toString(seconds));
			this.problemWriter.write(request, response, HttpStatus.TOO_MANY_REQUESTS,
					"Too many requests from your address. Try again later.");
			return;
		}
		chain.doFilter(request, response);
	}

	private @Nullable Cache<String, Bucket> limitOf(HttpServletRequest request) {
		if (Routes.SIGNUP_POST.matches(request)) {
			return this.signups;
		}
		if (Routes.REFRESH_POST.matches(request)) {
			return this.refreshes;
		}
		return null;
	}

}
