package dev.jwtauth.accounts;

import java.text.Normalizer;
import java.util.Locale;

/**
 * How names are compared: Unicode NFKC, so that look-alike spellings (full-width
 * letters, ligatures) collapse into one, then case-folded.
 */
final class Names {

	/** The longest key a login name can have: the width of {@code login_name.name_key}. */
	static final int KEY_MAX = 512;

	private Names() {
	}

	static String normalize(String name) {
		return Normalizer.normalize(name, Normalizer.Form.NFKC);
	}

	static String key(String name) {
		return normalize(normalize(name).toLowerCase(Locale.ROOT));
	}

}
