package dev.jwtauth.accounts;

import java.util.List;
import java.util.UUID;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import org.jspecify.annotations.Nullable;

import org.springframework.http.HttpStatus;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.server.ResponseStatusException;

/**
 * {@code /me} and {@code /users} (also {@code /user}): who the caller is, and, for admins, everyone.
 */
@RestController
@Tag(name = "accounts")
class ProfileController {

	private final Accounts accounts;

	ProfileController(Accounts accounts) {
		this.accounts = accounts;
	}

	@Operation(summary = "Who the caller is")
	@GetMapping("/me")
	ProfileView me(@AuthenticationPrincipal AccountDetails me) {
		return this.accounts.profileOf(me);
	}

	/** Another user's id answers 404, as if absent, so ids cannot be probed. */
	@Operation(summary = "One account: the caller's own, or any for an admin; anyone else's answers 404")
	@GetMapping("/users/{id}")
	ProfileView user(@AuthenticationPrincipal AccountDetails me, @PathVariable UUID id) {
		if (!me.id().equals(id) && !me.hasRole(Role.ADMIN)) {
			throw new ResponseStatusException(HttpStatus.NOT_FOUND, "No such user.");
		}
		return this.accounts.find(id)
			.map(this.accounts::profileOf)
			.orElseThrow(() -> new ResponseStatusException(HttpStatus.NOT_FOUND, "No such user."));
	}

	/**
	 * Admins only; the security configuration enforces the role. {@code /user} is the
	 * PyJWT tutorial's name for the list, which it showed to every user.
	 */
	@Operation(summary = "Every account (admins only)")
	@GetMapping({ "/users", "/user" })
	UserList users() {
		return new UserList(this.accounts.list().stream().map(ListedAccount::of).toList());
	}

	/** {@code {"users": [...]}}: an object, so that fields can be added later without breaking clients. */
	record UserList(List<ListedAccount> users) {
	}

	/** An account as listed; {@code public_id} repeats {@code id} for the tutorial's clients. */
	record ListedAccount(UUID id, UUID publicId, String username, @Nullable String email, @Nullable String name) {

		static ListedAccount of(AccountDetails account) {
			return new ListedAccount(account.id(), account.id(), account.username(), account.email(), account.name());
		}

	}

}
