package dev.jwtauth.accounts;

import java.util.Arrays;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.CompletableFuture;

import me.gosimple.nbvcxz.resources.DictionaryUtil;

import org.springframework.core.task.SimpleAsyncTaskExecutor;
import org.springframework.stereotype.Component;

/**
 * The 100,000 most common passwords, as shipped in nbvcxz's {@code passwords}
 * dictionary: no network call is made to check a password. Only that dictionary is
 * read (nbvcxz's defaults would load and keep all six), and it is kept as a sorted
 * array: a few MiB instead of the tens a map of boxed ranks takes. It is read in the
 * background, because reading it takes about a second the service's start need not wait
 * for; the first password check waits for it instead.
 */
@Component
class CommonPasswords {

	private final CompletableFuture<String[]> sorted = CompletableFuture.supplyAsync(CommonPasswords::load,
			lowestPriorityDaemon());

	/**
	 * A daemon thread of its own at the lowest Java priority, which the service's JVM
	 * flags turn into {@code nice 5}: on two cores the second of reading otherwise takes
	 * CPU from the start-up it runs beside.
	 */
	private static SimpleAsyncTaskExecutor lowestPriorityDaemon() {
		SimpleAsyncTaskExecutor executor = new SimpleAsyncTaskExecutor("common-passwords-");
		executor.setDaemon(true);
		executor.setThreadPriority(Thread.MIN_PRIORITY);
		return executor;
	}

	private static String[] load() {
		Map<String, Integer> ranked = DictionaryUtil.loadRankedDictionary(DictionaryUtil.passwords);
		if (ranked.isEmpty()) {
			throw new IllegalStateException("nbvcxz no longer ships its passwords dictionary");
		}
		return ranked.keySet().stream().map((word) -> word.toLowerCase(Locale.ROOT)).distinct().sorted()
			.toArray(String[]::new);
	}

	boolean contains(String password) {
		return Arrays.binarySearch(this.sorted.join(), password.toLowerCase(Locale.ROOT)) >= 0;
	}

	int size() {
		return this.sorted.join().length;
	}

}
