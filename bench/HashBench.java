import java.util.concurrent.atomic.LongAdder;

import org.springframework.security.crypto.argon2.Argon2PasswordEncoder;

/**
 * The password hash alone, as the ceiling for login throughput: the service's own
 * encoder (Spring Security's Argon2PasswordEncoder with the service's parameters, on
 * the BouncyCastle in its jar) checking a password against a stored hash, which is the
 * Argon2 work one login does, on as many threads as asked, back to back.
 *
 * Run by bench/run as {@code java -cp <jars from the service jar> HashBench.java
 * THREADS WARMUP_SECONDS MEASURE_SECONDS}; prints
 * {@code HASH <threads> <hashes> <seconds> <hashes per second>}.
 */
public class HashBench {

	public static void main(String[] args) throws InterruptedException {
		int threads = Integer.parseInt(args[0]);
		long warmupMillis = Long.parseLong(args[1]) * 1000;
		long measureMillis = Long.parseLong(args[2]) * 1000;

		// The same parameters as the service's PasswordHashing: salt 16, hash 32,
		// parallelism 1, 7 MiB, 5 iterations (as PasswordHashing has them).
		Argon2PasswordEncoder encoder = new Argon2PasswordEncoder(16, 32, 1, 7 * 1024, 5);
		String password = "bench-Pass-0-xyz";
		String stored = encoder.encode(password);

		LongAdder hashes = new LongAdder();
		Thread[] workers = new Thread[threads];
		for (int i = 0; i < threads; i++) {
			workers[i] = new Thread(() -> {
				while (!Thread.currentThread().isInterrupted()) {
					if (!encoder.matches(password, stored)) {
						throw new IllegalStateException("the stored hash does not match its password");
					}
					hashes.increment();
				}
			}, "hash-" + i);
			workers[i].setDaemon(true);
			workers[i].start();
		}

		// Only the hashes finished inside the measured window count; the ones in flight
		// at either edge are at most one per thread.
		Thread.sleep(warmupMillis);
		long before = hashes.sum();
		long start = System.nanoTime();
		Thread.sleep(measureMillis);
		long counted = hashes.sum() - before;
		double seconds = (System.nanoTime() - start) / 1e9;
		for (Thread worker : workers) {
			worker.interrupt();
		}
		System.out.printf("HASH %d %d %.3f %.2f%n", threads, counted, seconds, counted / seconds);
	}

}
