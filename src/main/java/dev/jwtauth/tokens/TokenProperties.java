package dev.jwtauth.tokens;

import java.nio.file.Path;
import java.time.Duration;

import org.jspecify.annotations.Nullable;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Token settings, fed from environment variables in {@code application.properties}.
 *
 * @param secret the HS256 secret ({@code JWT_SECRET}), used as its raw UTF-8 bytes; at
 * least 32 bytes
 * @param generatedSecretFile where a secret generated at first start is kept when
 * {@code JWT_SECRET} is not set
 * @param issuer the {@code iss} of issued tokens, required of presented ones
 * @param audience the {@code aud} of issued tokens, required of presented ones when set
 * @param accessTokenTtl how long an access token is valid
 * @param clockSkew how far clocks may disagree when checking {@code exp}, {@code nbf} and
 * {@code iat}
 * @param maxTokenLength the longest token that is even looked at
 */
@ConfigurationProperties("jwt")
public record TokenProperties(@Nullable String secret,
		@DefaultValue("./data/jwt-secret") Path generatedSecretFile,
		@DefaultValue("jwt-auth-service") String issuer, @Nullable String audience,
		@DefaultValue("15m") Duration accessTokenTtl, @DefaultValue("30s") Duration clockSkew,
		@DefaultValue("8192") int maxTokenLength) {

	public TokenProperties {
		if (secret != null && secret.isEmpty()) {
			secret = null;
		}
		if (audience != null && audience.isBlank()) {
			audience = null;
		}
		if (accessTokenTtl.isNegative() || accessTokenTtl.isZero()) {
			throw new IllegalArgumentException("JWT_ACCESS_TOKEN_TTL must be positive");
		}
		if (clockSkew.isNegative() || clockSkew.compareTo(Duration.ofMinutes(5)) > 0) {
			throw new IllegalArgumentException("JWT_CLOCK_SKEW must be between 0 and 5 minutes");
		}
	}

}
