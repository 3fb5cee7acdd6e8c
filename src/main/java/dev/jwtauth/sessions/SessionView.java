package dev.jwtauth.sessions;

import java.time.Instant;
import java.util.UUID;

import dev.jwtauth.tokens.VerifiedToken;
import org.jspecify.annotations.Nullable;

/**
 * A live login as {@code GET /me/sessions} lists it.
 */
public record SessionView(UUID id, Instant createdAt, @Nullable Instant lastRefreshedAt, @Nullable String clientAddress,
		@Nullable String userAgent, boolean current) {

	static SessionView of(LoginSession session, @Nullable VerifiedToken current) {
		return new SessionView(session.getId(), session.getCreatedAt(), session.getLastRefreshedAt(),
				session.getClientAddress(), session.getUserAgent(),
				current != null && session.getId().equals(current.sessionId()));
	}

}
