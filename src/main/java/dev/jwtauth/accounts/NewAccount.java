package dev.jwtauth.accounts;

import java.util.Set;

import org.jspecify.annotations.Nullable;

/**
 * A signup as received, before any rule has been checked.
 */
public record NewAccount(@Nullable String username, @Nullable String password, @Nullable String email,
		@Nullable String name, Set<Role> roles) {

	public NewAccount(@Nullable String username, @Nullable String password, @Nullable String email,
			@Nullable String name) {
		this(username, password, email, name, Set.of(Role.USER));
	}

}
