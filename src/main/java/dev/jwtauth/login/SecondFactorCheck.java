package dev.jwtauth.login;

import java.util.Optional;
import java.util.UUID;

import dev.jwtauth.accounts.AccountDetails;
import dev.jwtauth.client.ClientInfo;
import org.jspecify.annotations.Nullable;

/**
 * Asked after a right password whether the login needs a second step: implemented by the
 * feature that keeps second factors, which this package does not know by name.
 */
public interface SecondFactorCheck {

	/** The challenge to answer with instead of tokens, or empty when the account has no factor on. */
	Optional<MfaChallenge> challenge(AccountDetails account, ClientInfo client);

	/**
	 * Spends a code or a recovery code when the account has a factor on; does nothing
	 * when it has none.
	 * @throws dev.jwtauth.errors.InvalidFieldsException naming {@code code} when it is
	 * wrong, used or missing
	 */
	void requireCode(UUID accountId, @Nullable String code, @Nullable String recoveryCode);

}
