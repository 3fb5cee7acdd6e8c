package dev.jwtauth.sessions;

import java.time.Instant;
import java.util.UUID;

/**
 * A refresh token that a refresh would accept now, as introspection describes it.
 *
 * @param accountId the account whose login it is
 * @param sessionId the login
 * @param issuedAt when this token of the login was issued
 * @param expiresAt when the login, and so the token, ends at the latest
 */
public record LiveRefreshToken(UUID accountId, UUID sessionId, Instant issuedAt, Instant expiresAt) {
}
