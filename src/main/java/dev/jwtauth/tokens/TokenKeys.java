package dev.jwtauth.tokens;

import java.io.IOException;
import java.nio.file.Path;
import java.time.Duration;

import dev.jwtauth.tokens.keys.KeyRotation;

import org.springframework.stereotype.Service;

/**
 * The tokens module's API for operators' key tasks.
 */
@Service
public class TokenKeys {

	private final KeyRotation rotation;

	TokenKeys(KeyRotation rotation) {
		this.rotation = rotation;
	}

	/**
	 * Adds a key that starts signing after {@code activateIn}.
	 * @return the new key's file
	 * @throws IllegalStateException when tokens are signed with a shared secret
	 */
	public Path rotate(Duration activateIn) throws IOException {
		return this.rotation.rotate(activateIn);
	}

}
