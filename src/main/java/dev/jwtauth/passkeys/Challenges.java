package dev.jwtauth.passkeys;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.Base64;
import java.util.HexFormat;
import java.util.List;
import java.util.UUID;

import org.jspecify.annotations.Nullable;

import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

/**
 * The challenges of ceremonies under way: 256 random bits each, single-use and
 * short-lived, kept in the database (only as SHA-256 hashes) so that any instance can
 * finish a ceremony another one started. A challenge is spent by the first answer that
 * names it, right or wrong.
 */
@Component
class Challenges {

	static final String REGISTER = "register";

	static final String LOGIN = "login";

	private final JdbcTemplate jdbc;

	private final Clock clock;

	private final PasskeyProperties properties;

	private final SecureRandom random = new SecureRandom();

	Challenges(JdbcTemplate jdbc, Clock clock, PasskeyProperties properties) {
		this.jdbc = jdbc;
		this.clock = clock;
		this.properties = properties;
	}

	/** A new challenge and the id a login names it by. */
	record Issued(UUID id, byte[] challenge) {

		String encoded() {
			return Base64.getUrlEncoder().withoutPadding().encodeToString(this.challenge);
		}

	}

	/** @param accountId the account adding a passkey; null for a login */
	Issued issue(String purpose, @Nullable UUID accountId) {
		byte[] challenge = new byte[32];
		this.random.nextBytes(challenge);
		UUID id = UUID.randomUUID();
		Instant now = this.clock.instant();
		this.jdbc.update(
				"insert into webauthn_challenge (id, challenge_hash, purpose, account_id, expires_at) values (?, ?, ?, ?, ?)",
				id, hash(challenge), purpose, accountId, Timestamp.from(now.plus(this.properties.challengeTtl())));
		return new Issued(id, challenge);
	}

	/**
	 * Spends the account's registration challenge that the client's data presents.
	 * @return true when it was issued to this account for a registration, unspent and
	 * alive
	 */
	boolean spendRegistration(UUID accountId, byte[] presented) {
		return this.jdbc.update(
				"delete from webauthn_challenge where challenge_hash = ? and purpose = ? and account_id = ?"
						+ " and expires_at > ?",
				hash(presented), REGISTER, accountId, Timestamp.from(this.clock.instant())) == 1;
	}

	/**
	 * Spends the login challenge of that id, whatever the answer holds: an id is good for
	 * one attempt.
	 * @return true when it was alive and the client's data presents that very challenge
	 */
	boolean spendLogin(UUID id, byte[] presented) {
		List<Object[]> rows = this.jdbc.query(
				"select challenge_hash, expires_at from webauthn_challenge where id = ? and purpose = ?",
				(rs, row) -> new Object[] { rs.getString(1), rs.getObject(2, OffsetDateTime.class) }, id, LOGIN);
		if (rows.isEmpty() || this.jdbc.update("delete from webauthn_challenge where id = ?", id) != 1) {
			return false;
		}
		boolean alive = ((OffsetDateTime) rows.get(0)[1]).toInstant().isAfter(this.clock.instant());
		return alive && MessageDigest.isEqual(((String) rows.get(0)[0]).getBytes(StandardCharsets.US_ASCII),
				hash(presented).getBytes(StandardCharsets.US_ASCII));
	}

	/** Ends the account's registrations under way: its passkeys were all removed. */
	void endAll(UUID accountId) {
		this.jdbc.update("delete from webauthn_challenge where account_id = ?", accountId);
	}

	@Scheduled(fixedDelayString = "${jwt.purge-interval:1h}", initialDelayString = "${jwt.purge-interval:1h}")
	void purge() {
		this.jdbc.update("delete from webauthn_challenge where expires_at < ?", Timestamp.from(this.clock.instant()));
	}

	private static String hash(byte[] challenge) {
		try {
			return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(challenge));
		}
		catch (NoSuchAlgorithmException ex) {
			throw new IllegalStateException(ex);
		}
	}

}
