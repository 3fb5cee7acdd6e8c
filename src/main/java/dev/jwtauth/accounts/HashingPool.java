package dev.jwtauth.accounts;

import java.time.Duration;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Future;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.Semaphore;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.function.Supplier;

import jakarta.annotation.PreDestroy;

import org.springframework.stereotype.Component;

/**
 * Runs password hashing on a bounded pool: a flood of logins cannot take every thread
 * and all memory. A login that finds every thread busy and the queue full waits a
 * moment for a place, then is refused with 503 rather than queued without bound. The
 * moment matters: refused at once, a flooding client comes straight back, and answering
 * it again and again takes the CPU that token checks and the hashing itself need.
 */
@Component
class HashingPool {

	/** How long a login waits for a place before it is refused. */
	static final Duration ADMISSION_WAIT = Duration.ofMillis(100);

	private final ThreadPoolExecutor executor;

	/** One permit per thread and per queue place: what holds none is never submitted. */
	private final Semaphore places;

	HashingPool(AccountsProperties properties) {
		int threads = (properties.hashingThreads() > 0) ? properties.hashingThreads()
				: Runtime.getRuntime().availableProcessors();
		this.places = new Semaphore(threads + properties.hashingQueue());
		this.executor = new ThreadPoolExecutor(threads, threads, 60, TimeUnit.SECONDS,
				new ArrayBlockingQueue<>(properties.hashingQueue()), (runnable) -> {
					Thread thread = new Thread(runnable, "password-hashing");
					thread.setDaemon(true);
					// With the service's JVM flags (docs/operations.md) this becomes nice 5, so
					// that token checks go first while hashing takes the rest of the CPU.
					thread.setPriority(Thread.MIN_PRIORITY);
					return thread;
				}, new ThreadPoolExecutor.AbortPolicy());
	}

	/**
	 * Waits (up to {@link #ADMISSION_WAIT}) until the pool has a place, so that the excess
	 * of a flood is refused before it costs any database work. The place is not kept:
	 * {@link #run} takes one when the hashing is due.
	 * @throws HashingBusyException when no place came free in time
	 */
	void awaitRoom() {
		acquire();
		this.places.release();
	}

	<T> T run(Supplier<T> work) {
		acquire();
		Future<T> result;
		try {
			result = this.executor.submit(work::get);
		}
		catch (RejectedExecutionException ex) {
			this.places.release();
			throw new HashingBusyException();
		}
		try {
			return result.get();
		}
		catch (InterruptedException ex) {
			result.cancel(true);
			Thread.currentThread().interrupt();
			throw new HashingBusyException();
		}
		catch (ExecutionException ex) {
			if (ex.getCause() instanceof RuntimeException runtime) {
				throw runtime;
			}
			throw new IllegalStateException(ex.getCause());
		}
		finally {
			this.places.release();
		}
	}

	private void acquire() {
		try {
			if (!this.places.tryAcquire(ADMISSION_WAIT.toNanos(), TimeUnit.NANOSECONDS)) {
				throw new HashingBusyException();
			}
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			throw new HashingBusyException();
		}
	}

	@PreDestroy
	void shutdown() {
		this.executor.shutdownNow();
	}


}
