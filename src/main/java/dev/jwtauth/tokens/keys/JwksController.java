package dev.jwtauth.tokens.keys;

import java.time.Duration;
import java.util.List;
import java.util.Map;

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
class JwksController {

	private final SigningKeys keys;

	JwksController(SigningKeys keys) {
		this.keys = keys;
	}

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
