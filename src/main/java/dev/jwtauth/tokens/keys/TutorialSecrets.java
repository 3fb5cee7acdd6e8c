package dev.jwtauth.tokens.keys;

import java.util.List;
import java.util.Locale;

/**
 * Secrets copied from tutorials and samples, which attackers try first. A secret made
 * of these phrases (in any case, with any separators, repeated to reach 32 bytes) is
 * refused at start.
 */
final class TutorialSecrets {

	private static final List<String> PHRASES = List.of("supersecret", "yoursecretkey", "your256bitsecret",
			"yoursecret", "secretkey", "mysecretkey", "mysecret", "jwtsecret", "changeme", "changeit", "secret",
			"password", "thisisasecret", "keepitsecret", "topsecret", "qwerty", "123456", "key");

	private TutorialSecrets() {
	}

	static boolean isKnown(String secret) {
		String rest = secret.toLowerCase(Locale.ROOT).replaceAll("[^a-z0-9]", "");
		if (rest.isEmpty()) {
			return true;
		}
		// Strip known phrases from the front until nothing, or something unknown, is left.
		boolean progress = true;
		while (!rest.isEmpty() && progress) {
			progress = false;
			for (String phrase : PHRASES) {
				if (rest.startsWith(phrase)) {
					rest = rest.substring(phrase.length());
					progress = true;
					break;
				}
			}
		}
		return rest.isEmpty();
	}

}
