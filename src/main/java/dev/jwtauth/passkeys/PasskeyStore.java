package dev.jwtauth.passkeys;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.Arrays;
import java.util.Base64;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

import org.jspecify.annotations.Nullable;

import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

/** The passkey table: each account's credentials, their public keys and counters. */
@Component
class PasskeyStore {

	private static final String COLUMNS = "id, account_id, credential_id, public_key, sign_count, transports, name,"
			+ " created_at, last_used_at";

	private final JdbcTemplate jdbc;

	PasskeyStore(JdbcTemplate jdbc) {
		this.jdbc = jdbc;
	}

	/**
	 * A stored passkey.
	 *
	 * @param credentialId the authenticator's id for it
	 * @param publicKey its COSE_Key
	 */
	record Stored(UUID id, UUID accountId, byte[] credentialId, byte[] publicKey, long signCount,
			List<String> transports, String name, Instant createdAt, @Nullable Instant lastUsedAt) {
	}

	/** @throws org.springframework.dao.DuplicateKeyException when the credential is registered already */
	void insert(Stored passkey) {
		this.jdbc.update("insert into passkey (" + COLUMNS + ") values (?, ?, ?, ?, ?, ?, ?, ?, ?)", passkey.id(),
				passkey.accountId(), encode(passkey.credentialId()), encode(passkey.publicKey()), passkey.signCount(),
				String.join(" ", passkey.transports()), passkey.name(), Timestamp.from(passkey.createdAt()), null);
	}

	Optional<Stored> findByCredentialId(byte[] credentialId) {
		return this.jdbc
			.query("select " + COLUMNS + " from passkey where credential_id = ?", PasskeyStore::read,
					encode(credentialId))
			.stream()
			.findFirst();
	}

	List<Stored> of(UUID accountId) {
		return this.jdbc.query("select " + COLUMNS + " from passkey where account_id = ? order by created_at, id",
				PasskeyStore::read, accountId);
	}

	/**
	 * Records a login: the new counter and when, unless a concurrent login moved the
	 * counter first.
	 */
	boolean used(UUID id, long previousCount, long newCount, Instant at) {
		return this.jdbc.update("update passkey set sign_count = ?, last_used_at = ? where id = ? and sign_count = ?",
				newCount, Timestamp.from(at), id, previousCount) == 1;
	}

	boolean rename(UUID accountId, UUID id, String name) {
		return this.jdbc.update("update passkey set name = ? where id = ? and account_id = ?", name, id,
				accountId) == 1;
	}

	boolean delete(UUID accountId, UUID id) {
		return this.jdbc.update("delete from passkey where id = ? and account_id = ?", id, accountId) == 1;
	}

	int deleteAll(UUID accountId) {
		return this.jdbc.update("delete from passkey where account_id = ?", accountId);
	}

	private static Stored read(ResultSet rs, int row) throws SQLException {
		String transports = rs.getString("transports");
		OffsetDateTime lastUsed = rs.getObject("last_used_at", OffsetDateTime.class);
		return new Stored(rs.getObject("id", UUID.class), rs.getObject("account_id", UUID.class),
				decode(rs.getString("credential_id")), decode(rs.getString("public_key")), rs.getLong("sign_count"),
				transports.isEmpty() ? List.of() : Arrays.asList(transports.split(" ")), rs.getString("name"),
				rs.getObject("created_at", OffsetDateTime.class).toInstant(),
				(lastUsed != null) ? lastUsed.toInstant() : null);
	}

	static String encode(byte[] bytes) {
		return Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
	}

	private static byte[] decode(String text) {
		return Base64.getUrlDecoder().decode(text);
	}

}
