package dev.jwtauth.passkeys;

import java.time.Instant;
import java.util.UUID;

import org.jspecify.annotations.Nullable;

/**
 * A passkey as its owner sees it, in the list and the export: never its key.
 *
 * @param id the passkey's id in this service (not the authenticator's credential id)
 * @param name what its owner called it
 * @param createdAt when it was added
 * @param lastUsedAt when it last logged in; null if never
 */
public record PasskeyView(UUID id, String name, Instant createdAt, @Nullable Instant lastUsedAt) {

	static PasskeyView of(PasskeyStore.Stored passkey) {
		return new PasskeyView(passkey.id(), passkey.name(), passkey.createdAt(), passkey.lastUsedAt());
	}

}
