package dev.jwtauth.work;

import java.util.UUID;

import dev.jwtauth.accounts.AccountDetails;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;

import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RestController;

/**
 * The routes tutorials protect first: {@code /protected} and {@code /hello}. Also
 * {@code /ping}, public, for load balancers and as a benchmark baseline.
 */
@RestController
@Tag(name = "work")
class GreetingController {

	@Operation(summary = "The tutorials' first protected route: the caller's id and name")
	@GetMapping("/protected")
	Protected protectedRoute(@AuthenticationPrincipal AccountDetails me) {
		return new Protected(me.id(), me.username());
	}

	@Operation(summary = "A greeting for the caller")
	@GetMapping("/hello")
	Greeting hello(@AuthenticationPrincipal AccountDetails me) {
		return new Greeting("Hello, " + me.username() + "!");
	}

	@Operation(summary = "Public liveness check for load balancers")
	@GetMapping("/ping")
	Status ping() {
		return new Status("ok");
	}

	record Protected(UUID id, String username) {
	}

	record Greeting(String message) {
	}

	record Status(String status) {
	}

}
