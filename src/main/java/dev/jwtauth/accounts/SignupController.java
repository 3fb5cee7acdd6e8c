package dev.jwtauth.accounts;

import java.net.URI;

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

	SignupController(Accounts accounts) {
		this.accounts = accounts;
	}

	@PostMapping(path = "/signup", consumes = MediaType.APPLICATION_JSON_VALUE)
	ResponseEntity<AccountView> signupJson(@RequestBody SignupRequest request) {
		return created(request);
	}

	@PostMapping(path = "/signup",
			consumes = { MediaType.APPLICATION_FORM_URLENCODED_VALUE, MediaType.MULTIPART_FORM_DATA_VALUE })
	ResponseEntity<AccountView> signupForm(@ModelAttribute SignupRequest request) {
		return created(request);
	}

	private ResponseEntity<AccountView> created(SignupRequest request) {
		AccountDetails account = this.accounts.signup(request.toNewAccount());
		return ResponseEntity.created(URI.create("/users/" + account.id())).body(AccountView.of(account));
	}

}
