package dev.jwtauth.tokens;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

import org.jspecify.annotations.Nullable;

/**
 * An access token whose signature and every claim check passed: a user's, or a service
 * client's (client credentials), which speaks for no account.
 *
 * @param accountId the public id of the account ({@code sub}); for a client's token the
 * client's internal key, which no account has
 * @param sessionId the login it was issued for ({@code sid}); for a client's token the
 * client's internal key, so that removing the client revokes every token it holds
 * @param jti the token's unique id
 * @param issuedAt when it was issued
 * @param expiresAt when it stops being valid
 * @param roles the roles it was issued with (none for a client)
 * @param clientId the service client it was issued to ({@code client_id}); null for a
 * user's token
 * @param scopes the client's scopes ({@code scope}); empty for a user's token
 */
public record VerifiedToken(UUID accountId, UUID sessionId, String jti, Instant issuedAt, Instant expiresAt,
		List<String> roles, @Nullable String clientId, List<String> scopes) {

	/** A user's token. */
	public VerifiedToken(UUID accountId, UUID sessionId, String jti, Instant issuedAt, Instant expiresAt,
			List<String> roles) {
		this(accountId, sessionId, jti, issuedAt, expiresAt, roles, null, List.of());
	}

	/** True for a service client's token, which no user route accepts. */
	public boolean isClientToken() {
		return this.clientId != null;
	}

}
