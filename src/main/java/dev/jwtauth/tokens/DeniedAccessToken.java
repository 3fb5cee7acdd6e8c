package dev.jwtauth.tokens;

import java.io.Serializable;
import java.time.Instant;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.IdClass;
import jakarta.persistence.PostLoad;
import jakarta.persistence.PostPersist;
import jakarta.persistence.Table;
import jakarta.persistence.Transient;

import org.springframework.data.domain.Persistable;

/**
 * An access token stopped before its expiry, keyed by ({@code jti}, {@code iss}) as
 * RFC 8725 and OWASP advise: a hash of the token text could be dodged by re-encoding
 * the same token differently.
 */
@Entity
@Table(name = "denied_access_token")
@IdClass(DeniedAccessToken.Key.class)
class DeniedAccessToken implements Persistable<DeniedAccessToken.Key> {

	@Id
	private String jti;

	@Id
	private String issuer;

	@Column(name = "expires_at")
	private Instant expiresAt;

	@Transient
	private boolean isNew = true;

	protected DeniedAccessToken() {
		this.jti = "";
		this.issuer = "";
		this.expiresAt = Instant.EPOCH;
	}

	DeniedAccessToken(String jti, String issuer, Instant expiresAt) {
		this.jti = jti;
		this.issuer = issuer;
		this.expiresAt = expiresAt;
	}

	@Override
	public Key getId() {
		return new Key(this.jti, this.issuer);
	}

	String getJti() {
		return this.jti;
	}

	String getIssuer() {
		return this.issuer;
	}

	Instant getExpiresAt() {
		return this.expiresAt;
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

	record Key(String jti, String issuer) implements Serializable {

		Key() {
			this("", "");
		}

	}

}
