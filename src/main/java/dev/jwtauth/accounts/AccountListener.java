package dev.jwtauth.accounts;

import java.util.UUID;

/**
 * Told when an account is created, disabled or enabled, or its password changed, after
 * the change is stored: the features that hold on to an account (its sessions, other
 * instances' memory of it, its mail) act on it.
 */
public interface AccountListener {

	default void accountCreated(AccountDetails account) {
	}

	default void accountChanged(UUID accountId, boolean enabled) {
	}

	/** The owner changed the password (a reset is not a change: it has its own notice). */
	default void passwordChanged(AccountDetails account) {
	}

}
