package dev.jwtauth.accounts;

import java.util.Locale;
import java.util.Map;

import me.gosimple.nbvcxz.resources.ConfigurationBuilder;
import me.gosimple.nbvcxz.resources.Dictionary;

import org.springframework.stereotype.Component;

/**
 * The 100,000 most common passwords, as shipped in nbvcxz's {@code passwords}
 * dictionary: no network call is made to check a password.
 */
@Component
class CommonPasswords {

	private final Map<String, Integer> ranked;

	CommonPasswords() {
		this.ranked = ConfigurationBuilder.getDefaultDictionaries()
			.stream()
			.filter((dictionary) -> "passwords".equals(dictionary.getDictionaryName()))
			.findFirst()
			.map(Dictionary::getDictonary)
			.orElseThrow(() -> new IllegalStateException("nbvcxz no longer ships its passwords dictionary"));
	}

	boolean contains(String password) {
		return this.ranked.containsKey(password.toLowerCase(Locale.ROOT));
	}

	int size() {
		return this.ranked.size();
	}

}
