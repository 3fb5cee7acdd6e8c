package dev.jwtauth.revocation;

import java.time.Duration;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;

import org.apache.commons.logging.Log;
import org.apache.commons.logging.LogFactory;
import org.jspecify.annotations.Nullable;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.SmartLifecycle;
import org.springframework.stereotype.Component;

/**
 * Reads the revocation feed every {@code JWT_REVOCATION_POLL_INTERVAL} on a thread of its
 * own. On the scheduler the other scheduled work shares (one thread on Java 17) a purge
 * waiting on a lock would hold back the other instances' revocations for as long.
 */
@Component
class RevocationPoller implements SmartLifecycle {

	private static final Log log = LogFactory.getLog(RevocationPoller.class);

	private final Revocations revocations;

	private final Duration interval;

	private @Nullable ScheduledExecutorService executor;

	RevocationPoller(Revocations revocations,
			@Value("${jwt.revocation-poll-interval:250ms}") Duration interval) {
		this.revocations = revocations;
		this.interval = interval;
	}

	@Override
	public synchronized void start() {
		if (this.executor != null) {
			return;
		}
		ScheduledExecutorService started = Executors.newSingleThreadScheduledExecutor((task) -> {
			Thread thread = new Thread(task, "revocation-poll");
			thread.setDaemon(true);
			return thread;
		});
		long millis = Math.max(1, this.interval.toMillis());
		started.scheduleWithFixedDelay(this::pollOnce, millis, millis, TimeUnit.MILLISECONDS);
		this.executor = started;
	}

	/** Lets a poll under way finish (a query, or a 5 s wait for a connection), so the pool closes after it. */
	@Override
	public synchronized void stop() {
		ScheduledExecutorService running = this.executor;
		if (running == null) {
			return;
		}
		this.executor = null;
		running.shutdown();
		try {
			running.awaitTermination(6, TimeUnit.SECONDS);
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
		}
	}

	@Override
	public synchronized boolean isRunning() {
		return this.executor != null;
	}

	/** Started before the web server and stopped after it: polling goes on while requests drain. */
	@Override
	public int getPhase() {
		return SmartLifecycle.DEFAULT_PHASE - 4096;
	}

	private void pollOnce() {
		try {
			this.revocations.poll();
		}
		catch (Throwable ex) {
			// A task that throws is never run again: nothing may end the polling.
			log.error("Revocation poll failed", ex);
		}
	}

}
