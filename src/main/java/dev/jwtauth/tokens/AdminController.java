package dev.jwtauth.tokens;

import java.util.UUID;

import dev.jwtauth.accounts.Accounts;
import dev.jwtauth.audit.AuditLog;
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
class AdminController {

	private final TokenService tokens;

	private final Accounts accounts;

	private final AuditLog audit;

	AdminController(TokenService tokens, Accounts accounts, AuditLog audit) {
		this.tokens = tokens;
		this.accounts = accounts;
		this.audit = audit;
	}

	@PostMapping("/users/{id}/revoke")
	ResponseEntity<Void> revoke(@PathVariable UUID id, HttpServletRequest http) {
		requireAccount(id);
		this.tokens.revokeAll(id);
		this.audit.record("admin_revoke", id, http.getRemoteAddr(), "success");
		return ResponseEntity.noContent().build();
	}

	/** A disabled account can neither log in nor use a token issued before. */
	@PostMapping("/users/{id}/disable")
	ResponseEntity<Void> disable(@PathVariable UUID id, HttpServletRequest http) {
		if (!this.accounts.setEnabled(id, false)) {
			throw absent();
		}
		this.tokens.accountChanged(id);
		this.tokens.revokeAll(id);
		this.audit.record("admin_disable", id, http.getRemoteAddr(), "success");
		return ResponseEntity.noContent().build();
	}

	@PostMapping("/users/{id}/enable")
	ResponseEntity<Void> enable(@PathVariable UUID id, HttpServletRequest http) {
		if (!this.accounts.setEnabled(id, true)) {
			throw absent();
		}
		this.tokens.accountChanged(id);
		this.audit.record("admin_enable", id, http.getRemoteAddr(), "success");
		return ResponseEntity.noContent().build();
	}

	private void requireAccount(UUID id) {
		if (this.accounts.find(id).isEmpty()) {
			throw absent();
		}
	}

	private static ResponseStatusException absent() {
		return new ResponseStatusException(HttpStatus.NOT_FOUND, "No such user.");
	}

}
