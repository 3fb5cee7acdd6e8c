package dev.jwtauth.audit;

import java.sql.Timestamp;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.UUID;

import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.dao.DataAccessException;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

/**
 * The stored part of the audit trail: the events about an account, for its owner's
 * export. Kept for {@code AUDIT_RETENTION}; a database outage loses the stored copy of an
 * event, never the log line or the request.
 */
@Component
class AuditTrail {

	private static final Logger log = LoggerFactory.getLogger(AuditTrail.class);

	private final JdbcTemplate jdbc;

	private final Clock clock;

	private final Duration retention;

	AuditTrail(JdbcTemplate jdbc, Clock clock, @Value("${audit.retention:90d}") Duration retention) {
		this.jdbc = jdbc;
		this.clock = clock;
		this.retention = retention;
	}

	void store(String event, UUID user, @Nullable String client, String outcome) {
		try {
			this.jdbc.update(
					"insert into audit_event (occurred_at, account_id, event, outcome, client) values (?, ?, ?, ?, ?)",
					Timestamp.from(this.clock.instant()), user, event, outcome, client);
		}
		catch (DataAccessException ex) {
			log.warn("Audit event not stored: " + ex.getMostSpecificCause().getMessage());
		}
	}

	List<AuditEvent> about(UUID user) {
		return this.jdbc.query(
				"select occurred_at, event, outcome, client from audit_event where account_id = ? order by id",
				(row, n) -> new AuditEvent(row.getTimestamp(1).toInstant(), row.getString(2), row.getString(3),
						row.getString(4)),
				user);
	}

	@Scheduled(fixedDelayString = "${jwt.purge-interval:1h}", initialDelayString = "${jwt.purge-interval:1h}")
	void purge() {
		this.jdbc.update("delete from audit_event where occurred_at < ?",
				Timestamp.from(this.clock.instant().minus(this.retention)));
	}


}
