package dev.jwtauth.accounts;

import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Future;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.function.Supplier;

import jakarta.annotation.PreDestroy;

import org.springframework.stereotype.Component;

/**
 * Runs password hashing on a bounded pool: a flood of logins cannot take every thread
 * and all memory, and what does not fit in the queue is refused at once with 503 rather
 * than queued without bound.
 */
@Component
class HashingPool {

	private final ThreadPoolExecutor executor;

	HashingPool(AccountsProperties properties) {
		int threads = (properties.hashingThreads() > 0) ? properties.hashingThreads()
				: Runtime.getRuntime().availableProcessors();
		this.executor = new ThreadPoolExecutor(threads, threads, 60, TimeUnit.SECONDS,
				new ArrayBlockingQueue<>(properties.hashingQueue()), (runnable) -> {
					Thread thread = new Thread(runnable, "password-hashing");
					thread.setDaemon(true);
					// With the JVM flags of the README this becomes the lowest OS priority, so
					// that token checks are served at once while hashing takes the idle CPU.
					thread.setPriority(Thread.MIN_PRIORITY);
					return thread;
				}, new ThreadPoolExecutor.AbortPolicy());
	}

	/**
	 * Refuses at once when every thread is busy and the queue is full, so that the excess
	 * of a flood is answered before it costs any database work.
	 * @throws HashingBusyException when the work would be refused anyway
	 */
	void ensureRoom() {
		if (this.executor.getQueue().remainingCapacity() == 0) {
			throw new HashingBusyException();
		}
	}

	<T> T run(Supplier<T> work) {
		Future<T> result;
		try {
			result = this.executor.submit(work::get);
		}
		catch (RejectedExecutionException ex) {
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
	}

	@PreDestroy
	void shutdown() {
		this.executor.shutdownNow();
	}


}
