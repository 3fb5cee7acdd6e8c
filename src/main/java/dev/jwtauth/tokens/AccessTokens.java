package dev.jwtauth.tokens;

import java.io.IOException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.UUID;

import dev.jwtauth.accounts.AccountDetails;
import dev.jwtauth.tokens.keys.KeyRotation;

import org.springframework.stereotype.Service;

/**
 * The tokens module's public API: issue an access token, verify a presented one (its
 * signature and claims; revocation is another module's), and rotate the signing keys.
 * Only {@code AccessTokenCodec} touches the JWT library.
 */
@Service
public class AccessTokens {

	private final AccessTokenCodec codec;

	private final VerifiedTokens verifiedTokens;

	private final KeyRotation rotation;

	AccessTokens(AccessTokenCodec codec, VerifiedTokens verifiedTokens, KeyRotation rotation) {
		this.codec = codec;
		this.verifiedTokens = verifiedTokens;
		this.rotation = rotation;
	}

	/** @param amr how the login was made (RFC 8176), as the {@code amr} claim */
	public IssuedToken issue(AccountDetails account, UUID sessionId, List<String> amr) {
		return this.codec.issue(account, sessionId, amr);
	}

	/**
	 * A service client's access token (client credentials): {@code sub} and
	 * {@code client_id} are the client id, no roles; revoking the session
	 * {@code clientKey} revokes every token of the client.
	 */
	public IssuedToken issueForClient(String clientId, UUID clientKey, List<String> scopes) {
		return this.codec.issueForClient(clientId, clientKey, scopes);
	}

	/**
	 * The token's claims once its signature and claims are checked, from memory when it
	 * was checked before.
	 * @throws InvalidTokenException naming the check that failed
	 */
	public VerifiedToken verify(String token) {
		return this.verifiedTokens.verify(token);
	}

	/**
	 * Adds a key that starts signing after {@code activateIn}.
	 * @return the new key's file
	 * @throws IllegalStateException when tokens are signed with a shared secret
	 */
	public Path rotateKey(Duration activateIn) throws IOException {
		return this.rotation.rotate(activateIn);
	}

}
