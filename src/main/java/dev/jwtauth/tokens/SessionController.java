package dev.jwtauth.tokens;

import java.util.List;
import java.util.UUID;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.tags.Tag;
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
@Tag(name = "sessions")
class SessionController {

	private final TokenService tokens;

	SessionController(TokenService tokens) {
		this.tokens = tokens;
	}

	@Operation(summary = "The caller's live logins, the current one marked")
	@GetMapping("/me/sessions")
	List<SessionView> sessions(Authentication authentication) {
		VerifiedToken current = CurrentToken.of(authentication);
		return this.tokens.sessions(current.accountId()).stream().map((s) -> SessionView.of(s, current)).toList();
	}

	/** Someone else's session, or one already ended, answers 404. */
	@Operation(summary = "End one of the caller's logins: its tokens stop working")
	@ApiResponse(responseCode = "204", description = "Ended.")
	@DeleteMapping("/me/sessions/{id}")
	ResponseEntity<Void> endSession(Authentication authentication, @PathVariable UUID id) {
		if (!this.tokens.endSession(CurrentToken.of(authentication).accountId(), id)) {
			throw new ResponseStatusException(HttpStatus.NOT_FOUND, "No such session.");
		}
		return ResponseEntity.noContent().build();
	}

	/** Every token issued before the change stops working, this one included. */
	@Operation(summary = "Change the caller's password: every token issued before stops working")
	@ApiResponse(responseCode = "204", description = "Changed.")
	@ApiResponse(responseCode = "400", description = "A wrong `current_password` (`errors[field=current_password]`; "
			+ "it counts as a failed login), or a `new_password` the rules refuse.")
	@ApiResponse(responseCode = "429", description = "Too many failed logins for this account or client address.")
	@ApiResponse(responseCode = "503", description = "Every password-hashing thread is busy.")
	@PostMapping(path = "/me/password", consumes = MediaType.APPLICATION_JSON_VALUE)
	ResponseEntity<Void> changePassword(Authentication authentication, @RequestBody PasswordChange request,
			HttpServletRequest http) {
		this.tokens.changePassword(CurrentToken.of(authentication), request.currentPassword(), request.newPassword(),
				TokenController.client(http));
		return ResponseEntity.noContent().build();
	}

	record PasswordChange(@Schema(requiredMode = Schema.RequiredMode.REQUIRED) @Nullable String currentPassword,
			@Schema(requiredMode = Schema.RequiredMode.REQUIRED) @Nullable String newPassword) {
	}


}
