package dev.jwtauth.accounts;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

import org.jspecify.annotations.Nullable;

/**
 * An account as {@code /me} and {@code /users/{id}} show it; {@code mfa} names the second
 * factors that are on.
 */
public record ProfileView(UUID id, String username, @Nullable String email, @Nullable Boolean emailVerified,
		@Nullable String name, List<Role> roles, Instant createdAt, List<String> mfa) {

	static ProfileView of(AccountDetails account, List<String> mfa) {
		return new ProfileView(account.id(), account.username(), account.email(),
				(account.email() != null) ? account.emailVerified() : null, account.name(),
				account.roles().stream().sorted().toList(), account.createdAt(), mfa);
	}

}
