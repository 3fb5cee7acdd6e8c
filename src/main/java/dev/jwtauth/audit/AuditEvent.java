package dev.jwtauth.audit;

import java.time.Instant;

import org.jspecify.annotations.Nullable;

/** One stored audit event about an account, as its owner's export shows it. */
public record AuditEvent(Instant occurredAt, String event, String outcome, @Nullable String client) {
}
