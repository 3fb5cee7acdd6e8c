package dev.jwtauth.sessions;

import java.time.Instant;
import java.util.UUID;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.PostLoad;
import jakarta.persistence.PostPersist;
import jakarta.persistence.Table;
import jakarta.persistence.Transient;
import org.jspecify.annotations.Nullable;

import org.springframework.data.domain.Persistable;

/**
 * A refresh token as stored: its SHA-256 hash only, the login it belongs to, and when
 * it was spent.
 */
@Entity
@Table(name = "refresh_token")
class RefreshToken implements Persistable<String> {

	@Id
	@Column(name = "token_hash")
	private String tokenHash;

	@Column(name = "session_id")
	private UUID sessionId;

	@Column(name = "issued_at")
	private Instant issuedAt;

	@Column(name = "spent_at")
	private @Nullable Instant spentAt;

	@Transient
	private boolean isNew = true;

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

	@Override
	public boolean isNew() {
		return this.isNew;
	}

	@PostLoad
	@PostPersist
	void markNotNew() {
		this.isNew = false;
	}

	UUID getSessionId() {
		return this.sessionId;
	}

	@Nullable Instant getSpentAt() {
		return this.spentAt;
	}

}
