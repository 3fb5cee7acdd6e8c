package dev.jwtauth.login;

import io.swagger.v3.oas.annotations.media.Schema;
import org.jspecify.annotations.Nullable;

/**
 * A login body, as JSON or form fields: a username or an email, and a password.
 */
record LoginRequest(@Schema(description = "The username or the email; one of the two is required",
		example = "alice") @Nullable String username,
		@Schema(description = "Instead of `username`", example = "alice@example.com") @Nullable String email,
		@Schema(requiredMode = Schema.RequiredMode.REQUIRED, example = "s3cret-Garden-path") @Nullable String password) {

	@Nullable String loginName() {
		return (this.username != null && !this.username.isBlank()) ? this.username : this.email;
	}

}
