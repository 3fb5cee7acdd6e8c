package dev.jwtauth.passkeys;

import java.net.URI;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import dev.jwtauth.client.ClientInfo;
import dev.jwtauth.security.CurrentToken;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.servlet.http.HttpServletRequest;
import org.jspecify.annotations.Nullable;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.http.CacheControl;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.security.core.Authentication;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PatchMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.server.ResponseStatusException;

/**
 * The caller's passkeys at {@code /me/passkeys}: adding one (options, then the
 * credential), listing, renaming and removing them.
 */
@RestController
@Tag(name = "passkeys")
class PasskeyController {

	private final Passkeys passkeys;

	private final JsonMapper json;

	PasskeyController(Passkeys passkeys, JsonMapper json) {
		this.passkeys = passkeys;
		this.json = json;
	}

	@Operation(summary = "Start adding a passkey: the creation options",
			description = "Needs the password, and a `code` when TOTP is on, so that an access token alone adds no "
					+ "passkey. Answers WebAuthn Level 3 JSON for `PublicKeyCredential.parseCreationOptionsFromJSON`: "
					+ "a resident key and user verification required, the caller's passkeys excluded. The challenge "
					+ "lives 5 minutes and works once.")
	@ApiResponse(responseCode = "200", description = "The creation options.")
	@ApiResponse(responseCode = "400", description = "A wrong `current_password` (`errors[field=current_password]`), "
			+ "or with TOTP on a wrong or missing `code` (`errors[field=code]`); both count as failed logins.")
	@ApiResponse(responseCode = "404", description = "Passkeys are off: the settings give no valid RP id.")
	@ApiResponse(responseCode = "429", description = "Too many failed logins for this account or client address.")
	@PostMapping(path = "/me/passkeys/options", consumes = MediaType.APPLICATION_JSON_VALUE)
	ResponseEntity<Map<String, Object>> options(Authentication authentication, @RequestBody Reauthentication request,
			HttpServletRequest http) {
		this.passkeys.requireServing();
		return ResponseEntity.ok()
			.cacheControl(CacheControl.noStore())
			.body(this.passkeys.registrationOptions(CurrentToken.of(authentication).accountId(),
					request.currentPassword(), request.code(), ClientInfo.of(http)));
	}

	@Operation(summary = "Add a passkey: the credential the browser made",
			description = "`credential` is what `credential.toJSON()` answers to `navigator.credentials.create()` "
					+ "with the options of `POST /me/passkeys/options`. A notice is mailed.")
	@ApiResponse(responseCode = "201", description = "Added: `{\"id\", \"name\", \"created_at\"}`.")
	@ApiResponse(responseCode = "400", description = "`credential` malformed or refused (its challenge unknown, "
			+ "spent or expired, or a wrong origin, RP id, flag or signature: `errors[field=credential]`), or "
			+ "`name` over 64 characters.")
	@ApiResponse(responseCode = "404", description = "Passkeys are off: the settings give no valid RP id.")
	@ApiResponse(responseCode = "409", description = "This credential is registered already.")
	@PostMapping(path = "/me/passkeys", consumes = MediaType.APPLICATION_JSON_VALUE)
	ResponseEntity<Added> add(Authentication authentication, @RequestBody Registration request,
			HttpServletRequest http) {
		this.passkeys.requireServing();
		String credential = CredentialJson.of(request.credential(), this.json);
		PasskeyView added = this.passkeys.register(CurrentToken.of(authentication).accountId(), credential,
				request.name(), ClientInfo.of(http));
		return ResponseEntity.created(URI.create("/me/passkeys/" + added.id()))
			.body(new Added(added.id(), added.name(), added.createdAt()));
	}

	@Operation(summary = "The caller's passkeys: names and times, never a key")
	@ApiResponse(responseCode = "200", description = "`[{\"id\", \"name\", \"created_at\", \"last_used_at\"}]`.")
	@ApiResponse(responseCode = "404", description = "Passkeys are off: the settings give no valid RP id.")
	@GetMapping("/me/passkeys")
	List<PasskeyView> list(Authentication authentication) {
		this.passkeys.requireServing();
		return this.passkeys.list(CurrentToken.of(authentication).accountId());
	}

	@Operation(summary = "Rename one of the caller's passkeys")
	@ApiResponse(responseCode = "204", description = "Renamed.")
	@ApiResponse(responseCode = "400", description = "`name` over 64 characters.")
	@ApiResponse(responseCode = "404", description = "No such passkey of the caller.")
	@PatchMapping(path = "/me/passkeys/{id}", consumes = MediaType.APPLICATION_JSON_VALUE)
	ResponseEntity<Void> rename(Authentication authentication, @PathVariable UUID id, @RequestBody Renaming request) {
		this.passkeys.requireServing();
		if (!this.passkeys.rename(CurrentToken.of(authentication).accountId(), id, request.name())) {
			throw noSuchPasskey();
		}
		return ResponseEntity.noContent().build();
	}

	@Operation(summary = "Remove one of the caller's passkeys", description = "It can no longer log in. A notice "
			+ "is mailed.")
	@ApiResponse(responseCode = "204", description = "Removed.")
	@ApiResponse(responseCode = "404", description = "No such passkey of the caller.")
	@DeleteMapping("/me/passkeys/{id}")
	ResponseEntity<Void> remove(Authentication authentication, @PathVariable UUID id, HttpServletRequest http) {
		this.passkeys.requireServing();
		if (!this.passkeys.remove(CurrentToken.of(authentication).accountId(), id, ClientInfo.of(http))) {
			throw noSuchPasskey();
		}
		return ResponseEntity.noContent().build();
	}

	private static ResponseStatusException noSuchPasskey() {
		return new ResponseStatusException(HttpStatus.NOT_FOUND, "No such passkey.");
	}

	record Reauthentication(@Schema(requiredMode = Schema.RequiredMode.REQUIRED) @Nullable String currentPassword,
			@Schema(description = "A code of the authenticator app, when TOTP is on", example = "492039")
			@Nullable String code) {
	}

	record Registration(
			@Schema(requiredMode = Schema.RequiredMode.REQUIRED, description = "credential.toJSON()")
			@Nullable JsonNode credential,
			@Schema(description = "What to call it; \"Passkey\" when left out", maxLength = 64) @Nullable String name) {
	}

	record Renaming(@Schema(requiredMode = Schema.RequiredMode.REQUIRED, maxLength = 64) @Nullable String name) {
	}

	record Added(UUID id, String name, Instant createdAt) {
	}

}
