package dev.jwtauth.tokens;

import java.util.List;
import java.util.Objects;
import java.util.UUID;

import dev.jwtauth.accounts.AccountDetails;
import dev.jwtauth.accounts.Accounts;
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

	private final Sessions sessions;

	private final RevocationRegistry registry;

	private final TokenProperties properties;

	TokenService(Accounts accounts, AccessTokenCodec codec, Sessions sessions, RevocationRegistry registry,
			TokenProperties properties) {
		this.accounts = accounts;
		this.codec = codec;
		this.sessions = sessions;
		this.registry = registry;
		this.properties = properties;
	}

	TokenResponse login(@Nullable String loginName, @Nullable String password, ClientInfo client) {
		AccountDetails account = this.accounts.authenticate(loginName, password)
			.orElseThrow(InvalidCredentialsException::new);
		Sessions.Started session = this.sessions.start(account.id(), client);
		return respond(account, session);
	}

	TokenResponse refresh(@Nullable String refreshToken) {
		Sessions.Started session = this.sessions.refresh(refreshToken);
		AccountDetails account = activeAccount(session.accountId());
		if (account == null) {
			throw new InvalidRefreshTokenException();
		}
		return respond(account, session);
	}

	/**
	 * Ends the login the token belongs to (and, by scope, the user's other logins); the
	 * token itself is denied at once on every instance.
	 */
	void logout(VerifiedToken token, LogoutScope scope) {
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
		VerifiedToken verified = this.codec.verify(token);
		if (this.registry.isRevoked(verified, this.properties.issuer())) {
			throw new InvalidTokenException("The token has been revoked.");
		}
		AccountDetails account = activeAccount(verified.accountId());
		if (account == null) {
			throw new InvalidTokenException("The token's account is not active.");
		}
		return new Authenticated(account, verified);
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
