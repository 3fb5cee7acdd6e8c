package dev.jwtauth.login;

import java.util.Optional;

import dev.jwtauth.accounts.AccountDetails;
import dev.jwtauth.client.ClientInfo;

/**
 * Asked after a right password whether the login needs a second step: implemented by the
 * feature that keeps second factors, which this package does not know by name.
 */
public interface SecondFactorCheck {

	/** The challenge to answer with instead of tokens, or empty when the account has no factor on. */
	Optional<MfaChallenge> challenge(AccountDetails account, ClientInfo client);

}
