package dev.jwtauth.tokens.keys;

import java.time.Duration;
import java.util.List;
import java.util.Map;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.tags.Tag;

import org.springframework.http.CacheControl;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.server.ResponseStatusException;

/**
 * {@code GET /.well-known/jwks.json}: the public keys other services verify tokens
 * with. Never a private member; 404 when tokens are signed with a shared secret, which
 * must never be published.
 */
@RestController
@Tag(name = "tokens")
class JwksController {

	private final SigningKeys keys;

	JwksController(SigningKeys keys) {
		this.keys = keys;
	}

	@Operation(summary = "The public keys that verify access tokens (RS256, ES256 or EdDSA)")
	@ApiResponse(responseCode = "200", description = "A JWK set of public keys only.")
	@ApiResponse(responseCode = "404", description = "Tokens are signed with a shared secret (HS256), which is "
			+ "never published.")
	@GetMapping("/.well-known/jwks.json")
	ResponseEntity<Map<String, List<Map<String, Object>>>> jwks() {
		if (!this.keys.publishesKeys()) {
			throw new ResponseStatusException(HttpStatus.NOT_FOUND,
					"Tokens are signed with a shared secret (HS256); there are no public keys to publish.");
		}
		return ResponseEntity.ok()
			.cacheControl(CacheControl.maxAge(Duration.ofMinutes(1)).cachePublic())
			.body(Map.of("keys", this.keys.publicJwks()));
	}

}
