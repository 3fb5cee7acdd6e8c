package dev.jwtauth.accounts;

import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;
import java.net.URI;

import dev.jwtauth.audit.AuditLog;
import dev.jwtauth.client.ClientInfo;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.headers.Header;
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
 * {@code POST /signup}, from JSON clients and from HTML forms alike.
 */
@RestController
@Tag(name = "accounts")
class SignupController {

	private final Accounts accounts;

	private final AuditLog audit;

	SignupController(Accounts accounts, AuditLog audit) {
		this.accounts = accounts;
		this.audit = audit;
	}

	@SignupAnswers
	@PostMapping(path = "/signup", consumes = MediaType.APPLICATION_JSON_VALUE)
	ResponseEntity<AccountView> signupJson(@RequestBody SignupRequest request, HttpServletRequest http) {
		return created(request, http);
	}

	@SignupAnswers
	@PostMapping(path = "/signup",
			consumes = { MediaType.APPLICATION_FORM_URLENCODED_VALUE, MediaType.MULTIPART_FORM_DATA_VALUE })
	ResponseEntity<AccountView> signupForm(@ModelAttribute SignupRequest request, HttpServletRequest http) {
		return created(request, http);
	}

	private ResponseEntity<AccountView> created(SignupRequest request, HttpServletRequest http) {
		AccountDetails account;
		try {
			account = this.accounts.signup(request.toNewAccount());
		}
		catch (AccountTakenException ex) {
			this.audit.record("signup", null, ClientInfo.of(http).address(), "taken");
			throw ex;
		}
		this.audit.record("signup", account.id(), ClientInfo.of(http).address(), "success");
		return ResponseEntity.created(URI.create("/users/" + account.id())).body(AccountView.of(account));
	}

	/** What the OpenAPI description says of {@code POST /signup}, whatever the body's type. */
	@Retention(RetentionPolicy.RUNTIME)
	@Target(ElementType.METHOD)
	@Operation(summary = "Create an account",
			description = "JSON, an HTML form or multipart form-data. With `email` and no `username`, the email "
					+ "is the login name. The password: 8 to 128 characters, not a common one, not the username "
					+ "or email.")
	@ApiResponse(responseCode = "201", description = "Created.",
			headers = @Header(name = "Location", description = "`/users/{id}` of the new account"))
	@ApiResponse(responseCode = "409",
			description = "The username or email is taken, as a username or an email, ignoring case.")
	@ApiResponse(responseCode = "429", description = "Too many signups from this client address.")
	@ApiResponse(responseCode = "503", description = "Every password-hashing thread is busy.")
	@interface SignupAnswers {

	}

}
