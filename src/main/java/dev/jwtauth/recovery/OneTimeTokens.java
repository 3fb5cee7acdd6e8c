package dev.jwtauth.recovery;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Base64;
import java.util.HexFormat;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

import org.jspecify.annotations.Nullable;

import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

/**
 * Tokens sent by mail: 32 random bytes, of which only the SHA-256 is stored, bound to one
 * purpose and one account, short-lived and single-use. Issuing one voids the account's
 * earlier unused ones of the same purpose, so only the latest link works.
 */
@Component
class OneTimeTokens {

	/** What a token may be used for, and nothing else. */
	enum Purpose {

		/** a password reset; no payload */
		RESET,
		/** the proof of the account's address; payload: that address */
		VERIFY,
		/** the proof of a new address; payload: the new address */
		EMAIL_CHANGE,
		/** the undoing of an address change, sent to the old one; payload: the old address */
		EMAIL_REVERT

	}

	private static final int TOKEN_BYTES = 32;

	// 32 bytes in base64url without padding: anything else was never issued.
	private static final int TOKEN_LENGTH = 43;

	private final JdbcTemplate jdbc;

	private final Clock clock;

	private final SecureRandom random = new SecureRandom();

	OneTimeTokens(JdbcTemplate jdbc, Clock clock) {
		this.jdbc = jdbc;
		this.clock = clock;
	}

	String issue(Purpose purpose, UUID accountId, @Nullable String payload, Duration ttl) {
		byte[] bytes = new byte[TOKEN_BYTES];
		this.random.nextBytes(bytes);
		String token = Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
		Instant now = now();
		this.jdbc.update("update one_time_token set used_at = ? where account_id = ? and purpose = ? and used_at is null",
				Timestamp.from(now), accountId, purpose.name());
		this.jdbc.update(
				"insert into one_time_token (hash, purpose, account_id, payload, created_at, expires_at)"
						+ " values (?, ?, ?, ?, ?, ?)",
				hash(token), purpose.name(), accountId, payload, Timestamp.from(now), Timestamp.from(now.plus(ttl)));
		return token;
	}

	/** True when a token of this purpose went to the account less than {@code interval} ago. */
	boolean issuedWithin(Purpose purpose, UUID accountId, Duration interval) {
		Integer recent = this.jdbc.queryForObject(
				"select count(*) from one_time_token where account_id = ? and purpose = ? and created_at > ?",
				Integer.class, accountId, purpose.name(), Timestamp.from(now().minus(interval)));
		return recent != null && recent > 0;
	}

	/** The token's record when it is of one of these purposes, unused and unexpired. */
	Optional<Found> find(@Nullable String token, Purpose... purposes) {
		if (token == null || token.length() != TOKEN_LENGTH) {
			return Optional.empty();
		}
		String hash = hash(token);
		List<Found> found = this.jdbc.query(
				"select hash, purpose, account_id, payload, created_at from one_time_token"
						+ " where hash = ? and used_at is null and expires_at > ?",
				(row, n) -> new Found(row.getString(1), Purpose.valueOf(row.getString(2)),
						row.getObject(3, UUID.class), row.getString(4), row.getTimestamp(5).toInstant()),
				hash, Timestamp.from(now()));
		// The lookup is by hash; comparing the hashes again costs the same whatever matches.
		return found.stream()
			.filter((record) -> MessageDigest.isEqual(record.hash().getBytes(StandardCharsets.US_ASCII),
					hash.getBytes(StandardCharsets.US_ASCII)))
			.filter((record) -> List.of(purposes).contains(record.purpose()))
			.findFirst();
	}

	/** Spends the token; false when a concurrent use spent it first. */
	boolean spend(Found token) {
		return this.jdbc.update("update one_time_token set used_at = ? where hash = ? and used_at is null",
				Timestamp.from(now()), token.hash()) == 1;
	}

	@Scheduled(fixedDelayString = "${jwt.purge-interval:1h}", initialDelayString = "${jwt.purge-interval:1h}")
	void purge() {
		this.jdbc.update("delete from one_time_token where expires_at < ?", Timestamp.from(now()));
	}

	private Instant now() {
		return this.clock.instant().truncatedTo(ChronoUnit.MICROS);
	}

	private static String hash(String token) {
		try {
			return HexFormat.of()
				.formatHex(MessageDigest.getInstance("SHA-256").digest(token.getBytes(StandardCharsets.US_ASCII)));
		}
		catch (NoSuchAlgorithmException ex) {
			throw new IllegalStateException("every JVM has SHA-256", ex);
		}
	}

	/** A token found valid, not yet spent. */
	record Found(String hash, Purpose purpose, UUID accountId, @Nullable String payload, Instant createdAt) {
	}

}
