package dev.jwtauth.sessions;

import java.util.UUID;

import dev.jwtauth.accounts.Accounts;
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
 * What an admin can do to another account's logins; the ADMIN role is enforced by the
 * security configuration.
 */
@RestController
@Tag(name = "admin")
class AdminSessionController {

	private final Sessions sessions;

	private final Accounts accounts;

	private final AuditLog audit;

	AdminSessionController(Sessions sessions, Accounts accounts, AuditLog audit) {
		this.sessions = sessions;
		this.accounts = accounts;
		this.audit = audit;
	}

	@Operation(summary = "End every login of a user")
	@ApiResponse(responseCode = "204", description = "Revoked.")
	@PostMapping("/users/{id}/revoke")
	ResponseEntity<Void> revoke(@PathVariable UUID id, HttpServletRequest http) {
		if (this.accounts.find(id).isEmpty()) {
			throw new ResponseStatusException(HttpStatus.NOT_FOUND, "No such user.");
		}
		this.sessions.revokeAll(id);
		this.audit.record("admin_revoke", id, ClientInfo.of(http).address(), "success");
		return ResponseEntity.noContent().build();
	}

}
