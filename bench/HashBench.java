import java.nio.charset.StandardCharsets;
import java.util.concurrent.atomic.LongAdder;

import de.mkammerer.argon2.Argon2;
import de.mkammerer.argon2.Argon2Factory;

/**
 * The password hash alone, as the ceiling for login throughput: the native Argon2id the
 * service hashes with (argon2-jvm and JNA, from the service's jar, with the service's
 * parameters) checking a password against a stored hash, which is the Argon2 work one
 * login does, on as many threads as asked, back to back.
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

		// The same parameters as the service's Argon2idPasswordEncoder: salt 16, hash 32,
		// parallelism 1, 7 MiB, 10 iterations.
		Argon2 argon2 = Argon2Factory.create(Argon2Factory.Argon2Types.ARGON2id, 16, 32);
		byte[] password = "bench-Pass-0-xyz".getBytes(StandardCharsets.UTF_8);
		String stored = argon2.hash(10, 7 * 1024, 1, password);

		LongAdder hashes = new LongAdder();
		Thread[] workers = new Thread[threads];
		for (int i = 0; i < threads; i++) {
			workers[i] = new Thread(() -> {
				while (!Thread.currentThread().isInterrupted()) {
					if (!argon2.verify(stored, password)) {
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
