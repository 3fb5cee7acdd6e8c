package dev.jwtauth.accounts;

import java.util.List;
import java.util.UUID;

/**
 * Names the second factors an account has on, for {@code /me}: implemented by the
 * feature that keeps them, which this package does not know by name.
 */
public interface SecondFactorNames {

	/** The factors that are on, such as {@code ["totp"]}; empty when none. */
	List<String> of(UUID accountId);

}
