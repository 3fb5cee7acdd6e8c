package dev.jwtauth.mail;

import java.io.IOException;
import java.time.Duration;
import java.util.concurrent.ScheduledThreadPoolExecutor;
import java.util.concurrent.ThreadFactory;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

import jakarta.mail.MessagingException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.beans.factory.DisposableBean;
import org.springframework.core.NestedExceptionUtils;

/**
 * Sends messages one at a time on a daemon thread of its own, retrying a failed send
 * with a doubling delay. The waiting messages are bounded: past the capacity a message
 * is dropped and logged rather than held in memory without end. Bodies are never
 * logged: they carry the links.
 */
class MailQueue implements DisposableBean {

	private static final Logger log = LoggerFactory.getLogger(MailQueue.class);

	private static final Duration SHUTDOWN_WAIT = Duration.ofSeconds(5);

	private final MailTransport transport;

	private final int attempts;

	private final Duration firstDelay;

	private final int capacity;

	private final AtomicInteger waiting = new AtomicInteger();

	private final ScheduledThreadPoolExecutor executor;

	MailQueue(MailTransport transport, MailProperties properties) {
		this.transport = transport;
		this.attempts = properties.sendAttempts();
		this.firstDelay = properties.retryDelay();
		this.capacity = properties.queueCapacity();
		this.executor = new ScheduledThreadPoolExecutor(1, daemonThreads());
		// A retry waiting at shutdown is dropped (and counted) rather than holding the stop up
		this.executor.setExecuteExistingDelayedTasksAfterShutdownPolicy(false);
		this.executor.setRemoveOnCancelPolicy(true);
	}

	void submit(MailMessage message) {
		if (this.waiting.incrementAndGet() > this.capacity) {
			this.waiting.decrementAndGet();
			log.error("Mail to {} ({}) dropped: {} messages are already waiting to be sent", message.to(),
					message.subject(), this.capacity);
			return;
		}
		try {
			this.executor.execute(() -> attempt(message, 1));
		}
		catch (RuntimeException ex) {
			this.waiting.decrementAndGet();
			log.error("Mail to {} ({}) dropped: the service is stopping", message.to(), message.subject());
		}
	}

	private void attempt(MailMessage message, int attempt) {
		try {
			this.transport.deliver(message);
			this.waiting.decrementAndGet();
		}
		catch (MessagingException | IOException | RuntimeException ex) {
			if (attempt >= this.attempts) {
				this.waiting.decrementAndGet();
				log.error("Mail to {} ({}) given up after {} attempts: {}", message.to(), message.subject(), attempt,
						reason(ex));
				return;
			}
			Duration delay = this.firstDelay.multipliedBy(1L << Math.min(attempt - 1, 20));
			log.warn("Mail to {} ({}) failed, attempt {} of {}; next in {} ms: {}", message.to(), message.subject(),
					attempt, this.attempts, delay.toMillis(), reason(ex));
			this.executor.schedule(() -> attempt(message, attempt + 1), delay.toMillis(), TimeUnit.MILLISECONDS);
		}
	}

	// The innermost cause (connection refused, the server's reply) on one line, not Spring's nested list
	private static String reason(Exception ex) {
		return NestedExceptionUtils.getMostSpecificCause(ex).toString().replaceAll("\\s+", " ");
	}

	@Override
	public void destroy() throws InterruptedException {
		this.executor.shutdown();
		if (!this.executor.awaitTermination(SHUTDOWN_WAIT.toMillis(), TimeUnit.MILLISECONDS)) {
			this.executor.shutdownNow();
		}
		int unsent = this.waiting.get();
		if (unsent > 0) {
			log.warn("{} mail messages were not sent before the service stopped", unsent);
		}
	}

	private static ThreadFactory daemonThreads() {
		AtomicInteger count = new AtomicInteger();
		return (task) -> {
			Thread thread = new Thread(task, "mail-" + count.incrementAndGet());
			thread.setDaemon(true);
			return thread;
		};
	}

}
