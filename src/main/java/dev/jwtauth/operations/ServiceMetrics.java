package dev.jwtauth.operations;

import java.util.Map;

import dev.jwtauth.audit.AuditListener;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;

import org.springframework.stereotype.Component;

/**
 * The service's own counters, taken from the audit trail so that a metric and its log
 * line can never disagree. Every counter and tag value exists from the start, at zero,
 * so a dashboard sees the series before the first event.
 * <ul>
 * <li>{@code jwtauth.logins{outcome=success|failure|locked}}</li>
 * <li>{@code jwtauth.tokens.issued{grant=password|refresh_token}}</li>
 * <li>{@code jwtauth.refresh.reuse}: spent refresh tokens presented again</li>
 * <li>{@code jwtauth.lockouts}: login names or clients that got locked</li>
 * </ul>
 * Token rejections by reason are counted where they are known, by the security filter.
 */
@Component
class ServiceMetrics implements AuditListener {

	private final Map<String, Counter> logins;

	private final Counter issuedAtLogin;

	private final Counter issuedAtRefresh;

	private final Counter refreshReuse;

	private final Counter lockouts;

	ServiceMetrics(MeterRegistry registry) {
		this.logins = Map.of("success", login(registry, "success"), "failure", login(registry, "failure"), "locked",
				login(registry, "locked"));
		this.issuedAtLogin = issued(registry, "password");
		this.issuedAtRefresh = issued(registry, "refresh_token");
		this.refreshReuse = Counter.builder("jwtauth.refresh.reuse")
			.description("Spent refresh tokens presented again (their session is revoked)")
			.register(registry);
		this.lockouts = Counter.builder("jwtauth.lockouts")
			.description("Login names or client addresses locked after too many failures")
			.register(registry);
	}

	@Override
	public void recorded(String event, String outcome) {
		switch (event) {
			case "login" -> {
				Counter counter = this.logins.get(outcome);
				if (counter != null) {
					counter.increment();
				}
				if ("success".equals(outcome)) {
					this.issuedAtLogin.increment();
				}
			}
			case "refresh" -> {
				if ("success".equals(outcome)) {
					this.issuedAtRefresh.increment();
				}
			}
			case "refresh_reuse" -> this.refreshReuse.increment();
			case "lockout" -> this.lockouts.increment();
			default -> {
			}
		}
	}

	private static Counter login(MeterRegistry registry, String outcome) {
		return Counter.builder("jwtauth.logins")
			.description("Login attempts by outcome")
			.tag("outcome", outcome)
			.register(registry);
	}

	private static Counter issued(MeterRegistry registry, String grant) {
		return Counter.builder("jwtauth.tokens.issued")
			.description("Access and refresh token pairs issued, by how they were obtained")
			.tag("grant", grant)
			.register(registry);
	}

}
