package dev.jwtauth.security;

import dev.jwtauth.accounts.AccountDetails;
import dev.jwtauth.accounts.Accounts;
import dev.jwtauth.revocation.Revocations;
import dev.jwtauth.tokens.AccessTokens;
import dev.jwtauth.tokens.InvalidTokenException;
import dev.jwtauth.tokens.InvalidTokenException.Reason;
import dev.jwtauth.tokens.VerifiedToken;

import org.springframework.stereotype.Component;

/**
 * The account and token behind a presented access token: signature and claims checked,
 * not revoked, account active. No database round trip unless the account is not in
 * memory.
 */
@Component
class Authenticator {

	private final AccessTokens tokens;

	private final Revocations revocations;

	private final Accounts accounts;

	Authenticator(AccessTokens tokens, Revocations revocations, Accounts accounts) {
		this.tokens = tokens;
		this.revocations = revocations;
		this.accounts = accounts;
	}

	/** @throws InvalidTokenException naming the check that failed */
	Authenticated authenticate(String token) {
		// Signature and claims may come from memory; revocation and the account never skip a check.
		VerifiedToken verified = this.tokens.verify(token);
		if (this.revocations.isRevoked(verified)) {
			throw new InvalidTokenException(Reason.REVOKED);
		}
		AccountDetails account = this.accounts.active(verified.accountId());
		if (account == null) {
			throw new InvalidTokenException(Reason.ACCOUNT_INACTIVE);
		}
		return new Authenticated(account, verified);
	}

	/** A request's caller: the account and the token it presented. */
	record Authenticated(AccountDetails account, VerifiedToken token) {
	}

}
