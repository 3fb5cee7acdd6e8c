package dev.jwtauth.sessions;

import java.util.UUID;

import com.fasterxml.jackson.annotation.JsonInclude;
import dev.jwtauth.tokens.IssuedToken;
import org.jspecify.annotations.Nullable;

import org.springframework.http.CacheControl;
import org.springframework.http.ResponseEntity;

/**
 * The answer to a login or a refresh. {@code token} repeats {@code access_token} so that
 * clients written for either spelling work unchanged.
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record TokenResponse(String accessToken, String token, String tokenType, long expiresIn,
		@Nullable String refreshToken, UUID userId) {

	/** The answer as sent: RFC 6749 §5.1 says token answers must not be cached. */
	public ResponseEntity<TokenResponse> noStore() {
		return ResponseEntity.ok().cacheControl(CacheControl.noStore()).header("Pragma", "no-cache").body(this);
	}

	static TokenResponse bearer(IssuedToken access, long expiresIn, @Nullable String refreshToken, UUID userId) {
		return new TokenResponse(access.value(), access.value(), "Bearer", expiresIn, refreshToken, userId);
	}

}
