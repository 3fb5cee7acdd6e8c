package dev.jwtauth.tokens.keys;

import java.io.IOException;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;

import javax.crypto.spec.SecretKeySpec;

/**
 * Signing keys for unit tests, built the way the factory builds them.
 */
public final class TestSigningKeys {

	private TestSigningKeys() {
	}

	public static SigningKeys hmac(byte[] secret) {
		return SigningKeys.hmac(new SecretKeySpec(secret, "HmacSHA256"));
	}

	/** A key rotation into the directory, as {@code rotate-key} does it. */
	public static KeyRotation rotation(dev.jwtauth.tokens.TokenProperties properties, Clock clock) {
		return new KeyRotation(properties.keys(), clock);
	}

	/** Keys of the algorithm from {@code directory}, generating one there when empty. */
	public static SigningKeys fromDirectory(String algorithm, Path directory, Clock clock) throws IOException {
		java.util.List<KeyFiles.StoredKey> keys = KeyFiles.load(directory, algorithm);
		if (keys.isEmpty()) {
			KeyFiles.generate(directory, algorithm, clock.instant().minusSeconds(1));
			keys = KeyFiles.load(directory, algorithm);
		}
		return SigningKeys.asymmetric(algorithm, keys, clock, Duration.ofMinutes(15).plusSeconds(30));
	}

	/** The service's key directory reloader for {@code keys}: each run is one scheduled re-read. */
	public static Runnable reloader(SigningKeys keys, dev.jwtauth.tokens.TokenProperties properties) {
		return new KeyDirectoryReloader(keys, properties.keys())::reload;
	}

}
