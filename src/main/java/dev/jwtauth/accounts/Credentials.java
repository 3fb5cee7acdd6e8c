package dev.jwtauth.accounts;

import java.time.Clock;
import java.time.Instant;
import java.util.Optional;
import java.util.UUID;

import dev.jwtauth.errors.InvalidFieldsException;
import org.jspecify.annotations.Nullable;

import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Passwords: checking one, changing one, resetting one. Hashing happens outside
 * database transactions, so a slow hash never holds a connection.
 */
@Component
class Credentials {

	/**
	 * Checked against when the login name is unknown, so that the answer takes as long
	 * as for a wrong password and timing tells nothing about which names exist. The
	 * outcome is never used, so a fixed hash (of a random password nobody kept) serves as
	 * well as a fresh one, and start-up does not wait for Argon2. Its parameters must be
	 * the current ones, or the check would take a different time (a test holds them equal).
	 */
	static final String DUMMY_HASH = "{" + PasswordHashing.CURRENT + "}"
			+ "$argon2id$v=19$m=7168,t=10,p=1$XGPI8ZGXlY2iziPYOsNv2g$HUaTvO7dAwbZimgmDxxhAC0rlvJgDl0YcO56nUMil78";

	private final AccountRepository accounts;

	private final PasswordPolicy passwordPolicy;

	private final PasswordEncoder passwordEncoder;

	private final TransactionTemplate transactions;

	private final HashingPool hashing;

	private final Clock clock;

	Credentials(AccountRepository accounts, PasswordPolicy passwordPolicy, PasswordEncoder passwordEncoder,
			TransactionTemplate transactions, HashingPool hashing, Clock clock) {
		this.accounts = accounts;
		this.passwordPolicy = passwordPolicy;
		this.passwordEncoder = passwordEncoder;
		this.transactions = transactions;
		this.hashing = hashing;
		this.clock = clock;
	}

	/**
	 * The enabled account that the login name (username or email, any case) and password
	 * belong to, or empty: the caller cannot tell an unknown name from a wrong password.
	 */
	Optional<AccountDetails> authenticate(@Nullable String loginName, @Nullable String password) {
		Optional<Account> found = (loginName == null || loginName.isBlank()) ? Optional.empty()
				: this.accounts.findByLoginKey(Names.key(loginName));
		if (password == null || !PasswordPolicy.isWithinMaxLength(password)) {
			// No stored password can match; still spend the same time as a real check.
			this.hashing.run(() -> this.passwordEncoder.matches("", DUMMY_HASH));
			return Optional.empty();
		}
		if (found.isEmpty()) {
			this.hashing.run(() -> this.passwordEncoder.matches(password, DUMMY_HASH));
			return Optional.empty();
		}
		Account account = found.get();
		if (!matches(password, account.getPasswordHash()) || !account.isEnabled()) {
			return Optional.empty();
		}
		if (this.passwordEncoder.upgradeEncoding(account.getPasswordHash())) {
			upgradeHash(account.getId(), this.hashing.run(() -> this.passwordEncoder.encode(password)));
		}
		return Optional.of(account.toDetails());
	}

	/**
	 * Replaces the password after checking the current one.
	 * @throws InvalidFieldsException naming {@code current_password} when it is wrong, or
	 * {@code new_password} when it breaks a rule
	 */
	void changePassword(UUID id, @Nullable String currentPassword, @Nullable String newPassword) {
		Account account = checkPassword(id, currentPassword);
		checkNewPassword(account, newPassword);
		String hash = this.hashing.run(() -> this.passwordEncoder.encode(newPassword));
		Instant now = this.clock.instant();
		this.transactions.executeWithoutResult(
				(status) -> this.accounts.findById(id).ifPresent((stored) -> stored.changePasswordHash(hash, now)));
	}

	Account checkPassword(UUID id, @Nullable String currentPassword) {
		Account account = this.accounts.findById(id).orElseThrow(() -> new IllegalStateException("no account " + id));
		if (currentPassword == null || !PasswordPolicy.isWithinMaxLength(currentPassword)
				|| !matches(currentPassword, account.getPasswordHash())) {
			throw new InvalidFieldsException("current_password", "is not your current password");
		}
		return account;
	}

	void resetPassword(UUID id, @Nullable String newPassword) {
		Account account = this.accounts.findById(id).orElseThrow(() -> new IllegalStateException("no account " + id));
		checkNewPassword(account, newPassword);
		String hash = this.hashing.run(() -> this.passwordEncoder.encode(newPassword));
		Instant now = this.clock.instant();
		this.transactions.executeWithoutResult((status) -> this.accounts.findById(id).ifPresent((stored) -> {
			stored.changePasswordHash(hash, now);
			stored.setEmailVerified(stored.getEmail() != null);
		}));
	}

	void checkNewPassword(UUID id, @Nullable String newPassword) {
		checkNewPassword(this.accounts.findById(id).orElseThrow(() -> new IllegalStateException("no account " + id)),
				newPassword);
	}

	private void checkNewPassword(Account account, @Nullable String newPassword) {
		this.passwordPolicy.check(newPassword, account.getUsername(), account.getEmail()).ifPresent((message) -> {
			throw new InvalidFieldsException("new_password", message);
		});
	}

	String hashSecret(String secret) {
		return this.hashing.run(() -> this.passwordEncoder.encode(secret));
	}

	boolean secretMatches(@Nullable String secret, @Nullable String hash) {
		if (secret == null || hash == null || !PasswordPolicy.isWithinMaxLength(secret)) {
			this.hashing.run(() -> this.passwordEncoder.matches("", DUMMY_HASH));
			return false;
		}
		return matches(secret, hash);
	}

	private boolean matches(String password, String hash) {
		try {
			return this.hashing.run(() -> this.passwordEncoder.matches(password, hash));
		}
		catch (IllegalArgumentException ex) {
			// e.g. an imported bcrypt hash and a password over bcrypt's 72-byte limit
			return false;
		}
	}

	private void upgradeHash(UUID id, String hash) {
		this.transactions.executeWithoutResult(
				(status) -> this.accounts.findById(id).ifPresent((account) -> account.rehash(hash)));
	}

}
