package dev.jwtauth.sessions;

import java.util.List;
import java.util.UUID;

import dev.jwtauth.security.CurrentToken;
import dev.jwtauth.tokens.VerifiedToken;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.tags.Tag;

import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.security.core.Authentication;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.server.ResponseStatusException;

/**
 * The caller's own logins: {@code /me/sessions}.
 */
@RestController
@Tag(name = "sessions")
class SessionController {

	private final Sessions sessions;

	SessionController(Sessions sessions) {
		this.sessions = sessions;
	}

	@Operation(summary = "The caller's live logins, the current one marked")
	@GetMapping("/me/sessions")
	List<SessionView> sessions(Authentication authentication) {
		VerifiedToken current = CurrentToken.of(authentication);
		return this.sessions.live(current.accountId(), current);
	}

	/** Someone else's session, or one already ended, answers 404. */
	@Operation(summary = "End one of the caller's logins: its tokens stop working")
	@ApiResponse(responseCode = "204", description = "Ended.")
	@DeleteMapping("/me/sessions/{id}")
	ResponseEntity<Void> endSession(Authentication authentication, @PathVariable UUID id) {
		if (!this.sessions.end(CurrentToken.of(authentication).accountId(), id)) {
			throw new ResponseStatusException(HttpStatus.NOT_FOUND, "No such session.");
		}
		return ResponseEntity.noContent().build();
	}

}
