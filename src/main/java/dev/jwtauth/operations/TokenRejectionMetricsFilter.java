package dev.jwtauth.operations;

import java.io.IOException;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpHeaders;
import org.springframework.stereotype.Component;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * Counts refused access tokens by reason ({@code jwtauth.token.rejections{reason}}),
 * read from the RFC 6750 challenge the client was sent, so that it counts exactly what
 * clients were told and costs nothing on accepted requests. Reasons are a fixed set,
 * whatever the description says, to keep the metric's cardinality bounded.
 */
@Component
@Order(Ordered.HIGHEST_PRECEDENCE + 20)
class TokenRejectionMetricsFilter extends OncePerRequestFilter {

	/** Words of the {@code error_description} and the reason each one stands for. */
	private static final Map<String, String> REASONS = new LinkedHashMap<>();

	static {
		REASONS.put("expired", "expired");
		REASONS.put("not valid yet", "not_yet_valid");
		REASONS.put("issued in the future", "issued_in_future");
		REASONS.put("signature", "bad_signature");
		REASONS.put("algorithm", "algorithm");
		REASONS.put("revoked", "revoked");
		REASONS.put("account is not active", "account_inactive");
		REASONS.put("not an access token", "wrong_type");
		REASONS.put("too long", "malformed");
		REASONS.put("empty", "malformed");
		REASONS.put("malformed", "malformed");
		REASONS.put("not a compact", "malformed");
		REASONS.put("not a signed", "malformed");
		REASONS.put("claim", "claims");
		REASONS.put("is not valid", "claims");
	}

	private final Map<String, Counter> counters = new LinkedHashMap<>();

	TokenRejectionMetricsFilter(MeterRegistry registry) {
		for (String reason : REASONS.values()) {
			this.counters.computeIfAbsent(reason, (name) -> counter(registry, name));
		}
		this.counters.put("other", counter(registry, "other"));
	}

	@Override
	protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
			throws ServletException, IOException {
		chain.doFilter(request, response);
		if (response.getStatus() == HttpServletResponse.SC_UNAUTHORIZED) {
			String challenge = response.getHeader(HttpHeaders.WWW_AUTHENTICATE);
			if (challenge != null && challenge.contains("error=\"invalid_token\"")) {
				this.counters.get(reasonOf(challenge)).increment();
			}
		}
	}

	static String reasonOf(String challenge) {
		String text = challenge.toLowerCase(Locale.ROOT);
		for (Map.Entry<String, String> reason : REASONS.entrySet()) {
			if (text.contains(reason.getKey())) {
				return reason.getValue();
			}
		}
		return "other";
	}

	private static Counter counter(MeterRegistry registry, String reason) {
		return Counter.builder("jwtauth.token.rejections")
			.description("Presented access tokens refused, by reason")
			.tag("reason", reason)
			.register(registry);
	}

}
