package dev.jwtauth.passkeys;

import java.util.Map;
import java.util.UUID;

import dev.jwtauth.client.ClientInfo;
import dev.jwtauth.errors.InvalidFieldsException;
import dev.jwtauth.sessions.RefreshDelivery;
import dev.jwtauth.sessions.TokenResponse;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.enums.ParameterIn;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.servlet.http.HttpServletRequest;
import org.jspecify.annotations.Nullable;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.http.CacheControl;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RestController;

/**
 * Login with a passkey ({@code /auth/passkey}): no user is named, the authenticator
 * offers the account's discoverable credential.
 */
@RestController
@Tag(name = "passkeys")
class PasskeyLoginController {

	private final Passkeys passkeys;

	private final JsonMapper json;

	PasskeyLoginController(Passkeys passkeys, JsonMapper json) {
		this.passkeys = passkeys;
		this.json = json;
	}

	@Operation(summary = "Start a passkey login: a challenge and the request options",
			description = "`options` is WebAuthn Level 3 JSON for `PublicKeyCredential.parseRequestOptionsFromJSON`; "
					+ "no user is named (discoverable credentials), user verification is required. The challenge "
					+ "lives 5 minutes, works once, and any instance of the service finishes it.")
	@ApiResponse(responseCode = "200", description = "`{\"challenge_id\", \"options\"}`.")
	@ApiResponse(responseCode = "404", description = "Passkeys are off: the settings give no valid RP id.")
	@ApiResponse(responseCode = "429", description = "Too many requests from this client address.")
	@PostMapping("/auth/passkey/options")
	ResponseEntity<Map<String, Object>> options() {
		this.passkeys.requireServing();
		return ResponseEntity.ok().cacheControl(CacheControl.noStore()).body(this.passkeys.loginOptions());
	}

	@Operation(summary = "Log in with a passkey",
			description = "`credential` is what `credential.toJSON()` answers to `navigator.credentials.get()`. "
					+ "The tokens say `amr: [\"swk\", \"user\", \"mfa\"]`; no TOTP code is asked. With "
					+ "`X-Refresh-Token-Delivery: cookie` the refresh token comes in the `__Host-refresh` cookie "
					+ "instead of the body.",
			parameters = @Parameter(in = ParameterIn.HEADER, name = RefreshDelivery.HEADER,
					description = RefreshDelivery.HEADER_DESCRIPTION, schema = @Schema(allowableValues = "cookie")))
	@ApiResponse(responseCode = "200", description = "Logged in: an access token and a refresh token.")
	@ApiResponse(responseCode = "400", description = "`challenge_id` or `credential` missing or malformed.")
	@ApiResponse(responseCode = "401", description = "Refused, one answer for all: an unknown credential, a user "
			+ "handle not its owner's, a bad signature, a wrong origin or RP id, no user verification, a replayed, "
			+ "expired or unknown challenge, a disabled account, a counter that did not grow. Counts toward the "
			+ "client address's lockout.")
	@ApiResponse(responseCode = "403", description = "`email_not_verified`: the passkey is right, but "
			+ "`REQUIRE_VERIFIED_EMAIL` is on and the account's address is not proven yet.")
	@ApiResponse(responseCode = "404", description = "Passkeys are off: the settings give no valid RP id.")
	@ApiResponse(responseCode = "429", description = "Too many requests or failed logins from this client address.")
	@PostMapping(path = "/auth/passkey", consumes = MediaType.APPLICATION_JSON_VALUE)
	ResponseEntity<TokenResponse> login(@RequestBody PasskeyLogin request, HttpServletRequest http) {
		this.passkeys.requireServing();
		RefreshDelivery delivery = RefreshDelivery.of(http);
		UUID challengeId = challengeId(request.challengeId());
		String credential = CredentialJson.of(request.credential(), this.json);
		return this.passkeys.login(challengeId, credential, ClientInfo.of(http)).deliver(delivery);
	}

	private static UUID challengeId(@Nullable String value) {
		if (value != null && value.length() == 36) {
			try {
				return UUID.fromString(value);
			}
			catch (IllegalArgumentException ex) {
				// answered below
			}
		}
		throw new InvalidFieldsException("challenge_id", "is required: the challenge_id of POST /auth/passkey/options");
	}

	record PasskeyLogin(
			@Schema(requiredMode = Schema.RequiredMode.REQUIRED, description = "From `POST /auth/passkey/options`")
			@Nullable String challengeId,
			@Schema(requiredMode = Schema.RequiredMode.REQUIRED, description = "credential.toJSON()")
			@Nullable JsonNode credential) {
	}

}
