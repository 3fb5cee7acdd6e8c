package dev.jwtauth.sessions;

import java.time.Instant;
import java.util.UUID;

import dev.jwtauth.storage.PersistableEntity;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import org.jspecify.annotations.Nullable;

/**
 * A refresh token as stored: its SHA-256 hash only, the login it belongs to, and when
 * it was spent.
 */
@Entity
@Table(name = "refresh_token")
class RefreshToken extends PersistableEntity<String> {

	@Id
	@Column(name = "token_hash")
	private String tokenHash;

	@Column(name = "session_id")
	private UUID sessionId;

	@Column(name = "issued_at")
	private Instant issuedAt;

	@Column(name = "spent_at")
	private @Nullable Instant spentAt;

	protected RefreshToken() {
		this.tokenHash = "";
		this.sessionId = new UUID(0, 0);
		this.issuedAt = Instant.EPOCH;
	}

	RefreshToken(String tokenHash, UUID sessionId, Instant issuedAt) {
		this.tokenHash = tokenHash;
		this.sessionId = sessionId;
		this.issuedAt = issuedAt;
	}

	@Override
	public String getId() {
		return this.tokenHash;
	}

	UUID getSessionId() {
		return this.sessionId;
	}

	Instant getIssuedAt() {
		return this.issuedAt;
	}

	@Nullable Instant getSpentAt() {
		return this.spentAt;
	}

}
