package dev.jwtauth.tokens;

import java.util.UUID;

import com.fasterxml.jackson.annotation.JsonInclude;
import org.jspecify.annotations.Nullable;

/**
 * The answer to a login. {@code token} repeats {@code access_token} so that clients
 * written for either spelling work unchanged.
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
record TokenResponse(String accessToken, String token, String tokenType, long expiresIn,
		@Nullable String refreshToken, UUID userId) {

	static TokenResponse bearer(IssuedToken access, long expiresIn, @Nullable String refreshToken, UUID userId) {
		return new TokenResponse(access.value(), access.value(), "Bearer", expiresIn, refreshToken, userId);
	}

}
