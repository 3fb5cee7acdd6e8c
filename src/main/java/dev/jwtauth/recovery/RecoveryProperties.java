package dev.jwtauth.recovery;

import java.time.Duration;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Recovery settings, fed from environment variables in {@code application.properties}.
 *
 * @param tokenTtl how long a password-reset link works ({@code RECOVERY_TOKEN_TTL})
 * @param mailInterval the least time between two recovery mails to one account
 * ({@code RECOVERY_MAIL_INTERVAL})
 */
@ConfigurationProperties("recovery")
record RecoveryProperties(@DefaultValue("30m") Duration tokenTtl, @DefaultValue("60s") Duration mailInterval) {

	RecoveryProperties {
		if (tokenTtl.isNegative() || tokenTtl.isZero()) {
			throw new IllegalArgumentException("RECOVERY_TOKEN_TTL must be positive");
		}
		if (mailInterval.isNegative()) {
			throw new IllegalArgumentException("RECOVERY_MAIL_INTERVAL must not be negative");
		}
	}

}
