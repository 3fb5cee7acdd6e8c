package dev.jwtauth.mfa;

import java.util.UUID;

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
 * What an admin can do to another account's second factors, for a person who lost both
 * the app and the recovery codes; the ADMIN role is enforced by the security
 * configuration.
 */
@RestController
@Tag(name = "admin")
class AdminMfaController {

	private final SecondFactors factors;

	AdminMfaController(SecondFactors factors) {
		this.factors = factors;
	}

	@Operation(summary = "Remove a user's second factors and end their sessions")
	@ApiResponse(responseCode = "204", description = "Removed; the user logs in with the password alone.")
	@ApiResponse(responseCode = "404", description = "No such user.")
	@PostMapping("/users/{id}/mfa/reset")
	ResponseEntity<Void> reset(@PathVariable UUID id, HttpServletRequest http) {
		if (!this.factors.reset(id, ClientInfo.of(http))) {
			throw new ResponseStatusException(HttpStatus.NOT_FOUND, "No such user.");
		}
		return ResponseEntity.noContent().build();
	}

}
