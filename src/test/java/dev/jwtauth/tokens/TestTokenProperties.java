package dev.jwtauth.tokens;

import java.nio.file.Path;
import java.time.Duration;

import org.jspecify.annotations.Nullable;

/**
 * Token settings as the service's defaults have them, for unit tests.
 */
public final class TestTokenProperties {

	private TestTokenProperties() {
	}

	public static TokenProperties with(@Nullable String secret, Path secretFile, @Nullable String audience,
			String algorithm, Path keyDir) {
		return new TokenProperties(secret, secretFile, "jwt-auth-service", audience, Duration.ofMinutes(15),
				Duration.ofSeconds(30), 8192, Duration.ofDays(14), Duration.ofSeconds(10), Duration.ofDays(1),
				Duration.ofMillis(250), algorithm, keyDir, null);
	}

	public static TokenProperties defaults(@Nullable String secret, Path secretFile) {
		return with(secret, secretFile, null, "HS256", Path.of("unused-keys"));
	}

}
