package dev.jwtauth.oauth;

import com.fasterxml.jackson.annotation.JsonInclude;
import dev.jwtauth.accounts.AccountDetails;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.tags.Tag;
import org.jspecify.annotations.Nullable;

import org.springframework.http.CacheControl;
import org.springframework.http.ResponseEntity;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RestController;

/**
 * {@code GET /userinfo}: the caller's claims in OpenID Connect's names, for other
 * services holding a user's token. Absent claims are left out, not {@code null}. A
 * service client's token reaches no user route, this one included.
 */
@RestController
@Tag(name = "other services")
class UserInfoController {

	@Operation(summary = "The user's claims in OpenID Connect's names (a user's token only)")
	@ApiResponse(responseCode = "200", description = "sub and preferred_username, and email, email_verified and "
			+ "name when the account has them.")
	@ApiResponse(responseCode = "403", description = "A service client's token (`WWW-Authenticate: Bearer "
			+ "error=\"insufficient_scope\"`).")
	@GetMapping("/userinfo")
	ResponseEntity<UserInfo> userInfo(@AuthenticationPrincipal AccountDetails me) {
		return ResponseEntity.ok().cacheControl(CacheControl.noStore()).body(UserInfo.of(me));
	}

	@JsonInclude(JsonInclude.Include.NON_NULL)
	record UserInfo(String sub, String preferredUsername, @Nullable String email, @Nullable Boolean emailVerified,
			@Nullable String name) {

		static UserInfo of(AccountDetails account) {
			return new UserInfo(account.id().toString(), account.username(), account.email(),
					(account.email() != null) ? account.emailVerified() : null, account.name());
		}

	}

}
