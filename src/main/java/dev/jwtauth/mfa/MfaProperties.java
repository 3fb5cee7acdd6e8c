package dev.jwtauth.mfa;

import java.nio.file.Path;
import java.time.Duration;

import org.jspecify.annotations.Nullable;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Second-factor settings.
 *
 * @param issuer the name authenticator apps show for the account ({@code MFA_ISSUER})
 * @param encryptionKey the AES-256 key that TOTP secrets are encrypted with, base64 of 32
 * bytes ({@code MFA_ENCRYPTION_KEY}); when unset, one is generated into
 * {@code generatedKeyFile}
 * @param generatedKeyFile where a generated key is kept; by default beside the generated
 * token secret
 * @param challengeTtl how long an {@code mfa_token} lives
 */
@ConfigurationProperties("mfa")
public record MfaProperties(@DefaultValue("jwt-auth-service") String issuer, @Nullable String encryptionKey,
		@Nullable Path generatedKeyFile, @DefaultValue("5m") Duration challengeTtl) {

	public MfaProperties {
		if (encryptionKey != null && encryptionKey.isBlank()) {
			encryptionKey = null;
		}
	}

}
