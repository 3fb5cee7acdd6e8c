package dev.jwtauth.mail;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.regex.Pattern;

import org.springframework.transaction.support.TransactionSynchronization;
import org.springframework.transaction.support.TransactionSynchronizationManager;

/**
 * Sends mail for the account flows, and builds the links it carries.
 * <p>
 * {@link #send} never throws and never waits for the mail server: the message is queued
 * once the caller's transaction commits (at once outside one; never if it rolls back)
 * and sent on a thread of its own, with retries. A message that cannot be sent is
 * logged, so that a mail outage never changes a request's answer.
 */
public class Mail {

	private static final Pattern ROUTE = Pattern.compile("[A-Za-z0-9][A-Za-z0-9/_-]*");

	private final MailQueue queue;

	private final String publicBaseUrl;

	Mail(MailQueue queue, MailProperties properties) {
		this.queue = queue;
		this.publicBaseUrl = properties.publicBaseUrl();
	}

	/** Queues the message, to be sent after the current transaction commits. */
	public void send(MailMessage message) {
		if (TransactionSynchronizationManager.isSynchronizationActive()) {
			TransactionSynchronizationManager.registerSynchronization(new TransactionSynchronization() {
				@Override
				public void afterCommit() {
					Mail.this.queue.submit(message);
				}
			});
		}
		else {
			this.queue.submit(message);
		}
	}

	/**
	 * A link to a route of the service's own page, carrying the token in the fragment so
	 * that it reaches neither the server's logs nor a {@code Referer}:
	 * {@code PUBLIC_BASE_URL/#/route?token=...}. It is built from
	 * {@code PUBLIC_BASE_URL} alone, never from a request's host or forwarding headers.
	 * @param pageRoute the page's route, such as {@code reset-password}
	 * @param token the one-time token the page completes the flow with
	 */
	public String link(String pageRoute, String token) {
		if (!ROUTE.matcher(pageRoute).matches()) {
			throw new IllegalArgumentException("not a page route: " + pageRoute);
		}
		return this.publicBaseUrl + "/#/" + pageRoute + "?token=" + URLEncoder.encode(token, StandardCharsets.UTF_8);
	}

}
