package dev.jwtauth.oauth;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;

import dev.jwtauth.accounts.AccountDetails;
import dev.jwtauth.accounts.Accounts;
import dev.jwtauth.client.ClientInfo;
import dev.jwtauth.revocation.Revocations;
import dev.jwtauth.security.Authenticator;
import dev.jwtauth.sessions.LiveRefreshToken;
import dev.jwtauth.sessions.Sessions;
import dev.jwtauth.tokens.InvalidTokenException;
import dev.jwtauth.tokens.TokenProperties;
import dev.jwtauth.tokens.VerifiedToken;
import org.jspecify.annotations.Nullable;

import org.springframework.stereotype.Component;

/**
 * What introspection (RFC 7662) says of a token, and what revocation (RFC 7009) does to
 * one, answered by the same checks every request passes: the signature and claims, the
 * revocations known on this instance (fed by every other), the account's state and the
 * sessions' refresh tokens.
 */
@Component
class Introspection {

	static final String REFRESH_TOKEN_HINT = "refresh_token";

	/** The whole answer for anything not live: nothing more may leak (RFC 7662 section 2.2). */
	static final Map<String, Object> INACTIVE = Map.of("active", false);

	private final Authenticator authenticator;

	private final Sessions sessions;

	private final Revocations revocations;

	private final Accounts accounts;

	private final String issuer;

	private final @Nullable String audience;

	Introspection(Authenticator authenticator, Sessions sessions, Revocations revocations, Accounts accounts,
			TokenProperties properties) {
		this.authenticator = authenticator;
		this.sessions = sessions;
		this.revocations = revocations;
		this.accounts = accounts;
		this.issuer = properties.issuer();
		this.audience = properties.audience();
	}

	/**
	 * A live access token, or a live refresh token when the caller says that is what it
	 * holds: so that a resource server reading only {@code active} never takes a refresh
	 * token for an access token.
	 */
	Map<String, Object> introspect(String token, @Nullable String hint) {
		if (REFRESH_TOKEN_HINT.equals(hint)) {
			Optional<LiveRefreshToken> refresh = this.sessions.inspect(token);
			if (refresh.isPresent()) {
				return refreshToken(refresh.get());
			}
		}
		Authenticator.Authenticated caller;
		try {
			caller = this.authenticator.authenticate(token);
		}
		catch (InvalidTokenException ex) {
			return INACTIVE;
		}
		return accessToken(caller.token(), caller.account());
	}

	/**
	 * Ends the refresh token's login, or denies the access token, on every instance; a
	 * token that is neither (unknown, expired, forged) changes nothing.
	 */
	void revoke(String token, ClientInfo client) {
		if (this.sessions.endByRefreshToken(token, client)) {
			return;
		}
		try {
			this.revocations.tokenDenied(this.authenticator.authenticate(token).token());
		}
		catch (InvalidTokenException ex) {
			// Not live: there is nothing left to stop.
		}
	}

	private Map<String, Object> accessToken(VerifiedToken token, @Nullable AccountDetails account) {
		Map<String, Object> answer = new LinkedHashMap<>();
		answer.put("active", true);
		answer.put("token_type", "Bearer");
		if (token.isClientToken()) {
			answer.put("sub", token.clientId());
			answer.put("client_id", token.clientId());
			answer.put("scope", String.join(" ", token.scopes()));
		}
		else {
			answer.put("sub", token.accountId().toString());
			if (account != null) {
				answer.put("username", account.username());
			}
			answer.put("roles", token.roles());
		}
		claims(answer, token.expiresAt().getEpochSecond(), token.issuedAt().getEpochSecond());
		answer.put("jti", token.jti());
		return answer;
	}

	private Map<String, Object> refreshToken(LiveRefreshToken token) {
		Map<String, Object> answer = new LinkedHashMap<>();
		answer.put("active", true);
		answer.put("token_type", REFRESH_TOKEN_HINT);
		answer.put("sub", token.accountId().toString());
		this.accounts.find(token.accountId()).ifPresent((account) -> answer.put("username", account.username()));
		claims(answer, token.expiresAt().getEpochSecond(), token.issuedAt().getEpochSecond());
		return answer;
	}

	private void claims(Map<String, Object> answer, long expiresAt, long issuedAt) {
		if (this.audience != null) {
			answer.put("aud", this.audience);
		}
		answer.put("exp", expiresAt);
		answer.put("iat", issuedAt);
		answer.put("iss", this.issuer);
	}

}
