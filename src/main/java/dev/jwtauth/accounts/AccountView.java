package dev.jwtauth.accounts;

import java.util.UUID;

import org.jspecify.annotations.Nullable;

/**
 * An account as answered to a signup.
 */
record AccountView(UUID id, String username, @Nullable String email, @Nullable String name) {

	static AccountView of(AccountDetails account) {
		return new AccountView(account.id(), account.username(), account.email(), account.name());
	}

}
