package dev.jwtauth.accounts;

import java.time.Instant;
import java.util.EnumSet;
import java.util.Set;
import java.util.UUID;

import dev.jwtauth.storage.PersistableEntity;
import jakarta.persistence.Column;
import jakarta.persistence.Convert;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import org.jspecify.annotations.Nullable;

/**
 * A person who can log in. The id is a random UUID and is the only id ever shown; the
 * {@code *_key} columns hold the case-folded names that uniqueness and login use.
 */
@Entity
@Table(name = "account")
class Account extends PersistableEntity<UUID> {

	@Id
	private UUID id;

	private String username;

	@Column(name = "username_key")
	private String usernameKey;

	private @Nullable String email;

	@Column(name = "email_key")
	private @Nullable String emailKey;

	private @Nullable String name;

	@Column(name = "password_hash")
	private String passwordHash;

	@Convert(converter = RolesConverter.class)
	private Set<Role> roles = EnumSet.of(Role.USER);

	private boolean enabled = true;

	@Column(name = "email_verified")
	private boolean emailVerified;

	@Column(name = "password_changed_at")
	private @Nullable Instant passwordChangedAt;

	@Column(name = "created_at")
	private Instant createdAt;

	protected Account() {
		this.id = UUID.randomUUID();
		this.username = "";
		this.usernameKey = "";
		this.passwordHash = "";
		this.createdAt = Instant.EPOCH;
	}

	Account(String username, @Nullable String email, @Nullable String name, String passwordHash, Set<Role> roles,
			Instant createdAt) {
		this.id = UUID.randomUUID();
		this.username = username;
		this.usernameKey = Names.key(username);
		this.email = email;
		this.emailKey = (email != null) ? Names.key(email) : null;
		this.name = name;
		this.passwordHash = passwordHash;
		this.roles = EnumSet.copyOf(roles);
		this.roles.add(Role.USER);
		this.createdAt = createdAt;
	}

	@Override
	public UUID getId() {
		return this.id;
	}

	String getUsername() {
		return this.username;
	}

	String getUsernameKey() {
		return this.usernameKey;
	}

	@Nullable String getEmail() {
		return this.email;
	}

	@Nullable String getEmailKey() {
		return this.emailKey;
	}

	String getPasswordHash() {
		return this.passwordHash;
	}

	/** A new password: mail tokens issued before {@code now} stop working. */
	void changePasswordHash(String passwordHash, Instant now) {
		this.passwordHash = passwordHash;
		this.passwordChangedAt = now;
	}

	/** The same password, hashed anew with the current parameters. */
	void rehash(String passwordHash) {
		this.passwordHash = passwordHash;
	}

	@Nullable Instant getPasswordChangedAt() {
		return this.passwordChangedAt;
	}

	/** A new address, proven by a token sent to it. */
	void changeEmail(String email) {
		this.email = email;
		this.emailKey = Names.key(email);
		this.emailVerified = true;
	}

	boolean isEmailVerified() {
		return this.emailVerified;
	}

	void setEmailVerified(boolean emailVerified) {
		this.emailVerified = emailVerified;
	}

	boolean isEnabled() {
		return this.enabled;
	}

	void setEnabled(boolean enabled) {
		this.enabled = enabled;
	}

	AccountDetails toDetails() {
		return new AccountDetails(this.id, this.username, this.email, this.name, Set.copyOf(this.roles),
				this.enabled, this.createdAt, this.emailVerified);
	}

}
