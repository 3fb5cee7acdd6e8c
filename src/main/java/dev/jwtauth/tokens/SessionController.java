package dev.jwtauth.tokens;

import java.util.List;
import java.util.UUID;

import jakarta.servlet.http.HttpServletRequest;
import org.jspecify.annotations.Nullable;

import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.security.core.Authentication;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.server.ResponseStatusException;

/**
 * The caller's own logins and password: {@code /me/sessions} and {@code /me/password}.
 */
@RestController
class SessionController {

	private final TokenService tokens;

	SessionController(TokenService tokens) {
		this.tokens = tokens;
	}

	@GetMapping("/me/sessions")
	List<SessionView> sessions(Authentication authentication) {
		VerifiedToken current = CurrentToken.of(authentication);
		return this.tokens.sessions(current.accountId()).stream().map((s) -> SessionView.of(s, current)).toList();
	}

	/** Someone else's session, or one already ended, answers 404. */
	@DeleteMapping("/me/sessions/{id}")
	ResponseEntity<Void> endSession(Authentication authentication, @PathVariable UUID id) {
		if (!this.tokens.endSession(CurrentToken.of(authentication).accountId(), id)) {
			throw new ResponseStatusException(HttpStatus.NOT_FOUND, "No such session.");
		}
		return ResponseEntity.noContent().build();
	}

	/** Every token issued before the change stops working, this one included. */
	@PostMapping(path = "/me/password", consumes = MediaType.APPLICATION_JSON_VALUE)
	ResponseEntity<Void> changePassword(Authentication authentication, @RequestBody PasswordChange request,
			HttpServletRequest http) {
		this.tokens.changePassword(CurrentToken.of(authentication), request.currentPassword(), request.newPassword(),
				TokenController.client(http));
		return ResponseEntity.noContent().build();
	}

	record PasswordChange(@Nullable String currentPassword, @Nullable String newPassword) {
	}


}
