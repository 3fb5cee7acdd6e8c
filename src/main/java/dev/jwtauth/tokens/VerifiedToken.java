package dev.jwtauth.tokens;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

/**
 * An access token whose signature and every claim check passed.
 *
 * @param accountId the public id of the account ({@code sub})
 * @param sessionId the login it was issued for ({@code sid})
 * @param jti the token's unique id
 * @param issuedAt when it was issued
 * @param expiresAt when it stops being valid
 * @param roles the roles it was issued with
 */
public record VerifiedToken(UUID accountId, UUID sessionId, String jti, Instant issuedAt, Instant expiresAt,
		List<String> roles) {
}
