package dev.jwtauth.accounts;

import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;

import dev.jwtauth.errors.FieldProblem;
import dev.jwtauth.errors.InvalidFieldsException;
import org.jspecify.annotations.Nullable;

import org.springframework.stereotype.Component;

/**
 * Checks a signup field by field and names every problem at once, so a form can show
 * them all. Returns the normalised values that will be stored.
 */
@Component
class SignupRules {

	static final int USERNAME_MIN = 3;

	static final int USERNAME_MAX = 64;

	static final int EMAIL_MAX = 254;

	static final int NAME_MAX = 100;

	private static final Pattern USERNAME = Pattern.compile("[\\p{L}\\p{M}\\p{N}._@-]+");

	private static final Pattern EMAIL = Pattern.compile("[^@\\s\\p{Cntrl}]+@[^@\\s\\p{Cntrl}]+\\.[^@\\s\\p{Cntrl}]+");

	private static final Pattern CONTROL = Pattern.compile("[\\p{Cntrl}\\p{Cf}\\p{Cs}]");

	private final PasswordPolicy passwordPolicy;

	SignupRules(PasswordPolicy passwordPolicy) {
		this.passwordPolicy = passwordPolicy;
	}

	Valid check(NewAccount signup) {
		List<FieldProblem> errors = new ArrayList<>();
		String email = checkEmail(signup.email(), errors);
		String username = checkUsername((signup.username() != null) ? signup.username() : email,
				signup.email() != null && email == null, errors);
		String name = checkName(signup.name(), errors);
		this.passwordPolicy.check(signup.password(), username, email)
			.ifPresent((message) -> errors.add(new FieldProblem("password", message)));
		if (!errors.isEmpty()) {
			throw new InvalidFieldsException(errors);
		}
		return new Valid(username, email, name);
	}

	/**
	 * The address as it would be stored.
	 * @throws InvalidFieldsException naming {@code field} when it is no email address
	 */
	String email(@Nullable String email, String field) {
		List<FieldProblem> errors = new java.util.ArrayList<>();
		String normalized = (email != null) ? checkEmail(email, errors) : null;
		if (normalized == null) {
			throw new InvalidFieldsException(field, "must be an email address");
		}
		return normalized;
	}

	private @Nullable String checkEmail(@Nullable String email, List<FieldProblem> errors) {
		if (email == null) {
			return null;
		}
		String normalized = Names.normalize(email);
		if (normalized.length() > EMAIL_MAX || !EMAIL.matcher(normalized).matches()) {
			errors.add(new FieldProblem("email", "must be an email address"));
			return null;
		}
		return normalized;
	}

	private @Nullable String checkUsername(@Nullable String username, boolean emailRejected,
			List<FieldProblem> errors) {
		if (username == null || username.isBlank()) {
			if (!emailRejected) {
				errors.add(new FieldProblem("username", "is required (or give an email to log in with)"));
			}
			return null;
		}
		String normalized = Names.normalize(username);
		int length = normalized.codePointCount(0, normalized.length());
		if (length < USERNAME_MIN || length > USERNAME_MAX) {
			errors.add(new FieldProblem("username",
					"must be " + USERNAME_MIN + " to " + USERNAME_MAX + " characters long"));
			return null;
		}
		if (!USERNAME.matcher(normalized).matches()) {
			errors.add(new FieldProblem("username", "may contain only letters, digits and . _ - @"));
			return null;
		}
		return normalized;
	}

	private @Nullable String checkName(@Nullable String name, List<FieldProblem> errors) {
		if (name == null) {
			return null;
		}
		String normalized = Names.normalize(name).strip();
		if (normalized.isEmpty()) {
			return null;
		}
		if (normalized.codePointCount(0, normalized.length()) > NAME_MAX) {
			errors.add(new FieldProblem("name", "must be at most " + NAME_MAX + " characters long"));
			return null;
		}
		if (CONTROL.matcher(normalized).find()) {
			errors.add(new FieldProblem("name", "must not contain control characters"));
			return null;
		}
		return normalized;
	}

	/** Signup values that passed every rule, normalised. */
	record Valid(@Nullable String username, @Nullable String email, @Nullable String name) {
	}

}
