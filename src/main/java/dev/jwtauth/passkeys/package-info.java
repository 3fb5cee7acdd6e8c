/**
 * Passkeys (WebAuthn): a signed-in user adds, lists and removes discoverable credentials
 * at {@code /me/passkeys}, and anyone logs in with one at {@code /auth/passkey}. The
 * ceremony checks (challenge, origin, RP id, flags, signature, counter) are webauthn4j's;
 * challenges live in the database, as hashes, so that any instance finishes a ceremony.
 * Its public facade is {@code Passkeys}.
 */
package dev.jwtauth.passkeys;
