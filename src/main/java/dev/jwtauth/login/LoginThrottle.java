package dev.jwtauth.login;

import java.sql.PreparedStatement;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.Objects;
import java.util.UUID;

import org.jspecify.annotations.Nullable;

import dev.jwtauth.client.ClientKey;
import org.jspecify.annotations.Nullable;

import org.springframework.dao.DuplicateKeyException;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.support.GeneratedKeyHolder;
import org.springframework.jdbc.support.KeyHolder;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Brute-force limits on logins, shared by every instance through the database: too many
 * failures for one account (whichever of its names is used), for one unknown name (so
 * that a 429 tells nothing about existence) or from one client address within the window
 * lock further attempts, the right password included, until the oldest failure ages out.
 * An attempt is counted and recorded as a failure under a lock on its subject's row,
 * before its password is checked, so concurrent guesses on any number of instances cannot
 * get more checks than the limit allows.
 */
@Component
class LoginThrottle {

	private final JdbcTemplate jdbc;

	private final TransactionTemplate transactions;

	private final Clock clock;

	private final LoginProperties properties;

	LoginThrottle(JdbcTemplate jdbc, TransactionTemplate transactions, Clock clock, LoginProperties properties) {
		this.jdbc = jdbc;
		this.transactions = transactions;
		this.clock = clock;
		this.properties = properties;
	}

	/** The subject whose failures a known account's logins count towards. */
	static String account(UUID accountId) {
		return "account:" + accountId;
	}

	/** The subject for a login name that belongs to no account (its case-folded key). */
	static String name(String loginKey) {
		return "name:" + loginKey;
	}

	/** The subject for a service client's id, known or not. */
	static String serviceClient(String clientId) {
		return "service_client:" + clientId;
	}

	/**
	 * Records the attempt as a failure of the account subject (null: none) and of the
	 * client before the password is checked; the outcome then keeps or withdraws it.
	 * @throws TooManyAttemptsException when the subject or the client is locked
	 */
	Attempt begin(@Nullable String accountSubject, @Nullable String client) {
		Instant now = this.clock.instant();
		Long accountRow = (accountSubject != null)
				? record(accountSubject, this.properties.accountMaxFailures(), now) : null;
		Long clientRow = null;
		if (client != null) {
			try {
				clientRow = record(client(client), this.properties.clientMaxFailures(), now);
			}
			catch (TooManyAttemptsException ex) {
				new Attempt(accountSubject, accountRow, client, null).abandon();
				throw ex;
			}
		}
		return new Attempt(accountSubject, accountRow, client, clientRow);
	}

	/** Lifts the subject's lock: its failures no longer count. */
	void forget(String subject) {
		this.jdbc.update("delete from login_failure where subject = ?", subject);
	}

	@Scheduled(fixedDelayString = "${jwt.purge-interval:1h}", initialDelayString = "${jwt.purge-interval:1h}")
	void purge() {
		this.jdbc.update("delete from login_failure where failed_at < ?",
				Timestamp.from(this.clock.instant().minus(this.properties.failureWindow())));
		// An attempt that finds its subject's row gone makes it again (see lock).
		this.jdbc.update("delete from login_subject s where not exists"
				+ " (select 1 from login_failure f where f.subject = s.subject)");
	}

	/**
	 * Counts the subject's failures and records this attempt as one, both under the lock
	 * of the subject's row.
	 * @return the id of the recorded failure
	 * @throws TooManyAttemptsException when the subject already has its limit of failures
	 */
	private long record(String subject, int maxFailures, Instant now) {
		while (true) {
			Long row = this.transactions.execute((status) -> {
				if (!lock(subject)) {
					return null;
				}
				Duration wait = waitFor(subject, maxFailures - 1, now);
				if (wait != null) {
					throw new TooManyAttemptsException(wait);
				}
				return insert(subject, now);
			});
			if (row != null) {
				return row;
			}
			try {
				this.jdbc.update("insert into login_subject (subject) values (?)", subject);
			}
			catch (DuplicateKeyException ex) {
				// made by a concurrent attempt: lock it on the next turn
			}
		}
	}

	private boolean lock(String subject) {
		return !this.jdbc
			.queryForList("select subject from login_subject where subject = ? for update", String.class, subject)
			.isEmpty();
	}

	/** How long the subject stays locked, or null when it has no more than {@code maxFailures}. */
	private @Nullable Duration waitFor(String subject, int maxFailures, Instant now) {
		Instant since = now.minus(this.properties.failureWindow());
		Map<String, Object> row = this.jdbc.queryForMap(
				"select count(*) as failures, min(failed_at) as oldest from login_failure"
						+ " where subject = ? and failed_at > ?",
				subject, Timestamp.from(since));
		long failures = ((Number) row.get("failures")).longValue();
		if (failures <= maxFailures) {
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

	private long insert(String subject, Instant now) {
		KeyHolder key = new GeneratedKeyHolder();
		this.jdbc.update((connection) -> {
			PreparedStatement insert = connection
				.prepareStatement("insert into login_failure (subject, failed_at) values (?, ?)", new String[] { "id" });
			insert.setString(1, subject);
			insert.setTimestamp(2, Timestamp.from(now));
			return insert;
		}, key);
		return Objects.requireNonNull(key.getKey()).longValue();
	}

	private static String client(String address) {
		return "client:" + ClientKey.of(address);
	}

	/** One login attempt, already counted as a failure until its outcome says otherwise. */
	final class Attempt {

		private final @Nullable String accountSubject;

		private final @Nullable Long accountRow;

		private final @Nullable String client;

		private final @Nullable Long clientRow;

		private Attempt(@Nullable String accountSubject, @Nullable Long accountRow, @Nullable String client,
				@Nullable Long clientRow) {
			this.accountSubject = accountSubject;
			this.accountRow = accountRow;
			this.client = client;
			this.clientRow = clientRow;
		}

		/** The password was wrong: the failure stays. True when it locked the subject or the client. */
		boolean failed() {
			return waitFor(LoginThrottle.this.clock.instant(), -1) != null;
		}

		/** The password was right: the account's count starts afresh and the client's failure is withdrawn. */
		void succeeded() {
			if (this.accountSubject != null) {
				forget(this.accountSubject);
			}
			abandon();
		}

		/** No password was found wrong (refused for another reason, or it failed): nothing counts. */
		void abandon() {
			for (Long id : new Long[] { this.accountRow, this.clientRow }) {
				if (id != null) {
					LoginThrottle.this.jdbc.update("delete from login_failure where id = ?", id);
				}
			}
		}

		/** The wait when a subject has more failures than its limit plus {@code slack}. */
		private @Nullable Duration waitFor(Instant now, int slack) {
			LoginProperties limits = LoginThrottle.this.properties;
			Duration wait = (this.accountSubject != null) ? LoginThrottle.this.waitFor(this.accountSubject,
					limits.accountMaxFailures() + slack, now) : null;
			if (wait == null && this.client != null) {
				wait = LoginThrottle.this.waitFor(client(this.client), limits.clientMaxFailures() + slack, now);
			}
			return wait;
		}

	}

}
