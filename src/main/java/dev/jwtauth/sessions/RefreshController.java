package dev.jwtauth.sessions;

import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;
import java.util.Locale;

import dev.jwtauth.client.ClientInfo;
import dev.jwtauth.errors.InvalidFieldsException;
import dev.jwtauth.security.CurrentToken;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.enums.ParameterIn;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.servlet.http.HttpServletRequest;
import org.jspecify.annotations.Nullable;

import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.security.core.Authentication;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * Refresh and logout: the routes that spend a refresh token or end a login. JSON or form
 * bodies.
 */
@RestController
@Tag(name = "tokens")
class RefreshController {

	private final Sessions sessions;

	RefreshController(Sessions sessions) {
		this.sessions = sessions;
	}

	@RefreshAnswers
	@PostMapping(path = "/auth/refresh", consumes = MediaType.APPLICATION_JSON_VALUE)
	ResponseEntity<TokenResponse> refreshJson(@RequestBody RefreshRequest request, HttpServletRequest http) {
		return refresh(request.refreshToken(), http);
	}

	@RefreshAnswers
	@PostMapping(path = "/auth/refresh",
			consumes = { MediaType.APPLICATION_FORM_URLENCODED_VALUE, MediaType.MULTIPART_FORM_DATA_VALUE })
	ResponseEntity<TokenResponse> refreshForm(
			@RequestParam(name = "refresh_token", required = false) @Nullable String refreshToken,
			HttpServletRequest http) {
		return refresh(refreshToken, http);
	}

	/** A page refreshing through its cookie need send no body, hence no content type. */
	@RefreshAnswers
	@PostMapping("/auth/refresh")
	ResponseEntity<TokenResponse> refreshWithoutBody(HttpServletRequest http) {
		return refresh(null, http);
	}

	private ResponseEntity<TokenResponse> refresh(@Nullable String fromBody, HttpServletRequest http) {
		RefreshDelivery delivery = RefreshDelivery.of(http);
		String refreshToken = (fromBody == null || fromBody.isEmpty()) ? null : fromBody;
		if (delivery == RefreshDelivery.COOKIE) {
			String fromCookie = RefreshDelivery.presented(http);
			if (fromCookie != null && refreshToken != null) {
				throw new InvalidFieldsException("refresh_token",
						"comes either in the body or in the __Host-refresh cookie, not in both");
			}
			if (fromCookie != null) {
				refreshToken = fromCookie;
			}
		}
		return this.sessions.refresh(refreshToken, ClientInfo.of(http)).deliver(delivery);
	}

	/** Ends this login ({@code ?scope=global}: all of the user's, {@code others}: all but this one). */
	@Operation(summary = "Log out: the token and its session stop working at once, on every instance")
	@ApiResponse(responseCode = "204", description = "Logged out. A `__Host-refresh` cookie, when the request "
			+ "carried one or `X-Refresh-Token-Delivery`, is cleared.")
	@ApiResponse(responseCode = "400", description = "`scope` is not `local`, `others` or `global`.")
	@PostMapping("/logout")
	ResponseEntity<Void> logout(Authentication authentication,
			@Parameter(description = "`local` (the default): this login; `others`: every other login of the "
					+ "user; `global`: all of them. Anything else is a 400.",
					schema = @Schema(allowableValues = { "local", "others", "global" }))
			@RequestParam(name = "scope", required = false) @Nullable String scope, HttpServletRequest http) {
		Sessions.LogoutScope ending = scope(scope);
		this.sessions.logout(CurrentToken.of(authentication), ending, ClientInfo.of(http));
		if (http.getHeader(RefreshDelivery.HEADER) != null || RefreshDelivery.presented(http) != null) {
			return ResponseEntity.noContent().header(HttpHeaders.SET_COOKIE, RefreshDelivery.cleared().toString()).build();
		}
		return ResponseEntity.noContent().build();
	}

	private static Sessions.LogoutScope scope(@Nullable String scope) {
		if (scope == null || scope.isEmpty() || scope.equals("local")) {
			return Sessions.LogoutScope.LOCAL;
		}
		return switch (scope.toLowerCase(Locale.ROOT)) {
			case "global" -> Sessions.LogoutScope.GLOBAL;
			case "others" -> Sessions.LogoutScope.OTHERS;
			default -> throw new InvalidFieldsException("scope", "must be local, others or global");
		};
	}

	/** What the OpenAPI description says of a refresh, whatever the body's type. */
	@Retention(RetentionPolicy.RUNTIME)
	@Target(ElementType.METHOD)
	@Operation(summary = "Trade a refresh token for a new pair",
			description = "The refresh token is spent (rotation). Presenting a spent one again revokes its whole "
					+ "session, except within a short grace interval, which returns the same successor. With "
					+ "`X-Refresh-Token-Delivery: cookie` the token is read from the `__Host-refresh` cookie (send "
					+ "no body, or `{}`) and its successor set there; without the header the cookie is ignored. A "
					+ "cookie and a body token together are a 400.",
			parameters = @Parameter(in = ParameterIn.HEADER, name = RefreshDelivery.HEADER,
					description = RefreshDelivery.HEADER_DESCRIPTION, schema = @Schema(allowableValues = "cookie")))
	@ApiResponse(responseCode = "200", description = "A new access token and a new refresh token.")
	@ApiResponse(responseCode = "400", description = "A refresh token both in the body and in the cookie, or "
			+ "`X-Refresh-Token-Delivery` with a value other than `cookie`.")
	@ApiResponse(responseCode = "401", description = "The refresh token is missing, malformed, unknown, expired, "
			+ "revoked, or spent (which revokes its session).")
	@ApiResponse(responseCode = "429", description = "Too many refreshes from this client address.")
	@interface RefreshAnswers {

	}

}
