package dev.jwtauth.mfa;

import java.security.SecureRandom;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.OptionalLong;
import java.util.UUID;

import dev.jwtauth.accounts.Accounts;

import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

/**
 * Recovery codes: ten a set, each 10 base32 characters (50 bits) from a CSPRNG, shown once
 * and stored only as hashes of the password-hashing function. A code works once.
 */
@Component
class RecoveryCodes {

	static final int COUNT = 10;

	static final int LENGTH = 10;

	private static final String ALPHABET = "ABCDEFGHIJKLMNOPQRSTUVWXYZ234567";

	private final JdbcTemplate jdbc;

	private final Accounts accounts;

	private final SecureRandom random = new SecureRandom();

	RecoveryCodes(JdbcTemplate jdbc, Accounts accounts) {
		this.jdbc = jdbc;
		this.accounts = accounts;
	}

	/** New codes and their hashes; nothing is stored yet. */
	List<NewCode> generate() {
		List<NewCode> codes = new ArrayList<>();
		for (int i = 0; i < COUNT; i++) {
			StringBuilder code = new StringBuilder(LENGTH);
			for (int c = 0; c < LENGTH; c++) {
				code.append(ALPHABET.charAt(this.random.nextInt(ALPHABET.length())));
			}
			codes.add(new NewCode(code.toString(), this.accounts.hashSecret(code.toString())));
		}
		return codes;
	}

	/** Replaces the account's codes with these: the old ones stop working. */
	void replace(UUID accountId, List<NewCode> codes, Instant now) {
		deleteAll(accountId);
		for (NewCode code : codes) {
			this.jdbc.update("insert into recovery_code (account_id, code_hash, created_at) values (?, ?, ?)",
					accountId, code.hash(), Timestamp.from(now));
		}
	}

	/**
	 * The id of the account's unused code that the presented one is, or empty. Hashing
	 * runs outside any transaction; the caller spends the code with {@link #spend}.
	 */
	OptionalLong find(UUID accountId, String presented) {
		String code = normalize(presented);
		if (code.length() != LENGTH || !code.chars().allMatch((c) -> ALPHABET.indexOf(c) >= 0)) {
			return OptionalLong.empty();
		}
		List<StoredCode> stored = this.jdbc.query("select id, code_hash from recovery_code where account_id = ?",
				(rs, row) -> new StoredCode(rs.getLong("id"), rs.getString("code_hash")), accountId);
		for (StoredCode candidate : stored) {
			if (this.accounts.secretMatches(code, candidate.hash())) {
				return OptionalLong.of(candidate.id());
			}
		}
		return OptionalLong.empty();
	}

	/** Spends a code; false when a concurrent use spent it first. */
	boolean spend(long id) {
		return this.jdbc.update("delete from recovery_code where id = ?", id) == 1;
	}

	int left(UUID accountId) {
		Integer count = this.jdbc.queryForObject("select count(*) from recovery_code where account_id = ?",
				Integer.class, accountId);
		return (count != null) ? count : 0;
	}

	void deleteAll(UUID accountId) {
		this.jdbc.update("delete from recovery_code where account_id = ?", accountId);
	}

	/** Codes as people type them: any case, with spaces or dashes between groups. */
	private static String normalize(String code) {
		return code.replace(" ", "").replace("-", "").toUpperCase(Locale.ROOT);
	}

	record NewCode(String code, String hash) {
	}

	private record StoredCode(long id, String hash) {
	}

}
