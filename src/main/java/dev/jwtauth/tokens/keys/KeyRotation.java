package dev.jwtauth.tokens.keys;

import java.io.IOException;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;


import org.springframework.stereotype.Component;

/**
 * Adds a new signing key to the key directory, to start signing after a delay: until
 * then it is published and verifies, so every instance and every JWKS client has it
 * before the first token it signs. The old key keeps verifying until its last token
 * expires.
 */
@Component
public class KeyRotation {

	private final KeySettings properties;

	private final Clock clock;

	KeyRotation(KeySettings properties, Clock clock) {
		this.properties = properties;
		this.clock = clock;
	}

	/** The new key's file. */
	public Path rotate(Duration activateIn) throws IOException {
		if (!this.properties.asymmetric()) {
			throw new IllegalStateException("JWT_ALGORITHM is HS256: there is no key pair to rotate;"
					+ " change JWT_SECRET on every instance instead.");
		}
		return KeyFiles.generate(this.properties.keyDir().toAbsolutePath().normalize(), this.properties.algorithm(),
				this.clock.instant().plus(activateIn));
	}

}
