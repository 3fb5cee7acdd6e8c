package dev.jwtauth.tokens;

import java.util.ArrayList;
import java.util.List;

import dev.jwtauth.errors.FieldProblem;
import dev.jwtauth.errors.InvalidFieldsException;

import org.springframework.http.CacheControl;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RestController;

/**
 * Login at {@code /auth}, {@code /login} and {@code /token}, so that clients of Flask-JWT,
 * flask-jwt-extended and fetch tutorials work unchanged; JSON or form bodies.
 */
@RestController
class TokenController {

	private final TokenService tokens;

	TokenController(TokenService tokens) {
		this.tokens = tokens;
	}

	@PostMapping(path = { "/auth", "/login", "/token" }, consumes = MediaType.APPLICATION_JSON_VALUE)
	ResponseEntity<TokenResponse> loginJson(@RequestBody LoginRequest request) {
		return login(request);
	}

	@PostMapping(path = { "/auth", "/login", "/token" },
			consumes = { MediaType.APPLICATION_FORM_URLENCODED_VALUE, MediaType.MULTIPART_FORM_DATA_VALUE })
	ResponseEntity<TokenResponse> loginForm(@ModelAttribute LoginRequest request) {
		return login(request);
	}

	private ResponseEntity<TokenResponse> login(LoginRequest request) {
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
		return noStore(this.tokens.login(request.loginName(), request.password()));
	}

	// RFC 6749 §5.1: token answers must not be cached.
	static <T> ResponseEntity<T> noStore(T body) {
		return ResponseEntity.ok().cacheControl(CacheControl.noStore()).header("Pragma", "no-cache").body(body);
	}

}
