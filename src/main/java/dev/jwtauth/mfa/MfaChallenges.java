package dev.jwtauth.mfa;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.Base64;
import java.util.HexFormat;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import java.util.regex.Pattern;

import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

/**
 * The {@code mfa_token}s of logins waiting for their second factor: 256 random bits,
 * stored only as a SHA-256 hash, in the database so that any instance can finish the
 * login. A token allows {@link #MAX_ATTEMPTS} codes, each counted before it is checked,
 * so concurrent guesses cannot get more.
 */
@Component
class MfaChallenges {

	static final int MAX_ATTEMPTS = 3;

	private static final String PREFIX = "mfa_";

	private static final Pattern SHAPE = Pattern.compile("mfa_[A-Za-z0-9_-]{43}");

	private final JdbcTemplate jdbc;

	private final Clock clock;

	private final SecureRandom random = new SecureRandom();

	MfaChallenges(JdbcTemplate jdbc, Clock clock) {
		this.jdbc = jdbc;
		this.clock = clock;
	}

	/** A waiting login: the account, and when its password was found right. */
	record Challenge(String hash, UUID accountId, Instant createdAt) {
	}

	String issue(UUID accountId, Duration ttl) {
		byte[] random = new byte[32];
		this.random.nextBytes(random);
		String token = PREFIX + Base64.getUrlEncoder().withoutPadding().encodeToString(random);
		Instant now = this.clock.instant();
		this.jdbc.update(
				"insert into mfa_challenge (token_hash, account_id, created_at, expires_at) values (?, ?, ?, ?)",
				hash(token), accountId, Timestamp.from(now), Timestamp.from(now.plus(ttl)));
		return token;
	}

	/**
	 * Counts one attempt of the token and returns its login, or empty when the token is
	 * malformed, unknown, spent, expired or out of attempts.
	 */
	Optional<Challenge> attempt(String token) {
		if (!SHAPE.matcher(token).matches()) {
			return Optional.empty();
		}
		String hash = hash(token);
		Instant now = this.clock.instant();
		int counted = this.jdbc.update(
				"update mfa_challenge set attempts = attempts + 1 where token_hash = ? and attempts < ?"
						+ " and expires_at > ?",
				hash, MAX_ATTEMPTS, Timestamp.from(now));
		if (counted != 1) {
			return Optional.empty();
		}
		List<Challenge> found = this.jdbc.query(
				"select account_id, created_at from mfa_challenge where token_hash = ?", (rs, row) -> new Challenge(
						hash, rs.getObject("account_id", UUID.class), rs.getObject("created_at", OffsetDateTime.class)
							.toInstant()),
				hash);
		return found.stream().findFirst();
	}

	/** Spends the token; false when a concurrent request spent it first. */
	boolean spend(Challenge challenge) {
		return this.jdbc.update("delete from mfa_challenge where token_hash = ?", challenge.hash()) == 1;
	}

	/** Ends every waiting login of the account: its factor or its password changed. */
	void endAll(UUID accountId) {
		this.jdbc.update("delete from mfa_challenge where account_id = ?", accountId);
	}

	@Scheduled(fixedDelayString = "${jwt.purge-interval:1h}", initialDelayString = "${jwt.purge-interval:1h}")
	void purge() {
		this.jdbc.update("delete from mfa_challenge where expires_at < ?", Timestamp.from(this.clock.instant()));
	}

	private static String hash(String token) {
		try {
			return HexFormat.of()
				.formatHex(MessageDigest.getInstance("SHA-256").digest(token.getBytes(StandardCharsets.US_ASCII)));
		}
		catch (NoSuchAlgorithmException ex) {
			throw new IllegalStateException(ex);
		}
	}

}
