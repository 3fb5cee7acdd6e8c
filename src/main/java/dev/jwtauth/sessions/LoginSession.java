package dev.jwtauth.sessions;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

import dev.jwtauth.storage.PersistableEntity;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import org.jspecify.annotations.Nullable;

/**
 * One login and everything refreshed from it (a refresh-token "family"). Revoking it
 * stops its refresh tokens and every access token carrying its id in {@code sid}.
 */
@Entity
@Table(name = "login_session")
class LoginSession extends PersistableEntity<UUID> {

	@Id
	private UUID id;

	@Column(name = "account_id")
	private UUID accountId;

	@Column(name = "created_at")
	private Instant createdAt;

	@Column(name = "last_refreshed_at")
	private @Nullable Instant lastRefreshedAt;

	@Column(name = "expires_at")
	private Instant expiresAt;

	@Column(name = "revoked_at")
	private @Nullable Instant revokedAt;

	@Column(name = "client_address")
	private @Nullable String clientAddress;

	@Column(name = "user_agent")
	private @Nullable String userAgent;

	/** How the login was made (RFC 8176 values, space-separated), for every token refreshed from it. */
	@Column(name = "amr")
	private String amr;

	protected LoginSession() {
		this.id = new UUID(0, 0);
		this.accountId = new UUID(0, 0);
		this.createdAt = Instant.EPOCH;
		this.expiresAt = Instant.EPOCH;
		this.amr = "pwd";
	}

	LoginSession(UUID accountId, Instant createdAt, Instant expiresAt, @Nullable String clientAddress,
			@Nullable String userAgent, List<String> amr) {
		this.id = UUID.randomUUID();
		this.amr = String.join(" ", amr);
		this.accountId = accountId;
		this.createdAt = createdAt;
		this.expiresAt = expiresAt;
		this.clientAddress = clientAddress;
		this.userAgent = userAgent;
	}

	@Override
	public UUID getId() {
		return this.id;
	}

	UUID getAccountId() {
		return this.accountId;
	}

	Instant getCreatedAt() {
		return this.createdAt;
	}

	@Nullable Instant getLastRefreshedAt() {
		return this.lastRefreshedAt;
	}

	Instant getExpiresAt() {
		return this.expiresAt;
	}

	@Nullable String getClientAddress() {
		return this.clientAddress;
	}

	@Nullable String getUserAgent() {
		return this.userAgent;
	}

	List<String> getAmr() {
		return List.of(this.amr.split(" "));
	}

	boolean isLive(Instant now) {
		return this.revokedAt == null && now.isBefore(this.expiresAt);
	}

}
