package dev.jwtauth.tokens.keys;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Locale;

/**
 * Secrets copied from tutorials and samples, which attackers try first. A secret made
 * of these phrases (in any case, with any separators, repeated to reach 32 bytes) is
 * refused at start.
 */
final class TutorialSecrets {

	private static final List<String> PHRASES = load();

	private TutorialSecrets() {
	}

	private static List<String> load() {
		try (InputStream in = TutorialSecrets.class.getResourceAsStream("tutorial-secrets.txt")) {
			if (in == null) {
				throw new IllegalStateException("tutorial-secrets.txt is missing from the classpath");
			}
			return new String(in.readAllBytes(), StandardCharsets.UTF_8).lines()
				.map(String::strip)
				.filter((line) -> !line.isEmpty() && !line.startsWith("#"))
				.toList();
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
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
