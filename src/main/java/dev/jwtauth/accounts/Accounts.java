package dev.jwtauth.accounts;

import java.time.Clock;
import java.time.temporal.ChronoUnit;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;

import dev.jwtauth.errors.InvalidFieldsException;
import org.jspecify.annotations.Nullable;

import org.springframework.dao.DataIntegrityViolationException;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.stereotype.Service;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * The accounts module's public API: sign up, check credentials, look accounts up.
 * Password hashing happens outside database transactions, so a slow hash never holds a
 * connection.
 */
@Service
public class Accounts {

	private final AccountRepository accounts;

	private final LoginNameRepository loginNames;

	private final SignupRules signupRules;

	private final PasswordPolicy passwordPolicy;

	private final PasswordEncoder passwordEncoder;

	private final TransactionTemplate transactions;

	private final Clock clock;

	private final HashingPool hashing;

	private final SignupsInFlight signupsInFlight;

	private final ActiveAccounts active;

	/**
	 * Checked against when the login name is unknown, so that the answer takes as long
	 * as for a wrong password and timing tells nothing about which names exist. The
	 * outcome is never used, so a fixed hash (of a random password nobody kept) serves as
	 * well as a fresh one, and start-up does not wait for Argon2. Its parameters must be
	 * the current ones, or the check would take a different time (a test holds them equal).
	 */
	static final String DUMMY_HASH = "{" + PasswordHashing.CURRENT + "}"
			+ "$argon2id$v=19$m=7168,t=10,p=1$XGPI8ZGXlY2iziPYOsNv2g$HUaTvO7dAwbZimgmDxxhAC0rlvJgDl0YcO56nUMil78";

	Accounts(AccountRepository accounts, LoginNameRepository loginNames, SignupRules signupRules,
			PasswordPolicy passwordPolicy, PasswordEncoder passwordEncoder, TransactionTemplate transactions,
			Clock clock, HashingPool hashing, SignupsInFlight signupsInFlight, ActiveAccounts active) {
		this.active = active;
		this.hashing = hashing;
		this.signupsInFlight = signupsInFlight;
		this.accounts = accounts;
		this.loginNames = loginNames;
		this.signupRules = signupRules;
		this.passwordPolicy = passwordPolicy;
		this.passwordEncoder = passwordEncoder;
		this.transactions = transactions;
		this.clock = clock;
	}

	/**
	 * Creates an account.
	 * @throws dev.jwtauth.errors.InvalidFieldsException when a field breaks a rule
	 * @throws AccountTakenException when the username or email is already a login name
	 */
	public AccountDetails signup(NewAccount signup) {
		SignupRules.Valid valid = this.signupRules.check(signup);
		String username = java.util.Objects.requireNonNull(valid.username());
		Set<String> names = new LinkedHashSet<>();
		names.add(Names.key(username));
		if (valid.email() != null) {
			names.add(Names.key(valid.email()));
		}
		// A taken name answers before any hashing work, and so does one taken meanwhile by
		// a signup that was in flight here: only a signup that can succeed waits for a hash.
		requireFree(names);
		try (SignupsInFlight.Claim claim = this.signupsInFlight.claim(names)) {
			requireFree(names);
			return create(valid, username, names, signup);
		}
	}

	private void requireFree(Set<String> names) {
		if (names.stream().anyMatch(this.loginNames::existsById)) {
			throw new AccountTakenException();
		}
	}

	private AccountDetails create(SignupRules.Valid valid, String username, Set<String> names, NewAccount signup) {
		String hash = this.hashing.run(() -> this.passwordEncoder.encode(signup.password()));
		Account account = new Account(username, valid.email(), valid.name(), hash, signup.roles(),
				this.clock.instant().truncatedTo(ChronoUnit.MICROS));
		try {
			return this.transactions.execute((status) -> {
				Account saved = this.accounts.saveAndFlush(account);
				names.forEach((key) -> this.loginNames.saveAndFlush(new LoginName(key, saved.getId())));
				return saved.toDetails();
			});
		}
		catch (DataIntegrityViolationException ex) {
			// Another instance took one of the names between the check above and this insert.
			throw new AccountTakenException();
		}
	}

	/**
	 * Refuses, after a moment's wait, when password hashing is saturated, before a login does any other work.
	 * @throws HashingBusyException then
	 */
	public void ensureHashingRoom() {
		this.hashing.awaitRoom();
	}

	/**
	 * The enabled account that the login name (username or email, any case) and password
	 * belong to, or empty: the caller cannot tell an unknown name from a wrong password.
	 */
	public Optional<AccountDetails> authenticate(@Nullable String loginName, @Nullable String password) {
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
	public void changePassword(UUID id, @Nullable String currentPassword, @Nullable String newPassword) {
		Account account = this.accounts.findById(id).orElseThrow(() -> new IllegalStateException("no account " + id));
		if (currentPassword == null || !PasswordPolicy.isWithinMaxLength(currentPassword)
				|| !matches(currentPassword, account.getPasswordHash())) {
			throw new InvalidFieldsException("current_password", "is not your current password");
		}
		this.passwordPolicy.check(newPassword, account.getUsername(), account.getEmail()).ifPresent((message) -> {
			throw new InvalidFieldsException("new_password", message);
		});
		String hash = this.hashing.run(() -> this.passwordEncoder.encode(newPassword));
		this.transactions.executeWithoutResult(
				(status) -> this.accounts.findById(id).ifPresent((stored) -> stored.changePasswordHash(hash)));
	}

	/**
	 * Enables or disables an account and tells every {@link AccountListener}; false when
	 * there is no such account.
	 */
	public boolean setEnabled(UUID id, boolean enabled) {
		Boolean found = this.transactions.execute((status) -> this.accounts.findById(id).map((account) -> {
			account.setEnabled(enabled);
			return true;
		}).orElse(false));
		if (Boolean.TRUE.equals(found)) {
			this.active.changed(id, enabled);
			return true;
		}
		return false;
	}

	/** The account when it exists and is enabled, from memory when it has not changed. */
	public @Nullable AccountDetails active(UUID id) {
		return this.active.get(id, this::find);
	}

	/** Drops this instance's memory of the account, which changed on another instance. */
	public void forget(UUID id) {
		this.active.forget(id);
	}

	/**
	 * The account a login name (username or email, any case) belongs to, enabled or not,
	 * without checking any password.
	 */
	public Optional<UUID> accountIdOf(String loginName) {
		if (!isPossibleLoginName(loginName)) {
			return Optional.empty();
		}
		return this.loginNames.findById(Names.key(loginName)).map(LoginName::getAccountId);
	}

	/**
	 * False for a name whose key is longer than any stored one: no account can have it, so
	 * a login with it can be refused without hashing or storing anything keyed by it.
	 */
	public static boolean isPossibleLoginName(String loginName) {
		return Names.key(loginName).length() <= Names.KEY_MAX;
	}

	/** The case-folded form of a login name, as uniqueness and login compare it. */
	public static String loginKey(String loginName) {
		return Names.key(loginName);
	}

	public Optional<AccountDetails> find(UUID id) {
		return this.accounts.findById(id).map(Account::toDetails);
	}

	public List<AccountDetails> list() {
		return this.accounts.findAllByOrderByCreatedAtAsc().stream().map(Account::toDetails).toList();
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
				(status) -> this.accounts.findById(id).ifPresent((account) -> account.changePasswordHash(hash)));
	}

}
