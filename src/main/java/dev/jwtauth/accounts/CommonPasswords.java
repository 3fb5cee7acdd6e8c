package dev.jwtauth.accounts;

import java.util.Arrays;
import java.util.Locale;
import java.util.Map;

import me.gosimple.nbvcxz.resources.DictionaryUtil;

import org.springframework.stereotype.Component;

/**
 * The 100,000 most common passwords, as shipped in nbvcxz's {@code passwords}
 * dictionary: no network call is made to check a password. Only that dictionary is
 * read (nbvcxz's defaults would load and keep all six), and it is kept as a sorted
 * array: a few MiB instead of the tens a map of boxed ranks takes.
 */
@Component
class CommonPasswords {

	private final String[] sorted;

	CommonPasswords() {
		Map<String, Integer> ranked = DictionaryUtil.loadRankedDictionary(DictionaryUtil.passwords);
		if (ranked.isEmpty()) {
			throw new IllegalStateException("nbvcxz no longer ships its passwords dictionary");
		}
		this.sorted = ranked.keySet().stream().map((word) -> word.toLowerCase(Locale.ROOT)).distinct().sorted()
			.toArray(String[]::new);
	}

	boolean contains(String password) {
		return Arrays.binarySearch(this.sorted, password.toLowerCase(Locale.ROOT)) >= 0;
	}

	int size() {
		return this.sorted.length;
	}

}
