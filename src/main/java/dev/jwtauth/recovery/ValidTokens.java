package dev.jwtauth.recovery;

import java.time.Instant;

import dev.jwtauth.accounts.AccountDetails;
import dev.jwtauth.accounts.Accounts;
import dev.jwtauth.errors.InvalidFieldsException;
import dev.jwtauth.recovery.OneTimeTokens.Purpose;
import org.jspecify.annotations.Nullable;

import org.springframework.stereotype.Component;

/**
 * The rule every mailed token is held to before it is spent: issued for one of the
 * expected purposes, unspent, unexpired, not voided by a later password change, and of an
 * enabled account. Every refusal reads the same.
 */
@Component
class ValidTokens {

	private final OneTimeTokens tokens;

	private final Accounts accounts;

	ValidTokens(OneTimeTokens tokens, Accounts accounts) {
		this.tokens = tokens;
		this.accounts = accounts;
	}

	/** @throws InvalidFieldsException naming {@code token} when it fails the rule */
	Valid find(@Nullable String token, Purpose... purposes) {
		OneTimeTokens.Found found = this.tokens.find(token, purposes)
			.filter(this::notVoidedByAPasswordChange)
			.orElseThrow(ValidTokens::invalid);
		AccountDetails account = this.accounts.find(found.accountId())
			.filter(AccountDetails::enabled)
			.orElseThrow(ValidTokens::invalid);
		return new Valid(found, account);
	}

	/** Spends a token found valid. @throws InvalidFieldsException when another use spent it first */
	void spend(Valid valid) {
		if (!this.tokens.spend(valid.token())) {
			throw invalid();
		}
	}

	static InvalidFieldsException invalid() {
		return new InvalidFieldsException("token", "is unknown, used, expired or no longer valid");
	}

	// The undoing of an address change is never voided: whoever took the account may have
	// changed the password too.
	private boolean notVoidedByAPasswordChange(OneTimeTokens.Found token) {
		if (token.purpose() == Purpose.EMAIL_REVERT) {
			return true;
		}
		Instant changed = this.accounts.passwordChangedAt(token.accountId());
		return changed == null || !token.createdAt().isBefore(changed);
	}

	/** A token and its account, both found valid. */
	record Valid(OneTimeTokens.Found token, AccountDetails account) {
	}

}
