package dev.jwtauth.login;

import dev.jwtauth.client.ClientInfo;
import dev.jwtauth.security.CurrentToken;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.servlet.http.HttpServletRequest;
import org.jspecify.annotations.Nullable;

import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.security.core.Authentication;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RestController;

/**
 * The caller's password: {@code /me/password}, checked like a login.
 */
@RestController
@Tag(name = "sessions")
class PasswordController {

	private final Logins logins;

	PasswordController(Logins logins) {
		this.logins = logins;
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
		this.logins.changePassword(CurrentToken.of(authentication), request.currentPassword(), request.newPassword(),
				ClientInfo.of(http));
		return ResponseEntity.noContent().build();
	}

	record PasswordChange(@Schema(requiredMode = Schema.RequiredMode.REQUIRED) @Nullable String currentPassword,
			@Schema(requiredMode = Schema.RequiredMode.REQUIRED) @Nullable String newPassword) {
	}

}
