package dev.jwtauth.recovery;

import java.util.Map;

import dev.jwtauth.client.ClientInfo;
import dev.jwtauth.errors.InvalidFieldsException;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.servlet.http.HttpServletRequest;
import org.jspecify.annotations.Nullable;

import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RestController;

/**
 * Password reset: {@code /recover} mails a link, {@code /recover/confirm} spends it.
 */
@RestController
@Tag(name = "recovery")
class RecoveryController {

	/** The same words whether or not a mail went out. */
	static final Map<String, String> REQUESTED = Map.of("message",
			"If an account with that name or address exists and has an email, a reset link is on its way to it.");

	private final PasswordReset reset;

	RecoveryController(PasswordReset reset) {
		this.reset = reset;
	}

	@Operation(summary = "Ask for a password-reset mail",
			description = "Always the same 202, in about the same time, whether or not the account exists or has "
					+ "an email. The mail goes to the account's stored address, never to one from the request.")
	@ApiResponse(responseCode = "202", description = "Requested.")
	@ApiResponse(responseCode = "400", description = "Neither `email` nor `username` given.")
	@PostMapping(path = "/recover", consumes = MediaType.APPLICATION_JSON_VALUE)
	ResponseEntity<Map<String, String>> recover(@RequestBody RecoverRequest request, HttpServletRequest http) {
		String name = (request.email() != null && !request.email().isBlank()) ? request.email() : request.username();
		if (name == null || name.isBlank()) {
			throw new InvalidFieldsException("email", "is required (or give username)");
		}
		this.reset.request(name, ClientInfo.of(http));
		return ResponseEntity.status(HttpStatus.ACCEPTED).body(REQUESTED);
	}

	@Operation(summary = "Set a new password with the token from the reset mail",
			description = "Every session of the account ends, on every instance; a login lockout is lifted; the "
					+ "email counts as verified; a notice is mailed.")
	@ApiResponse(responseCode = "204", description = "The password is reset.")
	@ApiResponse(responseCode = "400", description = "`errors[field=token]`: unknown, used, expired or older than the "
			+ "last password change; `errors[field=new_password]`: the rules refuse it (the token is not spent).")
	@PostMapping(path = "/recover/confirm", consumes = MediaType.APPLICATION_JSON_VALUE)
	ResponseEntity<Void> confirm(@RequestBody ConfirmRequest request, HttpServletRequest http) {
		this.reset.confirm(request.token(), request.newPassword(), ClientInfo.of(http));
		return ResponseEntity.noContent().build();
	}

	record RecoverRequest(@Nullable String email, @Nullable String username) {
	}

	record ConfirmRequest(@Schema(requiredMode = Schema.RequiredMode.REQUIRED) @Nullable String token,
			@Schema(requiredMode = Schema.RequiredMode.REQUIRED) @Nullable String newPassword) {
	}

}
