package dev.jwtauth.login;

import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.function.BooleanSupplier;
import java.util.function.Supplier;

import dev.jwtauth.accounts.AccountDetails;
import dev.jwtauth.accounts.Accounts;
import dev.jwtauth.audit.AuditLog;
import dev.jwtauth.client.ClientInfo;
import dev.jwtauth.errors.InvalidFieldsException;
import dev.jwtauth.sessions.Sessions;
import dev.jwtauth.sessions.TokenResponse;
import dev.jwtauth.tokens.InvalidTokenException;
import dev.jwtauth.tokens.VerifiedToken;
import org.jspecify.annotations.Nullable;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.stereotype.Service;

/**
 * The login module's public API, {@link #liftLockout}; its routes check a password
 * within the brute-force limits, then start a session or change the password.
 */
@Service
public class Logins {

	/** Fields whose refusal counts as a failed login: a wrong password or a wrong code. */
	private static final Set<String> COUNTED_FIELDS = Set.of("current_password", "code", "recovery_code");

	/** The longest service-client id counted on its own. */
	private static final int MAX_CLIENT_ID = 80;

	private final Accounts accounts;

	private final LoginThrottle throttle;

	private final Sessions sessions;

	private final AuditLog audit;

	private final boolean requireVerifiedEmail;

	// Looked up when used: the feature that keeps second factors itself uses this class.
	private final ObjectProvider<SecondFactorCheck> secondFactor;

	Logins(Accounts accounts, LoginThrottle throttle, Sessions sessions, AuditLog audit, LoginProperties properties,
			ObjectProvider<SecondFactorCheck> secondFactor) {
		this.requireVerifiedEmail = properties.requireVerifiedEmail();
		this.secondFactor = secondFactor;
		this.accounts = accounts;
		this.throttle = throttle;
		this.sessions = sessions;
		this.audit = audit;
	}

	/**
	 * Checks credentials, within the brute-force limits, and starts a session, or answers
	 * a challenge when the account has a second factor on.
	 * @throws TooManyAttemptsException while the name or the client is locked
	 * @throws InvalidCredentialsException for an unknown name, a wrong password or a
	 * disabled account alike
	 */
	LoginResult login(String loginName, String password, ClientInfo client) {
		this.accounts.ensureHashingRoom();
		// A name too long for any account has no subject of its own: only the client counts it.
		String subject = !Accounts.isPossibleLoginName(loginName) ? null
				: this.accounts.accountIdOf(loginName)
					.map(LoginThrottle::account)
					.orElseGet(() -> LoginThrottle.name(Accounts.loginKey(loginName)));
		LoginThrottle.Attempt attempt = begin(subject, "login", null, client);
		if (subject == null) {
			throw loginFailed(attempt, client);
		}
		AccountDetails account;
		try {
			account = this.accounts.authenticate(loginName, password).orElse(null);
		}
		catch (RuntimeException ex) {
			attempt.abandon();
			throw ex;
		}
		if (account == null) {
			throw loginFailed(attempt, client);
		}
		boolean unverified = unverified(account);
		SecondFactorCheck check = this.secondFactor.getIfAvailable();
		MfaChallenge challenge = (check != null && !unverified) ? check.challenge(account, client).orElse(null)
				: null;
		if (challenge != null) {
			// Only a completed login resets the account's count: the failed codes that
			// follow a right password must add up to a lockout.
			attempt.abandon();
		}
		else {
			attempt.succeeded();
		}
		if (unverified) {
			this.audit.record("login", account.id(), client.address(), "email_not_verified");
			throw new EmailNotVerifiedException();
		}
		if (challenge != null) {
			this.audit.record("login", account.id(), client.address(), "mfa_required");
			return new LoginResult(null, challenge);
		}
		return new LoginResult(started(account, client, Sessions.PASSWORD), null);
	}

	/**
	 * The second step of a login whose password was right: the check runs as a login
	 * attempt, so a wrong code counts toward the account's and the client's lockout like
	 * a wrong password, and a right one completes the login (the account's count starts
	 * afresh) with a session that carries {@code amr}.
	 * @return the tokens, or empty when the check failed (its failure counted)
	 * @throws TooManyAttemptsException while the account or the client is locked
	 */
	public Optional<TokenResponse> completeLogin(AccountDetails account, ClientInfo client, List<String> amr,
			BooleanSupplier check) {
		LoginThrottle.Attempt attempt = begin(LoginThrottle.account(account.id()), "login_mfa", account.id(), client);
		Optional<Boolean> passed = judged(attempt, () -> check.getAsBoolean() ? Optional.of(true) : Optional.empty(),
				"login_mfa", account.id(), client);
		return passed.map((ok) -> started(account, client, amr));
	}

	/**
	 * A login by a proof that names its account itself, such as a passkey's signature:
	 * a failure counts toward the client address's lockout only, since a refused proof
	 * names no account for sure, and a locked address is refused before the proof is
	 * checked. A completed one starts afresh the account's count, as any completed login.
	 * @param proof the account the proof names, or empty when it is refused
	 * @return the tokens, or empty when the proof was refused (its failure counted)
	 * @throws TooManyAttemptsException while the client address is locked
	 * @throws EmailNotVerifiedException when the proof is right but the account's address
	 * must be proven first, as for a password
	 */
	public Optional<TokenResponse> completeProvenLogin(ClientInfo client, List<String> amr, String event,
			Supplier<Optional<AccountDetails>> proof) {
		Optional<AccountDetails> account = judged(begin(null, event, null, client), proof, event, null, client);
		account.ifPresent((proven) -> liftLockout(proven.id()));
		if (account.isPresent() && unverified(account.get())) {
			this.audit.record(event, account.get().id(), client.address(), "email_not_verified");
			throw new EmailNotVerifiedException();
		}
		return account.map((proven) -> started(proven, client, amr));
	}

	private boolean unverified(AccountDetails account) {
		return this.requireVerifiedEmail && account.email() != null && !account.emailVerified();
	}

	/**
	 * Runs a check as the attempt it is: a refusal stays counted (and locks the subject or
	 * the client when it is one too many), a pass withdraws it, an error counts nothing.
	 */
	private <T> Optional<T> judged(LoginThrottle.Attempt attempt, Supplier<Optional<T>> check, String event,
			@Nullable UUID accountId, ClientInfo client) {
		Optional<T> result;
		try {
			result = check.get();
		}
		catch (RuntimeException ex) {
			attempt.abandon();
			throw ex;
		}
		if (result.isEmpty()) {
			boolean locked = attempt.failed();
			this.audit.record(event, accountId, client.address(), "failure");
			if (locked) {
				this.audit.record("lockout", accountId, client.address(), "locked");
			}
			return result;
		}
		attempt.succeeded();
		return result;
	}

	private TokenResponse started(AccountDetails account, ClientInfo client, List<String> amr) {
		TokenResponse tokens = this.sessions.start(account, client, amr);
		this.audit.record("login", account.id(), client.address(), "success");
		return tokens;
	}

	/**
	 * Replaces the password after checking the current one, which counts as a login
	 * attempt for the brute-force limits; then ends every session of the user.
	 */
	void changePassword(VerifiedToken token, @Nullable String currentPassword, @Nullable String newPassword,
			ClientInfo client) {
		AccountDetails account = this.accounts.active(token.accountId());
		if (account == null) {
			throw new InvalidTokenException(InvalidTokenException.Reason.ACCOUNT_INACTIVE);
		}
		counted(account.id(), "password_change", client,
				() -> this.accounts.changePassword(account.id(), currentPassword, newPassword));
		this.sessions.revokeAll(account.id());
		this.audit.record("password_change", account.id(), client.address(), "success");
	}

	/**
	 * Checks the current password of a signed-in user before a sensitive change and,
	 * when the account has a second factor on, a code or a recovery code, counted like a
	 * login for the brute-force limits: a wrong password or code counts as a failure.
	 * The code is not looked at after a wrong password, so a guess at the password spends
	 * no code.
	 * @throws InvalidFieldsException naming {@code current_password} or {@code code} when
	 * it is wrong
	 */
	public void reauthenticate(UUID accountId, @Nullable String currentPassword, @Nullable String code,
			@Nullable String recoveryCode, String event, ClientInfo client) {
		counted(accountId, event, client, () -> {
			this.accounts.checkPassword(accountId, currentPassword);
			SecondFactorCheck check = this.secondFactor.getIfAvailable();
			if (check != null) {
				check.requireCode(accountId, code, recoveryCode);
			}
		});
	}

	/**
	 * Runs a service client's secret check within the brute-force limits of logins: a
	 * wrong secret counts as a failure of that client id and of the caller's address,
	 * and a locked id or address is refused before the secret is checked.
	 * @param clientId the id presented, which may belong to no client
	 * @param check the secret check, empty when the secret or the id is wrong
	 * @return what the check returned
	 * @throws org.springframework.web.ErrorResponseException 429 with {@code Retry-After}
	 * while the id or the address is locked
	 */
	public <T> Optional<T> throttledClientCheck(String clientId, ClientInfo client, Supplier<Optional<T>> check) {
		this.accounts.ensureHashingRoom();
		// An id longer than any client's has no subject of its own: only the address counts it.
		String subject = (clientId.length() <= MAX_CLIENT_ID) ? LoginThrottle.serviceClient(clientId) : null;
		return judged(begin(subject, "client_authentication", null, client), check, "client_authentication", null,
				client);
	}

	/** Forgets the account's failed logins: its owner proved who they are another way. */
	public void liftLockout(UUID accountId) {
		this.throttle.forget(LoginThrottle.account(accountId));
	}

	/** Runs a check of the current password as a login attempt: a wrong one counts as a failure. */
	private void counted(UUID accountId, String event, ClientInfo client, Runnable check) {
		LoginThrottle.Attempt attempt = begin(LoginThrottle.account(accountId), event, accountId, client);
		boolean wrongPassword = false;
		try {
			check.run();
		}
		catch (InvalidFieldsException ex) {
			wrongPassword = ex.getErrors().stream().anyMatch((error) -> COUNTED_FIELDS.contains(error.field()));
			throw ex;
		}
		finally {
			if (wrongPassword) {
				attempt.failed();
				this.audit.record(event, accountId, client.address(), "failure");
			}
			else {
				attempt.abandon();
			}
		}
	}

	private LoginThrottle.Attempt begin(@Nullable String subject, String event, @Nullable UUID accountId,
			ClientInfo client) {
		try {
			return this.throttle.begin(subject, client.address());
		}
		catch (TooManyAttemptsException ex) {
			this.audit.record(event, accountId, client.address(), "locked");
			throw ex;
		}
	}

	private InvalidCredentialsException loginFailed(LoginThrottle.Attempt attempt, ClientInfo client) {
		boolean locked = attempt.failed();
		this.audit.record("login", null, client.address(), "failure");
		if (locked) {
			this.audit.record("lockout", null, client.address(), "locked");
		}
		return new InvalidCredentialsException();
	}

}
