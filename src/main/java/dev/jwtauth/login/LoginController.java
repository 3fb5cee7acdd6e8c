package dev.jwtauth.login;

import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

import dev.jwtauth.client.ClientInfo;
import dev.jwtauth.errors.FieldProblem;
import dev.jwtauth.errors.InvalidFieldsException;
import dev.jwtauth.sessions.RefreshDelivery;
import dev.jwtauth.sessions.TokenResponse;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.enums.ParameterIn;
import io.swagger.v3.oas.annotations.media.Content;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.servlet.http.HttpServletRequest;

import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RestController;

/**
 * Login at {@code /auth}, {@code /login} and {@code /token}, so that clients of Flask-JWT,
 * flask-jwt-extended and fetch tutorials work unchanged. JSON or form bodies.
 */
@RestController
@Tag(name = "tokens")
class LoginController {

	private final Logins logins;

	LoginController(Logins logins) {
		this.logins = logins;
	}

	@LoginAnswers
	@PostMapping(path = { "/auth", "/login", "/token" }, consumes = MediaType.APPLICATION_JSON_VALUE)
	ResponseEntity<?> loginJson(@RequestBody LoginRequest request, HttpServletRequest http) {
		return login(request, http);
	}

	@LoginAnswers
	@PostMapping(path = { "/auth", "/login", "/token" },
			consumes = { MediaType.APPLICATION_FORM_URLENCODED_VALUE, MediaType.MULTIPART_FORM_DATA_VALUE })
	ResponseEntity<?> loginForm(@ModelAttribute LoginRequest request, HttpServletRequest http) {
		return login(request, http);
	}

	private ResponseEntity<?> login(LoginRequest request, HttpServletRequest http) {
		RefreshDelivery delivery = RefreshDelivery.of(http);
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
		LoginResult result = this.logins.login(Objects.requireNonNull(request.loginName()),
				Objects.requireNonNull(request.password()), ClientInfo.of(http));
		if (result.challenge() != null) {
			// no token yet, so no cookie either, whatever the delivery asked for
			return result.challenge().noStore();
		}
		return Objects.requireNonNull(result.tokens()).deliver(delivery);
	}

	/** What the OpenAPI description says of a login, whatever the path and the body's type. */
	@Retention(RetentionPolicy.RUNTIME)
	@Target(ElementType.METHOD)
	@Operation(summary = "Log in with a username or email and a password",
			description = "`/auth`, `/login` and `/token` are the same route. JSON, an HTML form or multipart "
					+ "form-data. `token` repeats `access_token`. With `X-Refresh-Token-Delivery: cookie` the refresh "
					+ "token comes in the `__Host-refresh` cookie (Secure, HttpOnly, SameSite=Strict) instead of the "
					+ "body.",
			parameters = @Parameter(in = ParameterIn.HEADER, name = RefreshDelivery.HEADER,
					description = RefreshDelivery.HEADER_DESCRIPTION, schema = @Schema(allowableValues = "cookie")))
	@ApiResponse(responseCode = "200",
			description = "Logged in: an access token and a refresh token. When the account has a second factor on, "
					+ "no token but `{\"mfa_required\": true, \"mfa_token\", \"methods\", \"expires_in\"}`, to "
					+ "complete at `POST /auth/mfa`.",
			content = @Content(mediaType = MediaType.APPLICATION_JSON_VALUE,
					schema = @Schema(implementation = TokenResponse.class)))
	@ApiResponse(responseCode = "401", description = "Unknown user or wrong password: the same answer for both.")
	@ApiResponse(responseCode = "429", description = "Too many failed logins for this account (by any of "
			+ "its names) or from this client address; the right password is refused too until `Retry-After` has "
			+ "passed.")
	@ApiResponse(responseCode = "503", description = "Every password-hashing thread is busy.")
	@interface LoginAnswers {

	}

}
