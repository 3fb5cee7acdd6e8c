package dev.jwtauth.tokens;

import java.sql.Timestamp;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;

import org.jspecify.annotations.Nullable;

import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

/**
 * Brute-force limits on logins, shared by every instance through the database: too many
 * failures for one login name (known or not, so a 429 tells nothing about existence)
 * or from one client address within the window lock further attempts, the right
 * password included, until the oldest failure ages out.
 */
@Component
class LoginThrottle {

	private final JdbcTemplate jdbc;

	private final Clock clock;

	private final LoginProperties properties;

	LoginThrottle(JdbcTemplate jdbc, Clock clock, LoginProperties properties) {
		this.jdbc = jdbc;
		this.clock = clock;
		this.properties = properties;
	}

	/**
	 * @throws TooManyAttemptsException when the name or the client is locked
	 */
	void check(String accountKey, @Nullable String client) {
		Instant now = this.clock.instant();
		Duration wait = waitFor(account(accountKey), this.properties.accountMaxFailures(), now);
		if (wait == null && client != null) {
			wait = waitFor(client(client), this.properties.clientMaxFailures(), now);
		}
		if (wait != null) {
			throw new TooManyAttemptsException(wait);
		}
	}

	/** Records a failure; true when it locked the name or the client. */
	boolean failed(String accountKey, @Nullable String client) {
		Instant now = this.clock.instant();
		insert(account(accountKey), now);
		if (client != null) {
			insert(client(client), now);
		}
		return waitFor(account(accountKey), this.properties.accountMaxFailures(), now) != null
				|| (client != null && waitFor(client(client), this.properties.clientMaxFailures(), now) != null);
	}

	/** A successful login starts the name's count afresh. */
	void succeeded(String accountKey) {
		this.jdbc.update("delete from login_failure where subject = ?", account(accountKey));
	}

	@Scheduled(fixedDelayString = "${jwt.purge-interval:1h}", initialDelayString = "${jwt.purge-interval:1h}")
	void purge() {
		this.jdbc.update("delete from login_failure where failed_at < ?",
				Timestamp.from(this.clock.instant().minus(this.properties.failureWindow())));
	}

	private @Nullable Duration waitFor(String subject, int maxFailures, Instant now) {
		Instant since = now.minus(this.properties.failureWindow());
		Map<String, Object> row = this.jdbc.queryForMap(
				"select count(*) as failures, min(failed_at) as oldest from login_failure where subject = ? and failed_at > ?",
				subject, Timestamp.from(since));
		long failures = ((Number) row.get("failures")).longValue();
		if (failures < maxFailures) {
			return null;
		}
		Instant oldest = toInstant(row.get("oldest"));
		Duration wait = Duration.between(now, oldest.plus(this.properties.failureWindow()));
		return wait.isNegative() || wait.isZero() ? Duration.ofSeconds(1) : wait;
	}

	private static Instant toInstant(Object value) {
		if (value instanceof Timestamp timestamp) {
			return timestamp.toInstant();
		}
		if (value instanceof java.time.OffsetDateTime offset) {
			return offset.toInstant();
		}
		if (value instanceof Instant instant) {
			return instant;
		}
		throw new IllegalStateException("unexpected timestamp type " + value.getClass());
	}

	private void insert(String subject, Instant now) {
		this.jdbc.update("insert into login_failure (subject, failed_at) values (?, ?)", subject, Timestamp.from(now));
	}

	private static String account(String key) {
		return "account:" + key;
	}

	private static String client(String address) {
		return "client:" + ClientKey.of(address);
	}

}
