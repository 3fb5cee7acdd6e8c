package dev.jwtauth.tokens;

import java.util.List;
import java.util.Objects;
import java.util.UUID;

import java.util.Locale;

import dev.jwtauth.accounts.AccountDetails;
import dev.jwtauth.accounts.Accounts;
import dev.jwtauth.audit.AuditLog;
import dev.jwtauth.errors.InvalidFieldsException;
import org.jspecify.annotations.Nullable;

import org.springframework.stereotype.Service;

/**
 * The tokens module's public API: log in, refresh, log out, and authenticate a presented
 * access token against its signature, its claims and every revocation.
 */
@Service
public class TokenService {

	private final Accounts accounts;

	private final AccessTokenCodec codec;

	private final VerifiedTokens verifiedTokens;

	private final Sessions sessions;

	private final RevocationRegistry registry;

	private final TokenProperties properties;

	private final LoginThrottle throttle;

	private final AuditLog audit;

	TokenService(Accounts accounts, AccessTokenCodec codec, VerifiedTokens verifiedTokens, Sessions sessions,
			RevocationRegistry registry, TokenProperties properties, LoginThrottle throttle, AuditLog audit) {
		this.accounts = accounts;
		this.codec = codec;
		this.verifiedTokens = verifiedTokens;
		this.sessions = sessions;
		this.registry = registry;
		this.properties = properties;
		this.throttle = throttle;
		this.audit = audit;
	}

	/**
	 * Checks credentials, within the brute-force limits, and starts a session.
	 * @throws TooManyAttemptsException while the name or the client is locked
	 * @throws InvalidCredentialsException for an unknown name, a wrong password or a
	 * disabled account alike
	 */
	TokenResponse login(String loginName, String password, ClientInfo client) {
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
		attempt.succeeded();
		Sessions.Started session = this.sessions.start(account.id(), client);
		this.audit.record("login", account.id(), client.address(), "success");
		return respond(account, session);
	}

	TokenResponse refresh(@Nullable String refreshToken, ClientInfo client) {
		Sessions.Started session;
		try {
			session = this.sessions.refresh(refreshToken);
		}
		catch (InvalidRefreshTokenException ex) {
			this.audit.record("refresh", null, client.address(), "failure");
			throw ex;
		}
		AccountDetails account = activeAccount(session.accountId());
		if (account == null) {
			this.audit.record("refresh", session.accountId(), client.address(), "failure");
			throw new InvalidRefreshTokenException();
		}
		this.audit.record("refresh", account.id(), client.address(), "success");
		return respond(account, session);
	}

	/**
	 * Replaces the password after checking the current one, which counts as a login
	 * attempt for the brute-force limits; then ends every session of the user.
	 */
	void changePassword(VerifiedToken token, @Nullable String currentPassword, @Nullable String newPassword,
			ClientInfo client) {
		AccountDetails account = activeAccount(token.accountId());
		if (account == null) {
			throw new InvalidTokenException("The token's account is not active.");
		}
		LoginThrottle.Attempt attempt = begin(LoginThrottle.account(account.id()), "password_change", account.id(),
				client);
		boolean wrongPassword = false;
		try {
			this.accounts.changePassword(account.id(), currentPassword, newPassword);
		}
		catch (InvalidFieldsException ex) {
			wrongPassword = ex.getErrors().stream().anyMatch((error) -> error.field().equals("current_password"));
			throw ex;
		}
		finally {
			if (wrongPassword) {
				attempt.failed();
				this.audit.record("password_change", account.id(), client.address(), "failure");
			}
			else {
				attempt.abandon();
			}
		}
		revokeAll(account.id());
		this.audit.record("password_change", account.id(), client.address(), "success");
	}

	/**
	 * Ends the login the token belongs to (and, by scope, the user's other logins); the
	 * token itself is denied at once on every instance.
	 */
	void logout(VerifiedToken token, LogoutScope scope, ClientInfo client) {
		this.audit.record("logout", token.accountId(), client.address(), scope.name().toLowerCase(Locale.ROOT));
		if (scope != LogoutScope.OTHERS) {
			this.registry.tokenDenied(this.properties.issuer(), token.jti(), token.expiresAt());
		}
		switch (scope) {
			case LOCAL -> this.sessions.revoke(token.accountId(), token.sessionId());
			case OTHERS -> this.sessions.revokeAll(token.accountId(), token.sessionId());
			case GLOBAL -> this.sessions.revokeAll(token.accountId(), null);
		}
	}

	/** Ends every login of the account: after a password change, by an admin. */
	public void revokeAll(UUID accountId) {
		this.sessions.revokeAll(accountId, null);
	}

	List<LoginSession> sessions(UUID accountId) {
		return this.sessions.live(accountId);
	}

	boolean endSession(UUID accountId, UUID sessionId) {
		return this.sessions.revoke(accountId, sessionId);
	}

	/** Makes every instance forget what it cached of this account. */
	void accountChanged(UUID accountId) {
		this.registry.accountChanged(accountId);
	}

	/**
	 * The account and token behind a presented access token: signature and claims
	 * checked, not revoked, account active. No database round trip unless the account
	 * is not in memory.
	 * @throws InvalidTokenException naming the check that failed
	 */
	public Authenticated authenticate(String token) {
		// Signature and claims may come from memory; revocation and the account never skip a check.
		VerifiedToken verified = this.verifiedTokens.verify(token);
		if (this.registry.isRevoked(verified, this.properties.issuer())) {
			throw new InvalidTokenException("The token has been revoked.");
		}
		AccountDetails account = activeAccount(verified.accountId());
		if (account == null) {
			throw new InvalidTokenException("The token's account is not active.");
		}
		return new Authenticated(account, verified);
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

	private @Nullable AccountDetails activeAccount(UUID accountId) {
		AccountDetails account = this.registry.account(accountId, (id) -> this.accounts.find(id).orElse(null));
		return (account != null && account.enabled()) ? account : null;
	}

	private TokenResponse respond(AccountDetails account, Sessions.Started session) {
		IssuedToken access = this.codec.issue(account, session.sessionId());
		return TokenResponse.bearer(access, this.properties.accessTokenTtl().toSeconds(),
				Objects.requireNonNull(session.refreshToken()), account.id());
	}

	/** A request's caller: the account and the token it presented. */
	public record Authenticated(AccountDetails account, VerifiedToken token) {
	}

	/** Which logins a logout ends. */
	enum LogoutScope {

		/** the one the token belongs to */
		LOCAL,
		/** every other one of the user */
		OTHERS,
		/** all of the user's */
		GLOBAL

	}

}
