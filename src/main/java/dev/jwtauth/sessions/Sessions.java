package dev.jwtauth.sessions;

import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.Optional;
import java.util.UUID;

import dev.jwtauth.accounts.AccountDetails;
import dev.jwtauth.accounts.AccountListener;
import dev.jwtauth.accounts.Accounts;
import dev.jwtauth.audit.AuditLog;
import dev.jwtauth.client.ClientInfo;
import dev.jwtauth.revocation.Revocations;
import dev.jwtauth.tokens.AccessTokens;
import dev.jwtauth.tokens.IssuedToken;
import dev.jwtauth.tokens.TokenProperties;
import dev.jwtauth.tokens.VerifiedToken;
import org.jspecify.annotations.Nullable;

import org.springframework.stereotype.Service;

/**
 * The sessions module's public API: start a login's session with its token pair, refresh
 * it, end it (by logout, by the user, by an admin, or when the account is disabled).
 */
@Service
public class Sessions implements AccountListener {

	/** RFC 8176: a login with a password alone. */
	public static final List<String> PASSWORD = List.of("pwd");

	/** RFC 8176: a password and a one-time code (TOTP or a recovery code). */
	public static final List<String> PASSWORD_AND_CODE = List.of("pwd", "otp", "mfa");

	/** RFC 8176: a passkey, a software-secured key whose authenticator verified its user. */
	public static final List<String> PASSKEY = List.of("swk", "user", "mfa");

	private final RefreshRotation rotation;

	private final AccessTokens tokens;

	private final Accounts accounts;

	private final Revocations revocations;

	private final long accessTokenSeconds;

	private final AuditLog audit;

	Sessions(RefreshRotation rotation, AccessTokens tokens, Accounts accounts, Revocations revocations,
			TokenProperties properties, AuditLog audit) {
		this.rotation = rotation;
		this.tokens = tokens;
		this.accounts = accounts;
		this.revocations = revocations;
		this.accessTokenSeconds = properties.accessTokenTtl().toSeconds();
		this.audit = audit;
	}

	/** Starts a session for an account whose password was just checked, and nothing else. */
	public TokenResponse start(AccountDetails account, ClientInfo client) {
		return start(account, client, PASSWORD);
	}

	/**
	 * Starts a session for an account whose credentials were just checked.
	 * @param amr how (RFC 8176), carried by every access token of the session
	 */
	public TokenResponse start(AccountDetails account, ClientInfo client, List<String> amr) {
		return respond(account, this.rotation.start(account.id(), client, amr));
	}

	/** Ends every login of the account: after a password change, by an admin. */
	public void revokeAll(UUID accountId) {
		this.rotation.revokeAll(accountId, null);
	}

	/** A disabled account's logins end, so that enabling it again revives none of them. */
	@Override
	public void accountChanged(UUID accountId, boolean enabled) {
		if (!enabled) {
			revokeAll(accountId);
		}
	}

	TokenResponse refresh(@Nullable String refreshToken, ClientInfo client) {
		if (refreshToken == null) {
			// nothing presented (a page's first visit asks through its cookie): no attempt to record
			throw new InvalidRefreshTokenException();
		}
		RefreshRotation.Started session;
		try {
			session = this.rotation.refresh(refreshToken);
		}
		catch (InvalidRefreshTokenException ex) {
			this.audit.record("refresh", null, client.address(), "failure");
			throw ex;
		}
		AccountDetails account = this.accounts.active(session.accountId());
		if (account == null) {
			this.audit.record("refresh", session.accountId(), client.address(), "failure");
			throw new InvalidRefreshTokenException();
		}
		this.audit.record("refresh", account.id(), client.address(), "success");
		return respond(account, session);
	}

	/**
	 * Ends the login the token belongs to (and, by scope, the user's other logins); the
	 * token itself is denied at once on every instance.
	 */
	void logout(VerifiedToken token, LogoutScope scope, ClientInfo client) {
		this.audit.record("logout", token.accountId(), client.address(), scope.name().toLowerCase(Locale.ROOT));
		if (scope != LogoutScope.OTHERS) {
			this.revocations.tokenDenied(token);
		}
		switch (scope) {
			case LOCAL -> this.rotation.revoke(token.accountId(), token.sessionId());
			case OTHERS -> this.rotation.revokeAll(token.accountId(), token.sessionId());
			case GLOBAL -> this.rotation.revokeAll(token.accountId(), null);
		}
	}

	/**
	 * A refresh token's login, when the token would be accepted by a refresh now: unspent,
	 * its login live and not revoked, its account active. Nothing is spent.
	 */
	public Optional<LiveRefreshToken> inspect(String refreshToken) {
		return this.rotation.inspect(refreshToken)
			.filter((token) -> this.accounts.active(token.accountId()) != null);
	}

	/**
	 * Ends the login a refresh token (spent or not) belongs to, on every instance at
	 * once; false when the token is unknown.
	 */
	public boolean endByRefreshToken(String refreshToken, ClientInfo client) {
		Optional<LoginSession> session = this.rotation.sessionOf(refreshToken);
		if (session.isEmpty()) {
			return false;
		}
		if (this.rotation.revoke(session.get().getAccountId(), session.get().getId())) {
			this.audit.record("token_revocation", session.get().getAccountId(), client.address(), "session_ended");
		}
		return true;
	}

	/** The account's live logins, the one {@code current} belongs to marked. */
	public List<SessionView> live(UUID accountId, @Nullable VerifiedToken current) {
		return this.rotation.live(accountId).stream().map((session) -> SessionView.of(session, current)).toList();
	}

	boolean end(UUID accountId, UUID sessionId) {
		return this.rotation.revoke(accountId, sessionId);
	}

	private TokenResponse respond(AccountDetails account, RefreshRotation.Started session) {
		IssuedToken access = this.tokens.issue(account, session.sessionId(), session.amr());
		return TokenResponse.bearer(access, this.accessTokenSeconds, Objects.requireNonNull(session.refreshToken()),
				account.id(), session.remaining());
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
