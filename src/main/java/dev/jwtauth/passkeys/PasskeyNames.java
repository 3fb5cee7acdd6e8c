package dev.jwtauth.passkeys;

import dev.jwtauth.errors.InvalidFieldsException;
import org.jspecify.annotations.Nullable;

/** What a passkey may be called: up to 64 printable characters; "Passkey" when none is given. */
final class PasskeyNames {

	static final int MAX_LENGTH = 64;

	private PasskeyNames() {
	}

	static String check(@Nullable String name) {
		if (name == null || name.isBlank()) {
			return "Passkey";
		}
		String stripped = name.strip();
		if (stripped.codePointCount(0, stripped.length()) > MAX_LENGTH
				|| stripped.codePoints().anyMatch((c) -> Character.isISOControl(c) || Character.getType(c) == Character.FORMAT)) {
			throw new InvalidFieldsException("name", "must be at most " + MAX_LENGTH + " printable characters");
		}
		return stripped;
	}

}
