package dev.jwtauth.accounts;

import java.time.Instant;
import java.util.Set;
import java.util.UUID;

import org.jspecify.annotations.Nullable;

/**
 * What other features may know of an account: never its password hash.
 */
public record AccountDetails(UUID id, String username, @Nullable String email, @Nullable String name,
		Set<Role> roles, boolean enabled, Instant createdAt, boolean emailVerified) {

	/** An account whose email, if any, is not verified. */
	public AccountDetails(UUID id, String username, @Nullable String email, @Nullable String name, Set<Role> roles,
			boolean enabled, Instant createdAt) {
		this(id, username, email, name, roles, enabled, createdAt, false);
	}

	public boolean hasRole(Role role) {
		return this.roles.contains(role);
	}

}
