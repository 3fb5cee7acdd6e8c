package dev.jwtauth.accounts;

import java.util.UUID;

/**
 * Told when an account is disabled or enabled, after the change is stored: the features
 * that hold on to an account (its sessions, other instances' memory of it) act on it.
 */
public interface AccountListener {

	void accountChanged(UUID accountId, boolean enabled);

}
