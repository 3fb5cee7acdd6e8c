package dev.jwtauth.sessions;

import java.time.Duration;
import java.util.UUID;

import com.fasterxml.jackson.annotation.JsonIgnore;
import com.fasterxml.jackson.annotation.JsonInclude;
import dev.jwtauth.tokens.IssuedToken;
import io.swagger.v3.oas.annotations.media.Schema;
import org.jspecify.annotations.Nullable;

import org.springframework.http.CacheControl;
import org.springframework.http.HttpHeaders;
import org.springframework.http.ResponseEntity;

/**
 * The answer to a login or a refresh. {@code token} repeats {@code access_token} so that
 * clients written for either spelling work unchanged.
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record TokenResponse(String accessToken, String token, String tokenType, long expiresIn,
		@Nullable String refreshToken, UUID userId,
		@JsonIgnore @Schema(hidden = true) Duration sessionRemaining) {

	/**
	 * The answer as sent, the refresh token in the body or in its cookie. RFC 6749 §5.1
	 * says token answers must not be cached.
	 */
	public ResponseEntity<TokenResponse> deliver(RefreshDelivery delivery) {
		ResponseEntity.BodyBuilder answer = ResponseEntity.ok()
			.cacheControl(CacheControl.noStore())
			.header("Pragma", "no-cache");
		if (delivery == RefreshDelivery.BODY || this.refreshToken == null) {
			return answer.body(this);
		}
		return answer
			.header(HttpHeaders.SET_COOKIE, RefreshDelivery.carrying(this.refreshToken, this.sessionRemaining).toString())
			.body(new TokenResponse(this.accessToken, this.token, this.tokenType, this.expiresIn, null, this.userId,
					this.sessionRemaining));
	}

	static TokenResponse bearer(IssuedToken access, long expiresIn, String refreshToken, UUID userId,
			Duration sessionRemaining) {
		return new TokenResponse(access.value(), access.value(), "Bearer", expiresIn, refreshToken, userId,
				sessionRemaining);
	}

}
