package dev.jwtauth.accounts;

import java.net.URI;

import dev.jwtauth.audit.AuditLog;
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
class SignupController {

	private final Accounts accounts;

	private final AuditLog audit;

	SignupController(Accounts accounts, AuditLog audit) {
		this.accounts = accounts;
		this.audit = audit;
	}

	@PostMapping(path = "/signup", consumes = MediaType.APPLICATION_JSON_VALUE)
	ResponseEntity<AccountView> signupJson(@RequestBody SignupRequest request, HttpServletRequest http) {
		return created(request, http);
	}

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
			this.audit.record("signup", null, http.getRemoteAddr(), "taken");
			throw ex;
		}
		this.audit.record("signup", account.id(), http.getRemoteAddr(), "success");
		return ResponseEntity.created(URI.create("/users/" + account.id())).body(AccountView.of(account));
	}

}
