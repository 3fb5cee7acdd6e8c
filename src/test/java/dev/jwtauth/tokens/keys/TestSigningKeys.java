package dev.jwtauth.tokens.keys;

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

}
