package dev.jwtauth.tokens;

import java.time.Instant;

/**
 * A freshly signed access token and what was put in it.
 */
public record IssuedToken(String value, String jti, Instant issuedAt, Instant expiresAt) {
}
