package dev.jwtauth.accounts;

import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.springframework.http.HttpStatus;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.server.ResponseStatusException;

/**
 * {@code /me} and {@code /users}: who the caller is, and, for admins, everyone.
 */
@RestController
class ProfileController {

	private final Accounts accounts;

	ProfileController(Accounts accounts) {
		this.accounts = accounts;
	}

	@GetMapping("/me")
	ProfileView me(@AuthenticationPrincipal AccountDetails me) {
		return ProfileView.of(me);
	}

	/** Another user's id answers 404, as if absent, so ids cannot be probed. */
	@GetMapping("/users/{id}")
	ProfileView user(@AuthenticationPrincipal AccountDetails me, @PathVariable UUID id) {
		if (!me.id().equals(id) && !me.hasRole(Role.ADMIN)) {
			throw new ResponseStatusException(HttpStatus.NOT_FOUND, "No such user.");
		}
		return this.accounts.find(id)
			.map(ProfileView::of)
			.orElseThrow(() -> new ResponseStatusException(HttpStatus.NOT_FOUND, "No such user."));
	}

	/** Admins only; the security configuration enforces the role. */
	@GetMapping("/users")
	Map<String, List<AccountView>> users() {
		return Map.of("users", this.accounts.list().stream().map(AccountView::of).toList());
	}

}
