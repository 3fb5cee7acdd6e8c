package dev.jwtauth.mfa;

import java.sql.Timestamp;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

import org.jspecify.annotations.Nullable;

import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

/**
 * The {@code totp_factor} table: one factor per account, pending until confirmed. The
 * last accepted time step is moved only forward, by a conditional update, so that of two
 * instances given the same code at once only one accepts it.
 */
@Component
class TotpFactors {

	private final JdbcTemplate jdbc;

	TotpFactors(JdbcTemplate jdbc) {
		this.jdbc = jdbc;
	}

	/** A stored factor: its sealed secret, and whether it is on. */
	record Factor(UUID accountId, String sealedSecret, Instant createdAt, @Nullable Instant enabledAt) {

		boolean enabled() {
			return this.enabledAt != null;
		}

	}

	Optional<Factor> find(UUID accountId) {
		List<Factor> found = this.jdbc.query(
				"select account_id, sealed_secret, created_at, enabled_at from totp_factor where account_id = ?",
				(rs, row) -> new Factor(rs.getObject("account_id", UUID.class), rs.getString("sealed_secret"),
						rs.getObject("created_at", OffsetDateTime.class).toInstant(),
						toInstant(rs.getObject("enabled_at", OffsetDateTime.class))),
				accountId);
		return found.stream().findFirst();
	}

	Optional<Factor> findEnabled(UUID accountId) {
		return find(accountId).filter(Factor::enabled);
	}

	/** Replaces a pending factor (or none) with a new pending one; false when one is on. */
	boolean savePending(UUID accountId, String sealedSecret, Instant now) {
		int replaced = this.jdbc.update(
				"update totp_factor set sealed_secret = ?, created_at = ?, last_used_step = null"
						+ " where account_id = ? and enabled_at is null",
				sealedSecret, Timestamp.from(now), accountId);
		if (replaced == 1) {
			return true;
		}
		if (find(accountId).isPresent()) {
			return false;
		}
		this.jdbc.update("insert into totp_factor (account_id, sealed_secret, created_at) values (?, ?, ?)", accountId,
				sealedSecret, Timestamp.from(now));
		return true;
	}

	/** Turns the pending factor on with the step of its first code; false when none is pending. */
	boolean enable(UUID accountId, long step, Instant now) {
		return this.jdbc.update(
				"update totp_factor set enabled_at = ?, last_used_step = ? where account_id = ? and enabled_at is null",
				Timestamp.from(now), step, accountId) == 1;
	}

	/**
	 * Accepts a code's time step when it is later than the last accepted one (RFC 6238
	 * §5.2): one conditional update, so a code is used once across every instance.
	 */
	boolean acceptStep(UUID accountId, long step) {
		return this.jdbc.update(
				"update totp_factor set last_used_step = ? where account_id = ? and enabled_at is not null"
						+ " and (last_used_step is null or last_used_step < ?)",
				step, accountId, step) == 1;
	}

	boolean delete(UUID accountId) {
		return this.jdbc.update("delete from totp_factor where account_id = ?", accountId) == 1;
	}

	private static @Nullable Instant toInstant(@Nullable OffsetDateTime time) {
		return (time != null) ? time.toInstant() : null;
	}

}
