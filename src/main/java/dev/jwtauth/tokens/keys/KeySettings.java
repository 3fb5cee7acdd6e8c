package dev.jwtauth.tokens.keys;

import java.nio.file.Path;
import java.time.Duration;

import org.jspecify.annotations.Nullable;

/**
 * What the keys are made from, taken from the token settings by the tokens package, so
 * that this package depends on nothing of the package that uses it.
 *
 * @param algorithm the signing algorithm: HS256, RS256, ES256 or EdDSA
 * @param keyDir where asymmetric keys are kept
 * @param secret the HS256 secret ({@code JWT_SECRET})
 * @param secretFile a file holding the HS256 secret ({@code JWT_SECRET_FILE})
 * @param generatedSecretFile where a generated HS256 secret is kept
 * @param accessTokenReach how long after its issue an access token can be honoured, so
 * how long a retired key must still verify
 */
public record KeySettings(String algorithm, Path keyDir, @Nullable String secret, @Nullable String secretFile,
		Path generatedSecretFile, Duration accessTokenReach) {

	/** True when tokens are signed with a private key and verified with a public one. */
	public boolean asymmetric() {
		return !"HS256".equals(this.algorithm);
	}

}
