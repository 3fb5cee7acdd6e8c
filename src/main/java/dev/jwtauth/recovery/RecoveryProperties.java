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
 * @param verifyTokenTtl how long an email-verification or email-change link works
 * ({@code VERIFY_TOKEN_TTL})
 */
@ConfigurationProperties("recovery")
record RecoveryProperties(@DefaultValue("30m") Duration tokenTtl, @DefaultValue("60s") Duration mailInterval,
		@DefaultValue("24h") Duration verifyTokenTtl) {

	RecoveryProperties {
		if (tokenTtl.isNegative() || tokenTtl.isZero()) {
			throw new IllegalArgumentException("RECOVERY_TOKEN_TTL must be positive");
		}
		if (verifyTokenTtl.isNegative() || verifyTokenTtl.isZero()) {
			throw new IllegalArgumentException("VERIFY_TOKEN_TTL must be positive");
		}
		if (mailInterval.isNegative()) {
			throw new IllegalArgumentException("RECOVERY_MAIL_INTERVAL must not be negative");
		}
	}

}
