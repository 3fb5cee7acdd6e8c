package dev.jwtauth.tokens;

import org.jspecify.annotations.Nullable;

/**
 * The body of {@code POST /auth/refresh}.
 */
record RefreshRequest(@Nullable String refreshToken) {
}
