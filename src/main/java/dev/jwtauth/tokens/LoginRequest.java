package dev.jwtauth.tokens;

import org.jspecify.annotations.Nullable;

/**
 * A login body, as JSON or form fields: a username or an email, and a password.
 */
record LoginRequest(@Nullable String username, @Nullable String email, @Nullable String password) {

	@Nullable String loginName() {
		return (this.username != null && !this.username.isBlank()) ? this.username : this.email;
	}

}
