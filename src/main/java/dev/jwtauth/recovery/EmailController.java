package dev.jwtauth.recovery;

import dev.jwtauth.client.ClientInfo;
import dev.jwtauth.security.CurrentToken;
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
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RestController;

/**
 * Email verification and change: {@code /verify} spends any token the service mailed
 * about an address; the {@code /me/email} routes ask for one.
 */
@RestController
@Tag(name = "recovery")
class EmailController {

	private final EmailVerification verification;

	EmailController(EmailVerification verification) {
		this.verification = verification;
	}

	@Operation(summary = "Spend a token from a verification, email-change or revert mail")
	@ApiResponse(responseCode = "204", description = "Verified, changed or restored.")
	@ApiResponse(responseCode = "400", description = "`errors[field=token]`: unknown, used, expired or no longer valid.")
	@ApiResponse(responseCode = "409", description = "The new address became another account's meanwhile.")
	@PostMapping(path = "/verify", consumes = MediaType.APPLICATION_JSON_VALUE)
	ResponseEntity<Void> verify(@RequestBody TokenRequest request, HttpServletRequest http) {
		this.verification.verify(request.token(), ClientInfo.of(http));
		return ResponseEntity.noContent().build();
	}

	@Operation(summary = "Send the verification mail again (at most once per RECOVERY_MAIL_INTERVAL)")
	@ApiResponse(responseCode = "202", description = "Sent, unless there is nothing to verify or one went out lately.")
	@PostMapping("/me/email/verification")
	ResponseEntity<Void> resend(Authentication authentication) {
		this.verification.resend(CurrentToken.of(authentication).accountId());
		return ResponseEntity.status(HttpStatus.ACCEPTED).build();
	}

	@Operation(summary = "Change the email address: it changes once the new address confirms it",
			description = "The same 202 whether or not the address is free.")
	@ApiResponse(responseCode = "202", description = "A confirmation mail went to the new address, if it is free.")
	@ApiResponse(responseCode = "400", description = "`errors[field=new_email]`, `errors[field=current_password]`, "
			+ "or with TOTP on `errors[field=code]` (a wrong password or code counts as a failed login).")
	@ApiResponse(responseCode = "429", description = "Too many failed logins for this account or client address.")
	@PostMapping(path = "/me/email", consumes = MediaType.APPLICATION_JSON_VALUE)
	ResponseEntity<Void> change(Authentication authentication, @RequestBody EmailChange request,
			HttpServletRequest http) {
		this.verification.requestChange(CurrentToken.of(authentication).accountId(), request.newEmail(),
				request.currentPassword(), request.code(), request.recoveryCode(), ClientInfo.of(http));
		return ResponseEntity.status(HttpStatus.ACCEPTED).build();
	}

	record TokenRequest(@Schema(requiredMode = Schema.RequiredMode.REQUIRED) @Nullable String token) {
	}

	record EmailChange(@Schema(requiredMode = Schema.RequiredMode.REQUIRED) @Nullable String newEmail,
			@Schema(requiredMode = Schema.RequiredMode.REQUIRED) @Nullable String currentPassword,
			@Schema(description = "A code of the authenticator app, when TOTP is on") @Nullable String code,
			@Schema(description = "Instead of `code`") @Nullable String recoveryCode) {
	}

}
