package dev.jwtauth.accounts;

import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

import dev.jwtauth.errors.InvalidFieldsException;
import org.jspecify.annotations.Nullable;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.stereotype.Service;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * The accounts module's public API: sign up, check credentials, look accounts up, prove
 * and change an email, delete. Password hashing happens outside database transactions,
 * so a slow hash never holds a connection.
 */
@Service
public class Accounts {

	private final AccountRepository accounts;

	private final LoginNameRepository loginNames;

	private final TransactionTemplate transactions;

	private final HashingPool hashing;

	private final Signups signups;

	private final Credentials credentials;

	private final Emails emails;

	private final ActiveAccounts active;

	// Looked up when used: the feature that keeps second factors itself uses this class.
	private final ObjectProvider<SecondFactorNames> factors;

	Accounts(AccountRepository accounts, LoginNameRepository loginNames, TransactionTemplate transactions,
			HashingPool hashing, Signups signups, Credentials credentials, Emails emails, ActiveAccounts active,
			ObjectProvider<SecondFactorNames> factors) {
		this.factors = factors;
		this.accounts = accounts;
		this.loginNames = loginNames;
		this.transactions = transactions;
		this.hashing = hashing;
		this.signups = signups;
		this.credentials = credentials;
		this.emails = emails;
		this.active = active;
	}

	/**
	 * Creates an account.
	 * @throws dev.jwtauth.errors.InvalidFieldsException when a field breaks a rule
	 * @throws AccountTakenException when the username or email is already a login name
	 */
	public AccountDetails signup(NewAccount signup) {
		AccountDetails created = this.signups.create(signup);
		this.active.created(created);
		return created;
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
		return this.credentials.authenticate(loginName, password);
	}

	/**
	 * Replaces the password after checking the current one.
	 * @throws InvalidFieldsException naming {@code current_password} when it is wrong, or
	 * {@code new_password} when it breaks a rule
	 */
	public void changePassword(UUID id, @Nullable String currentPassword, @Nullable String newPassword) {
		this.credentials.changePassword(id, currentPassword, newPassword);
		find(id).ifPresent(this.active::passwordChanged);
	}

	/**
	 * Replaces the password of an account whose owner proved the email address: the
	 * address counts as verified from now on.
	 * @throws InvalidFieldsException naming {@code new_password} when it breaks a rule
	 */
	public void resetPassword(UUID id, @Nullable String newPassword) {
		this.credentials.resetPassword(id, newPassword);
		this.active.changed(id, true);
	}

	/** @throws InvalidFieldsException naming {@code new_password} when it breaks a rule */
	public void checkNewPassword(UUID id, @Nullable String newPassword) {
		this.credentials.checkNewPassword(id, newPassword);
	}

	/** @throws InvalidFieldsException naming {@code current_password} when it is not the password */
	public void checkPassword(UUID id, @Nullable String currentPassword) {
		this.credentials.checkPassword(id, currentPassword);
	}

	/** @throws InvalidFieldsException naming {@code field} when it is no email address */
	public String normalizeEmail(@Nullable String email, String field) {
		return this.emails.normalize(email, field);
	}

	public boolean isLoginNameFree(String name) {
		return this.emails.isFree(name);
	}

	/** Marks the address proven; false when the account's address is no longer this one. */
	public boolean markEmailVerified(UUID id, String email) {
		boolean marked = this.emails.markVerified(id, email);
		this.active.changed(id, true);
		return marked;
	}

	/** @throws AccountTakenException when another account has the address as a login name */
	public void changeEmail(UUID id, String email) {
		this.emails.change(id, email);
		this.active.changed(id, true);
	}

	/**
	 * Deletes the account and, through the database, everything keyed by it (its names,
	 * sessions, work items, mail tokens); its names are free again.
	 */
	public void delete(UUID id) {
		this.transactions.executeWithoutResult((status) -> this.accounts.deleteById(id));
		this.active.changed(id, false);
	}

	/** The account as {@code /me} shows it. */
	public Optional<ProfileView> profile(UUID id) {
		return find(id).map(this::profileOf);
	}

	ProfileView profileOf(AccountDetails account) {
		SecondFactorNames names = this.factors.getIfAvailable();
		return ProfileView.of(account, (names != null) ? names.of(account.id()) : List.of());
	}

	/** When the account's password last changed, or null when never since signup. */
	public @Nullable Instant passwordChangedAt(UUID id) {
		return this.accounts.findById(id).map(Account::getPasswordChangedAt).orElse(null);
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

	/**
	 * A secret (a service client's) hashed as passwords are, on the same bounded pool.
	 * @throws HashingBusyException when hashing is saturated
	 */
	public String hashSecret(String secret) {
		return this.credentials.hashSecret(secret);
	}

	/**
	 * Whether the secret matches a hash made by {@link #hashSecret}; with no hash (an
	 * unknown client) it takes as long as a wrong secret.
	 * @throws HashingBusyException when hashing is saturated
	 */
	public boolean secretMatches(@Nullable String secret, @Nullable String hash) {
		return this.credentials.secretMatches(secret, hash);
	}

}
