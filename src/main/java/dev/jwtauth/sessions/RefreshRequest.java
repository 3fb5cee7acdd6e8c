package dev.jwtauth.sessions;

import io.swagger.v3.oas.annotations.media.Schema;
import org.jspecify.annotations.Nullable;

/**
 * The body of {@code POST /auth/refresh}.
 */
record RefreshRequest(@Schema(requiredMode = Schema.RequiredMode.REQUIRED) @Nullable String refreshToken) {
}
