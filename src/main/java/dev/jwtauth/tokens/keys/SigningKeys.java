package dev.jwtauth.tokens.keys;

import java.security.Key;
import java.util.Optional;

import org.jspecify.annotations.Nullable;

/**
 * The key that signs new tokens and the keys that verify presented ones, each bound to
 * exactly one algorithm so a key can never be used with another.
 */
public final class SigningKeys {

	private final String algorithm;

	private final Key signingKey;

	private SigningKeys(String algorithm, Key signingKey) {
		this.algorithm = algorithm;
		this.signingKey = signingKey;
	}

	static SigningKeys hmac(Key secret) {
		return new SigningKeys("HS256", secret);
	}

	/** The one algorithm tokens are signed with and accepted in, spelled as in JWS. */
	public String algorithm() {
		return this.algorithm;
	}

	public Key signingKey() {
		return this.signingKey;
	}

	/** The {@code kid} of new tokens; none for a single shared secret. */
	public @Nullable String signingKeyId() {
		return null;
	}

	/**
	 * The key that verifies a token with this {@code kid}. The id is only ever compared,
	 * never used as a path or a query.
	 */
	public Optional<Key> verificationKey(@Nullable String keyId) {
		return (keyId == null) ? Optional.of(this.signingKey) : Optional.empty();
	}

}
