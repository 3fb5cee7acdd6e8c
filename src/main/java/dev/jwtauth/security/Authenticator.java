package dev.jwtauth.security;

import dev.jwtauth.accounts.AccountDetails;
import dev.jwtauth.accounts.Accounts;
import dev.jwtauth.revocation.Revocations;
import dev.jwtauth.tokens.AccessTokens;
import dev.jwtauth.tokens.InvalidTokenException;
import dev.jwtauth.tokens.InvalidTokenException.Reason;
import dev.jwtauth.tokens.VerifiedToken;
import org.jspecify.annotations.Nullable;

import org.springframework.stereotype.Component;

/**
 * The account and token behind a presented access token: signature and claims checked,
 * not revoked, account active. No database round trip unless the account is not in
 * memory. Public so that token introspection answers from the very checks every request
 * passes.
 */
@Component
public class Authenticator {

	private final AccessTokens tokens;

	private final Revocations revocations;

	private final Accounts accounts;

	Authenticator(AccessTokens tokens, Revocations revocations, Accounts accounts) {
		this.tokens = tokens;
		this.revocations = revocations;
		this.accounts = accounts;
	}

	/**
	 * A service client's token has no account to check: removing the client revokes its
	 * tokens through the revocation feed.
	 * @throws InvalidTokenException naming the check that failed
	 */
	public Authenticated authenticate(String token) {
		// Signature and claims may come from memory; revocation and the account never skip a check.
		VerifiedToken verified = this.tokens.verify(token);
		if (this.revocations.isRevoked(verified)) {
			throw new InvalidTokenException(Reason.REVOKED);
		}
		if (verified.isClientToken()) {
			return new Authenticated(null, verified);
		}
		AccountDetails account = this.accounts.active(verified.accountId());
		if (account == null) {
			throw new InvalidTokenException(Reason.ACCOUNT_INACTIVE);
		}
		return new Authenticated(account, verified);
	}

	/** A request's caller: the account (none for a service client) and the token it presented. */
	public record Authenticated(@Nullable AccountDetails account, VerifiedToken token) {
	}

}
