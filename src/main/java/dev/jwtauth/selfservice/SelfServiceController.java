package dev.jwtauth.selfservice;

import dev.jwtauth.client.ClientInfo;
import dev.jwtauth.security.CurrentToken;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.servlet.http.HttpServletRequest;
import org.jspecify.annotations.Nullable;

import org.springframework.http.CacheControl;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.security.core.Authentication;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RestController;

/**
 * The caller's export ({@code GET /me/export}) and deletion ({@code POST /me/delete}).
 */
@RestController
@Tag(name = "accounts")
class SelfServiceController {

	private final SelfService selfService;

	SelfServiceController(SelfService selfService) {
		this.selfService = selfService;
	}

	@Operation(summary = "Everything the service holds about the caller's account, without secrets",
			description = "Profile, live sessions, work items, second factors (what and when, never a secret), "
					+ "passkeys (names and times, never a key), and the audit events about the account.")
	@GetMapping("/me/export")
	ResponseEntity<SelfService.Export> export(Authentication authentication) {
		return ResponseEntity.ok()
			.cacheControl(CacheControl.noStore())
			.body(this.selfService.export(CurrentToken.of(authentication)));
	}

	@Operation(summary = "Delete the caller's account and everything that belongs to it",
			description = "Its sessions and tokens end on every instance; its username and email are free again; "
					+ "the audit trail keeps its events under the public id only.")
	@ApiResponse(responseCode = "204", description = "Deleted.")
	@ApiResponse(responseCode = "400", description = "A wrong `current_password` (`errors[field=current_password]`), "
			+ "or with TOTP on a wrong or missing `code` / `recovery_code` (`errors[field=code]`); both count as "
			+ "failed logins.")
	@ApiResponse(responseCode = "429", description = "Too many failed logins for this account or client address.")
	@PostMapping(path = "/me/delete", consumes = MediaType.APPLICATION_JSON_VALUE)
	ResponseEntity<Void> delete(Authentication authentication, @RequestBody Deletion request, HttpServletRequest http) {
		this.selfService.delete(CurrentToken.of(authentication).accountId(), request.currentPassword(), request.code(),
				request.recoveryCode(), ClientInfo.of(http));
		return ResponseEntity.noContent().build();
	}

	record Deletion(@Schema(requiredMode = Schema.RequiredMode.REQUIRED) @Nullable String currentPassword,
			@Schema(description = "A code of the authenticator app, when TOTP is on") @Nullable String code,
			@Schema(description = "Instead of `code`") @Nullable String recoveryCode) {
	}

}
