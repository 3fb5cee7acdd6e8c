package dev.jwtauth.revocation;

import java.sql.Timestamp;
import java.time.Instant;
import java.util.List;

import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

/**
 * The append-only table through which instances sharing a database tell each other of
 * revocations. Each instance reads what is new every poll interval: one small indexed
 * query per instance, not per request.
 */
@Component
class RevocationFeed {

	/** What a feed entry revokes. */
	enum Kind {

		/** a login and every token of it; subject is the session id */
		SESSION,
		/** one access token; subject is "iss jti" */
		TOKEN,
		/** an account's state changed (disabled, enabled); subject is the account id */
		ACCOUNT

	}

	record Event(long id, Kind kind, String subject, Instant expiresAt) {
	}

	private final JdbcTemplate jdbc;

	RevocationFeed(JdbcTemplate jdbc) {
		this.jdbc = jdbc;
	}

	void publish(Kind kind, String subject, Instant now, Instant expiresAt) {
		this.jdbc.update("insert into revocation_event (kind, subject, created_at, expires_at) values (?, ?, ?, ?)",
				kind.name(), subject, Timestamp.from(now), Timestamp.from(expiresAt));
	}

	/** Entries with an id above {@code id} written after {@code since}. */
	List<Event> after(long id, Instant since) {
		return this.jdbc.query(
				"select id, kind, subject, expires_at from revocation_event where id > ? and created_at > ? order by id",
				(row, n) -> new Event(row.getLong(1), Kind.valueOf(row.getString(2)), row.getString(3),
						row.getTimestamp(4).toInstant()),
				id, Timestamp.from(since));
	}

	/** The entries that still stop a token, oldest first. */
	List<Event> unexpired(Instant now) {
		return this.jdbc.query(
				"select id, kind, subject, expires_at from revocation_event where expires_at > ? and kind <> ? order by id",
				(row, n) -> new Event(row.getLong(1), Kind.valueOf(row.getString(2)), row.getString(3),
						row.getTimestamp(4).toInstant()),
				Timestamp.from(now), Kind.ACCOUNT.name());
	}

	long lastId() {
		Long id = this.jdbc.queryForObject("select max(id) from revocation_event", Long.class);
		return (id != null) ? id : 0;
	}

	int deleteExpired(Instant now) {
		return this.jdbc.update("delete from revocation_event where expires_at < ?", Timestamp.from(now));
	}

}
