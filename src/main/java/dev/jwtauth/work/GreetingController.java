package dev.jwtauth.work;

import java.util.Map;
import java.util.UUID;

import dev.jwtauth.accounts.AccountDetails;

import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RestController;

/**
 * The routes tutorials protect first: {@code /protected} and {@code /hello}. Also
 * {@code /ping}, public, for load balancers and as a benchmark baseline.
 */
@RestController
class GreetingController {

	@GetMapping("/protected")
	Protected protectedRoute(@AuthenticationPrincipal AccountDetails me) {
		return new Protected(me.id(), me.username());
	}

	@GetMapping("/hello")
	Map<String, String> hello(@AuthenticationPrincipal AccountDetails me) {
		return Map.of("message", "Hello, " + me.username() + "!");
	}

	@GetMapping("/ping")
	Map<String, String> ping() {
		return Map.of("status", "ok");
	}

	record Protected(UUID id, String username) {
	}

}
