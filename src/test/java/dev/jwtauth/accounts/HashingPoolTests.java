package dev.jwtauth.accounts;

import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.assertThatNoException;

/**
 * The pool's promises to token checks: hashing yields the CPU to them, and a saturated
 * pool says so before a login does any work, after a short wait rather than never.
 */
class HashingPoolTests {

	private final HashingPool pool = new HashingPool(new AccountsProperties(8, 1, 1));

	@Test
	void hashingWhenRunThenOnThreadsOfTheLowestPriority() {
		assertThat(this.pool.run(() -> Thread.currentThread().getPriority())).isEqualTo(Thread.MIN_PRIORITY);
		this.pool.shutdown();
	}

	@Test
	void awaitRoomWhenThreadBusyAndQueueFullThenRefusesAndWhenFreedThenNot() throws Exception {
		CountDownLatch running = new CountDownLatch(1);
		CountDownLatch release = new CountDownLatch(1);
		try {
			CompletableFuture<Boolean> busy = CompletableFuture.supplyAsync(() -> this.pool.run(() -> {
				running.countDown();
				return await(release);
			}));
			assertThat(running.await(5, TimeUnit.SECONDS)).isTrue();
			assertThatNoException().as("one place left in the queue").isThrownBy(this.pool::awaitRoom);
			CompletableFuture<Boolean> queued = CompletableFuture.supplyAsync(() -> this.pool.run(() -> true));
			waitUntilRefused();
			long before = System.nanoTime();
			assertThatThrownBy(this.pool::awaitRoom).isInstanceOf(HashingBusyException.class);
			assertThat(System.nanoTime() - before).as("waited for a place before refusing")
				.isGreaterThanOrEqualTo(HashingPool.ADMISSION_WAIT.toNanos());
			// a place that comes free during the wait is taken
			CompletableFuture<Void> waiting = CompletableFuture.runAsync(this.pool::awaitRoom);
			Thread.sleep(20);
			release.countDown();
			waiting.get(5, TimeUnit.SECONDS);
			assertThat(busy.get(5, TimeUnit.SECONDS)).isTrue();
			assertThat(queued.get(5, TimeUnit.SECONDS)).isTrue();
			assertThatNoException().isThrownBy(this.pool::awaitRoom);
		}
		finally {
			release.countDown();
			this.pool.shutdown();
		}
	}

	private void waitUntilRefused() throws InterruptedException {
		long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(5);
		while (System.nanoTime() < deadline) {
			try {
				this.pool.awaitRoom();
			}
			catch (HashingBusyException ex) {
				return;
			}
			Thread.sleep(5);
		}
	}

	private static boolean await(CountDownLatch latch) {
		try {
			return latch.await(5, TimeUnit.SECONDS);
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			return false;
		}
	}

}
