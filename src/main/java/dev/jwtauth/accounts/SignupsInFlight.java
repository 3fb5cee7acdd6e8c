package dev.jwtauth.accounts;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentMap;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

import org.springframework.stereotype.Component;

/**
 * The login names of the signups this instance is creating right now. A second signup of
 * a name waits for the first to end and then looks the name up again, so a crowd signing
 * up one name costs one password hash, not one each: the rest answer 409 without taking
 * a place in the hashing pool. Across instances the login_name key still settles races.
 */
@Component
class SignupsInFlight {

	/** Longer than a signup takes when the hashing pool admits it at all. */
	static final Duration MAX_WAIT = Duration.ofSeconds(10);

	private final ConcurrentMap<String, CompletableFuture<Void>> names = new ConcurrentHashMap<>();

	/**
	 * Claims every name, first waiting for any signup in flight with one of them.
	 * @throws HashingBusyException when that signup does not end in time
	 */
	Claim claim(Set<String> keys) {
		while (true) {
			CompletableFuture<Void> done = new CompletableFuture<>();
			List<String> claimed = new ArrayList<>();
			CompletableFuture<Void> other = null;
			for (String key : keys) {
				other = this.names.putIfAbsent(key, done);
				if (other != null) {
					break;
				}
				claimed.add(key);
			}
			if (other == null) {
				return new Claim(claimed, done);
			}
			// Give back what was claimed before waiting, so two signups never wait on each other.
			new Claim(claimed, done).close();
			awaitEnd(other);
		}
	}

	private static void awaitEnd(CompletableFuture<Void> other) {
		try {
			other.get(MAX_WAIT.toNanos(), TimeUnit.NANOSECONDS);
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			throw new HashingBusyException();
		}
		catch (TimeoutException ex) {
			throw new HashingBusyException();
		}
		catch (ExecutionException ex) {
			throw new IllegalStateException(ex.getCause());
		}
	}

	/** Names held by one signup until it ends, whichever way. */
	final class Claim implements AutoCloseable {

		private final List<String> keys;

		private final CompletableFuture<Void> done;

		private Claim(List<String> keys, CompletableFuture<Void> done) {
			this.keys = keys;
			this.done = done;
		}

		@Override
		public void close() {
			this.keys.forEach((key) -> SignupsInFlight.this.names.remove(key, this.done));
			this.done.complete(null);
		}

	}

}
