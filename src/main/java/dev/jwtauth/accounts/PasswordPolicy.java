package dev.jwtauth.accounts;

import java.util.Optional;

import org.jspecify.annotations.Nullable;

import org.springframework.stereotype.Component;

/**
 * The password rules of ASVS 5.0: a minimum length, up to 128 characters used whole, no
 * composition rules, not a common password, and not the account's own name or email.
 */
@Component
public class PasswordPolicy {

	private final int minLength;

	private final CommonPasswords commonPasswords;

	PasswordPolicy(AccountsProperties properties, CommonPasswords commonPasswords) {
		this.minLength = properties.passwordMinLength();
		this.commonPasswords = commonPasswords;
	}

	/**
	 * Why the password may not be used, or empty when it may.
	 */
	public Optional<String> check(@Nullable String password, @Nullable String username, @Nullable String email) {
		if (password == null || password.isEmpty()) {
			return Optional.of("is required");
		}
		int length = password.codePointCount(0, password.length());
		if (length < this.minLength || length > AccountsProperties.PASSWORD_MAX_LENGTH) {
			return Optional.of("must be " + this.minLength + " to " + AccountsProperties.PASSWORD_MAX_LENGTH
					+ " characters long");
		}
		if (this.commonPasswords.contains(password)) {
			return Optional.of("is too common; choose one that is harder to guess");
		}
		String folded = Names.key(password);
		if ((username != null && folded.equals(Names.key(username)))
				|| (email != null && folded.equals(Names.key(email)))) {
			return Optional.of("must not be your username or email");
		}
		return Optional.empty();
	}

	static boolean isWithinMaxLength(String password) {
		return password.codePointCount(0, password.length()) <= AccountsProperties.PASSWORD_MAX_LENGTH;
	}

}
