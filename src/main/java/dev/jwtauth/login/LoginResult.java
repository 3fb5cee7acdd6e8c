package dev.jwtauth.login;

import dev.jwtauth.sessions.TokenResponse;
import org.jspecify.annotations.Nullable;

/** What a right password earns: tokens, or a challenge for the second factor. */
record LoginResult(@Nullable TokenResponse tokens, @Nullable MfaChallenge challenge) {
}
