package dev.jwtauth.accounts;

import java.util.UUID;

import dev.jwtauth.audit.AuditLog;
import dev.jwtauth.client.ClientInfo;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.servlet.http.HttpServletRequest;

import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.server.ResponseStatusException;

/**
 * What an admin can do to another account: disable it (which ends its logins, through
 * its {@link AccountListener}s) and enable it again. The ADMIN role is enforced by the
 * security configuration.
 */
@RestController
@Tag(name = "admin")
class AdminController {

	private final Accounts accounts;

	private final AuditLog audit;

	AdminController(Accounts accounts, AuditLog audit) {
		this.accounts = accounts;
		this.audit = audit;
	}

	/** A disabled account can neither log in nor use a token issued before. */
	@Operation(summary = "Disable an account: no login, no token issued before")
	@ApiResponse(responseCode = "204", description = "Disabled.")
	@PostMapping("/users/{id}/disable")
	ResponseEntity<Void> disable(@PathVariable UUID id, HttpServletRequest http) {
		if (!this.accounts.setEnabled(id, false)) {
			throw absent();
		}
		this.audit.record("admin_disable", id, ClientInfo.of(http).address(), "success");
		return ResponseEntity.noContent().build();
	}

	@Operation(summary = "Enable a disabled account again")
	@ApiResponse(responseCode = "204", description = "Enabled.")
	@PostMapping("/users/{id}/enable")
	ResponseEntity<Void> enable(@PathVariable UUID id, HttpServletRequest http) {
		if (!this.accounts.setEnabled(id, true)) {
			throw absent();
		}
		this.audit.record("admin_enable", id, ClientInfo.of(http).address(), "success");
		return ResponseEntity.noContent().build();
	}

	private static ResponseStatusException absent() {
		return new ResponseStatusException(HttpStatus.NOT_FOUND, "No such user.");
	}

}
