package dev.jwtauth.tokens;

import java.nio.file.Path;
import java.time.Duration;
import java.util.Set;

import dev.jwtauth.tokens.keys.KeySettings;
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
 * @param refreshTokenTtl the absolute lifetime of a login: its refresh tokens stop
 * working this long after the login, however often they are rotated
 * @param refreshReuseGrace how long after a refresh token is spent a repeat of it still
 * gets the same successor (two tabs refreshing at once) instead of revoking the login
 * @param spentRefreshRetention how long spent refresh tokens are kept to recognise reuse
 * @param revocationPollInterval how often each instance reads the revocation feed
 * @param algorithm the signing algorithm: HS256, RS256, ES256 or EdDSA
 * @param keyDir where asymmetric keys are kept (PEM, private files owner-only)
 * @param secretFile a file holding the HS256 secret ({@code JWT_SECRET_FILE}), as
 * container and systemd credentials provide it; used when {@code JWT_SECRET} is not set
 */
@ConfigurationProperties("jwt")
public record TokenProperties(@Nullable String secret,
		@DefaultValue("./data/jwt-secret") Path generatedSecretFile,
		@DefaultValue("jwt-auth-service") String issuer, @Nullable String audience,
		@DefaultValue("15m") Duration accessTokenTtl, @DefaultValue("30s") Duration clockSkew,
		@DefaultValue("8192") int maxTokenLength, @DefaultValue("14d") Duration refreshTokenTtl,
		@DefaultValue("10s") Duration refreshReuseGrace, @DefaultValue("1d") Duration spentRefreshRetention,
		@DefaultValue("250ms") Duration revocationPollInterval, @DefaultValue("HS256") String algorithm,
		@DefaultValue("./data/keys") Path keyDir, @Nullable String secretFile) {

	/** The algorithms a deployment may choose; each is the only one its tokens accept. */
	public static final Set<String> ALGORITHMS = Set.of("HS256", "RS256", "ES256", "EdDSA");

	public TokenProperties {
		if (secret != null && secret.isEmpty()) {
			secret = null;
		}
		if (secretFile != null && secretFile.isBlank()) {
			secretFile = null;
		}
		if (audience != null && audience.isBlank()) {
			audience = null;
		}
		requirePositive(accessTokenTtl, "JWT_ACCESS_TOKEN_TTL");
		requirePositive(refreshTokenTtl, "JWT_REFRESH_TOKEN_TTL");
		requirePositive(revocationPollInterval, "JWT_REVOCATION_POLL_INTERVAL");
		if (clockSkew.isNegative() || clockSkew.compareTo(Duration.ofMinutes(5)) > 0) {
			throw new IllegalArgumentException("JWT_CLOCK_SKEW must be between 0 and 5 minutes");
		}
		if (refreshReuseGrace.isNegative() || refreshReuseGrace.compareTo(Duration.ofMinutes(1)) > 0) {
			throw new IllegalArgumentException("JWT_REFRESH_REUSE_GRACE must be between 0 and 1 minute");
		}
		if (!ALGORITHMS.contains(algorithm)) {
			throw new IllegalArgumentException(
					"JWT_ALGORITHM must be one of HS256, RS256, ES256, EdDSA (case as written), not " + algorithm);
		}
	}

	private static void requirePositive(Duration duration, String name) {
		if (duration.isNegative() || duration.isZero()) {
			throw new IllegalArgumentException(name + " must be positive");
		}
	}

	/** True when tokens are signed with a private key and verified with a public one. */
	public boolean asymmetric() {
		return keys().asymmetric();
	}

	/** What the signing keys are made from. */
	public KeySettings keys() {
		return new KeySettings(this.algorithm, this.keyDir, this.secret, this.secretFile, this.generatedSecretFile,
				accessTokenReach());
	}

	/** How long after its issue any access token can still be honoured. */
	public Duration accessTokenReach() {
		return this.accessTokenTtl.plus(this.clockSkew);
	}

}
