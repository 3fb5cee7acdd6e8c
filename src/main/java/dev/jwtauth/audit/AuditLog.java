package dev.jwtauth.audit;

import java.util.List;
import java.util.UUID;

import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.stereotype.Component;

/**
 * Writes audit events to the {@code audit} logger, as key-value pairs that structured
 * (JSON) logging keeps as fields, and keeps those about an account for its export. Callers pass ids and addresses only: no password,
 * hash, token or secret ever reaches this class.
 */
@Component
public class AuditLog {

	private static final Logger log = LoggerFactory.getLogger("audit");

	private final List<AuditListener> listeners;

	private final AuditTrail trail;

	AuditLog(ObjectProvider<AuditListener> listeners, AuditTrail trail) {
		this.listeners = listeners.orderedStream().toList();
		this.trail = trail;
	}

	/**
	 * @param event what happened, e.g. {@code login}
	 * @param user the account's public id, when known
	 * @param client the client address
	 * @param outcome {@code success}, {@code failure}, {@code denied} or similar
	 */
	public void record(String event, @Nullable UUID user, @Nullable String client, String outcome) {
		String userText = (user != null) ? user.toString() : "-";
		String clientText = (client != null) ? client : "-";
		log.atInfo()
			.addKeyValue("event", event)
			.addKeyValue("user", userText)
			.addKeyValue("client", clientText)
			.addKeyValue("outcome", outcome)
			.log("event={} user={} client={} outcome={}", event, userText, clientText, outcome);
		for (AuditListener listener : this.listeners) {
			listener.recorded(event, outcome);
		}
		if (user != null) {
			this.trail.store(event, user, client, outcome);
		}
	}

	/** The stored events about an account, oldest first. */
	public List<AuditEvent> about(UUID user) {
		return this.trail.about(user);
	}

}
