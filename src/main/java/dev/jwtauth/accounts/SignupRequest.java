package dev.jwtauth.accounts;

import io.swagger.v3.oas.annotations.media.Schema;
import org.jspecify.annotations.Nullable;

/**
 * A signup body, as JSON or as form fields. Types are strict in JSON (a number is not
 * a username); the rules themselves are checked by {@link SignupRules}.
 */
record SignupRequest(
		@Schema(description = "3 to 64 letters, digits and `. _ - @`; the email when left out",
				example = "alice") @Nullable String username,
		@Schema(requiredMode = Schema.RequiredMode.REQUIRED, example = "s3cret-Garden-path") @Nullable String password,
		@Schema(example = "alice@example.com") @Nullable String email, @Nullable String name) {

	NewAccount toNewAccount() {
		return new NewAccount(this.username, this.password, blankToNull(this.email), blankToNull(this.name));
	}

	// An HTML form sends an empty optional field rather than leaving it out.
	private static @Nullable String blankToNull(@Nullable String value) {
		return (value == null || value.isBlank()) ? null : value;
	}

}
