package dev.jwtauth.security;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.Objects;

import dev.jwtauth.client.ClientInfo;
import dev.jwtauth.client.ClientKey;
import dev.jwtauth.errors.ProblemWriter;
import dev.jwtauth.operations.DatabaseUnavailable;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.jspecify.annotations.Nullable;

import org.springframework.dao.DataAccessException;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpMethod;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.security.web.util.matcher.RequestMatcher;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * Per-client rate limits on signup, refresh, the second step of a login, passkey logins,
 * the recovery and the service-client routes, keyed by {@link ClientKey}, as token
 * buckets: the excess is answered 429 with {@code Retry-After}. The buckets are kept in the database
 * ({@link ClientBuckets}), so a limit holds for all instances together, not for each; a
 * limited request costs one statement, other routes none. While the database is out of
 * reach the request goes on to its route, which needs the database too and answers the
 * outage as it always does.
 * <p>
 * Paths are matched as the security chain and MVC match them, on the decoded path, so no
 * spelling of the route ({@code /%73ignup}) that reaches its handler escapes the limit.
 */
class RateLimitFilter extends OncePerRequestFilter {

	private final ProblemWriter problemWriter;

	private final ClientBuckets buckets;

	private final List<Limit> limits;

	private final Duration period;

	RateLimitFilter(ProblemWriter problemWriter, ClientBuckets buckets, WebProperties properties) {
		this.problemWriter = problemWriter;
		this.buckets = buckets;
		this.period = properties.ratePeriod();
		this.limits = List.of(new Limit("signup", Routes.SIGNUP_POST, properties.signupsPerPeriod()),
				new Limit("refresh", Routes.REFRESH_POST, properties.refreshesPerPeriod()),
				new Limit("mfa", Routes.MFA_LOGIN_POST, properties.refreshesPerPeriod()),
				new Limit("passkey-options", Routes.PASSKEY_OPTIONS_POST, properties.refreshesPerPeriod()),
				new Limit("passkey", Routes.PASSKEY_LOGIN_POST, properties.refreshesPerPeriod()),
				new Limit("recovery", Routes.RECOVERY_POST, properties.recoveriesPerPeriod()),
				new Limit("oauth", Routes.OAUTH_POST, properties.oauthRequestsPerPeriod()));
	}

	@Override
	protected boolean shouldNotFilter(HttpServletRequest request) {
		return limitOf(request) == null;
	}

	@Override
	protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
			throws ServletException, IOException {
		Limit limit = Objects.requireNonNull(limitOf(request));
		Duration wait;
		try {
			wait = this.buckets.take(limit.bucketOf(ClientInfo.limitKey(request), this.period), limit.capacity(),
					this.period);
		}
		catch (DataAccessException ex) {
			if (!DatabaseUnavailable.causedBy(ex)) {
				throw ex;
			}
			// Every limited route needs the database too: it answers the outage as usual.
			chain.doFilter(request, response);
			return;
		}
		if (!wait.isZero()) {
			long seconds = wait.toSeconds() + 1;
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
		// Every limited route is a POST: the GETs that most requests are skip the path matches.
		if (!HttpMethod.POST.matches(request.getMethod())) {
			return null;
		}
		for (Limit limit : this.limits) {
			if (limit.routes().matches(request)) {
				return limit;
			}
		}
		return null;
	}

	/** A budget per client for some routes. */
	private record Limit(String name, RequestMatcher routes, int capacity) {

		/**
		 * The bucket's key names the limit's setting too: a changed setting starts every
		 * client afresh rather than measuring an old bucket by a new size.
		 */
		String bucketOf(String client, Duration period) {
			return this.name + ":" + this.capacity + "/" + period + ":" + client;
		}

	}

}
