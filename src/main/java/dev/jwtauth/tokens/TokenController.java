package dev.jwtauth.tokens;

import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Objects;

import dev.jwtauth.errors.FieldProblem;
import dev.jwtauth.errors.InvalidFieldsException;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.servlet.http.HttpServletRequest;
import org.jspecify.annotations.Nullable;

import org.springframework.http.CacheControl;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.security.core.Authentication;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * Login at {@code /auth}, {@code /login} and {@code /token}, so that clients of Flask-JWT,
 * flask-jwt-extended and fetch tutorials work unchanged; refresh; logout. JSON or form
 * bodies.
 */
@RestController
@Tag(name = "tokens")
class TokenController {

	private final TokenService tokens;

	TokenController(TokenService tokens) {
		this.tokens = tokens;
	}

	@LoginAnswers
	@PostMapping(path = { "/auth", "/login", "/token" }, consumes = MediaType.APPLICATION_JSON_VALUE)
	ResponseEntity<TokenResponse> loginJson(@RequestBody LoginRequest request, HttpServletRequest http) {
		return login(request, http);
	}

	@LoginAnswers
	@PostMapping(path = { "/auth", "/login", "/token" },
			consumes = { MediaType.APPLICATION_FORM_URLENCODED_VALUE, MediaType.MULTIPART_FORM_DATA_VALUE })
	ResponseEntity<TokenResponse> loginForm(@ModelAttribute LoginRequest request, HttpServletRequest http) {
		return login(request, http);
	}

	@RefreshAnswers
	@PostMapping(path = "/auth/refresh", consumes = MediaType.APPLICATION_JSON_VALUE)
	ResponseEntity<TokenResponse> refreshJson(@RequestBody RefreshRequest request, HttpServletRequest http) {
		return noStore(this.tokens.refresh(request.refreshToken(), client(http)));
	}

	@RefreshAnswers
	@PostMapping(path = "/auth/refresh",
			consumes = { MediaType.APPLICATION_FORM_URLENCODED_VALUE, MediaType.MULTIPART_FORM_DATA_VALUE })
	ResponseEntity<TokenResponse> refreshForm(
			@RequestParam(name = "refresh_token", required = false) @Nullable String refreshToken,
			HttpServletRequest http) {
		return noStore(this.tokens.refresh(refreshToken, client(http)));
	}

	/** Ends this login ({@code ?scope=global}: all of the user's, {@code others}: all but this one). */
	@Operation(summary = "Log out: the token and its session stop working at once, on every instance")
	@ApiResponse(responseCode = "204", description = "Logged out.")
	@ApiResponse(responseCode = "400", description = "`scope` is not `local`, `others` or `global`.")
	@PostMapping("/logout")
	ResponseEntity<Void> logout(Authentication authentication,
			@Parameter(description = "`local` (the default): this login; `others`: every other login of the "
					+ "user; `global`: all of them. Anything else is a 400.",
					schema = @Schema(allowableValues = { "local", "others", "global" }))
			@RequestParam(name = "scope", required = false) @Nullable String scope, HttpServletRequest http) {
		this.tokens.logout(CurrentToken.of(authentication), scope(scope), client(http));
		return ResponseEntity.noContent().build();
	}

	private ResponseEntity<TokenResponse> login(LoginRequest request, HttpServletRequest http) {
		List<FieldProblem> errors = new ArrayList<>();
		if (request.loginName() == null || request.loginName().isBlank()) {
			errors.add(new FieldProblem("username", "is required (or give email)"));
		}
		if (request.password() == null || request.password().isEmpty()) {
			errors.add(new FieldProblem("password", "is required"));
		}
		if (!errors.isEmpty()) {
			throw new InvalidFieldsException(errors);
		}
		return noStore(this.tokens.login(Objects.requireNonNull(request.loginName()),
				Objects.requireNonNull(request.password()), client(http)));
	}

	static ClientInfo client(HttpServletRequest http) {
		return new ClientInfo(http.getRemoteAddr(), http.getHeader(HttpHeaders.USER_AGENT));
	}

	private static TokenService.LogoutScope scope(@Nullable String scope) {
		if (scope == null || scope.isEmpty() || scope.equals("local")) {
			return TokenService.LogoutScope.LOCAL;
		}
		return switch (scope.toLowerCase(Locale.ROOT)) {
			case "global" -> TokenService.LogoutScope.GLOBAL;
			case "others" -> TokenService.LogoutScope.OTHERS;
			default -> throw new InvalidFieldsException("scope", "must be local, others or global");
		};
	}

	// RFC 6749 §5.1: token answers must not be cached.
	static <T> ResponseEntity<T> noStore(T body) {
		return ResponseEntity.ok().cacheControl(CacheControl.noStore()).header("Pragma", "no-cache").body(body);
	}

	/** What the OpenAPI description says of a login, whatever the path and the body's type. */
	@Retention(RetentionPolicy.RUNTIME)
	@Target(ElementType.METHOD)
	@Operation(summary = "Log in with a username or email and a password",
			description = "`/auth`, `/login` and `/token` are the same route. JSON, an HTML form or multipart "
					+ "form-data. `token` repeats `access_token`.")
	@ApiResponse(responseCode = "200", description = "Logged in: an access token and a refresh token.")
	@ApiResponse(responseCode = "401", description = "Unknown user or wrong password: the same answer for both.")
	@ApiResponse(responseCode = "429", description = "Too many failed logins for this account (by any of "
			+ "its names) or from this client address; the right password is refused too until `Retry-After` has "
			+ "passed.")
	@ApiResponse(responseCode = "503", description = "Every password-hashing thread is busy.")
	@interface LoginAnswers {

	}

	/** What the OpenAPI description says of a refresh, whatever the body's type. */
	@Retention(RetentionPolicy.RUNTIME)
	@Target(ElementType.METHOD)
	@Operation(summary = "Trade a refresh token for a new pair",
			description = "The refresh token is spent (rotation). Presenting a spent one again revokes its whole "
					+ "session, except within a short grace interval, which returns the same successor.")
	@ApiResponse(responseCode = "200", description = "A new access token and a new refresh token.")
	@ApiResponse(responseCode = "401", description = "The refresh token is missing, malformed, unknown, expired, "
			+ "revoked, or spent (which revokes its session).")
	@ApiResponse(responseCode = "429", description = "Too many refreshes from this client address.")
	@interface RefreshAnswers {

	}

}
