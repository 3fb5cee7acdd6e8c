package dev.jwtauth.mfa;

import java.util.ArrayList;
import java.util.List;

import dev.jwtauth.client.ClientInfo;
import dev.jwtauth.errors.FieldProblem;
import dev.jwtauth.errors.InvalidFieldsException;
import dev.jwtauth.security.CurrentToken;
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

import org.springframework.http.CacheControl;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.security.core.Authentication;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RestController;

/**
 * The caller's TOTP factor and recovery codes ({@code /me/mfa/...}), and the second step
 * of a login ({@code /auth/mfa}). Every answer that carries a secret or a token is
 * {@code no-store}.
 */
@RestController
@Tag(name = "mfa")
class MfaController {

	private static final String REAUTH_400 = "A wrong `current_password` (`errors[field=current_password]`) or a "
			+ "wrong or missing `code` / `recovery_code` (`errors[field=code]`); both count as failed logins.";

	private static final String LOCKED_429 = "Too many failed logins for this account or client address.";

	private final SecondFactors factors;

	private final OwnFactor own;

	MfaController(SecondFactors factors, OwnFactor own) {
		this.factors = factors;
		this.own = own;
	}

	@Operation(summary = "Start adding a TOTP factor: a new secret, its otpauth:// URI and QR code",
			description = "The factor is pending until `POST /me/mfa/totp/confirm` gets a right code; starting again "
					+ "replaces a pending one. The secret is shown only here.")
	@ApiResponse(responseCode = "200", description = "The pending factor's secret (base32), URI and QR code (SVG).")
	@ApiResponse(responseCode = "400", description = "A wrong `current_password` (`errors[field=current_password]`; "
			+ "it counts as a failed login).")
	@ApiResponse(responseCode = "409", description = "A TOTP factor is already on.")
	@ApiResponse(responseCode = "429", description = LOCKED_429)
	@PostMapping(path = "/me/mfa/totp", consumes = MediaType.APPLICATION_JSON_VALUE)
	ResponseEntity<Enrolment> enrol(Authentication authentication, @RequestBody PasswordOnly request,
			HttpServletRequest http) {
		return noStore(this.own.enrol(CurrentToken.of(authentication).accountId(), request.currentPassword(),
				ClientInfo.of(http)));
	}

	@Operation(summary = "Turn the pending TOTP factor on with a code from the app",
			description = "Answers 10 recovery codes, shown this once: each works once instead of a code.")
	@ApiResponse(responseCode = "200", description = "The factor is on; the recovery codes.")
	@ApiResponse(responseCode = "400", description = "A wrong or missing `code` (`errors[field=code]`).")
	@ApiResponse(responseCode = "409", description = "No factor is pending.")
	@PostMapping(path = "/me/mfa/totp/confirm", consumes = MediaType.APPLICATION_JSON_VALUE)
	ResponseEntity<RecoveryCodeList> confirm(Authentication authentication, @RequestBody CodeOnly request,
			HttpServletRequest http) {
		return noStore(new RecoveryCodeList(
				this.own.confirm(CurrentToken.of(authentication).accountId(), request.code(), ClientInfo.of(http))));
	}

	@Operation(summary = "Turn the TOTP factor off", description = "Needs the password and a code or a recovery "
			+ "code. The recovery codes and every login waiting for a code end with it.")
	@ApiResponse(responseCode = "204", description = "Turned off.")
	@ApiResponse(responseCode = "400", description = REAUTH_400)
	@ApiResponse(responseCode = "409", description = "No TOTP factor is on.")
	@ApiResponse(responseCode = "429", description = LOCKED_429)
	@PostMapping(path = "/me/mfa/totp/disable", consumes = MediaType.APPLICATION_JSON_VALUE)
	ResponseEntity<Void> disable(Authentication authentication, @RequestBody Reauthentication request,
			HttpServletRequest http) {
		this.own.disable(CurrentToken.of(authentication).accountId(), request.currentPassword(), request.code(),
				request.recoveryCode(), ClientInfo.of(http));
		return ResponseEntity.noContent().build();
	}

	@Operation(summary = "Replace the recovery codes", description = "Needs the password and a code or a recovery "
			+ "code; the earlier recovery codes stop working.")
	@ApiResponse(responseCode = "200", description = "The 10 new recovery codes, shown this once.")
	@ApiResponse(responseCode = "400", description = REAUTH_400)
	@ApiResponse(responseCode = "409", description = "No TOTP factor is on.")
	@ApiResponse(responseCode = "429", description = LOCKED_429)
	@PostMapping(path = "/me/mfa/recovery-codes", consumes = MediaType.APPLICATION_JSON_VALUE)
	ResponseEntity<RecoveryCodeList> recoveryCodes(Authentication authentication,
			@RequestBody Reauthentication request, HttpServletRequest http) {
		return noStore(new RecoveryCodeList(this.own.replaceRecoveryCodes(
				CurrentToken.of(authentication).accountId(), request.currentPassword(), request.code(),
				request.recoveryCode(), ClientInfo.of(http))));
	}

	@Operation(summary = "Complete a login with a TOTP code or a recovery code",
			description = "Takes the `mfa_token` that a login with the right password answered. The token is "
					+ "single-use, lives 5 minutes and allows 3 wrong codes; a code for a time step already used is "
					+ "refused. With `X-Refresh-Token-Delivery: cookie` the refresh token comes in the `__Host-refresh` "
					+ "cookie instead of the body.",
			parameters = @Parameter(in = ParameterIn.HEADER, name = RefreshDelivery.HEADER,
					description = RefreshDelivery.HEADER_DESCRIPTION, schema = @Schema(allowableValues = "cookie")))
	@ApiResponse(responseCode = "200", description = "Logged in: an access token and a refresh token.")
	@ApiResponse(responseCode = "400", description = "`mfa_token` missing, or neither or both of `code` and "
			+ "`recovery_code` given.")
	@ApiResponse(responseCode = "401", description = "A wrong or used code, or an `mfa_token` that is unknown, "
			+ "spent, expired or out of attempts. A wrong code counts as a failed login.")
	@ApiResponse(responseCode = "429", description = LOCKED_429)
	@PostMapping(path = "/auth/mfa", consumes = MediaType.APPLICATION_JSON_VALUE)
	ResponseEntity<TokenResponse> login(@RequestBody MfaLogin request, HttpServletRequest http) {
		RefreshDelivery delivery = RefreshDelivery.of(http);
		List<FieldProblem> errors = new ArrayList<>();
		if (request.mfaToken() == null || request.mfaToken().isBlank()) {
			errors.add(new FieldProblem("mfa_token", "is required"));
		}
		if ((request.code() == null) == (request.recoveryCode() == null)) {
			errors.add(new FieldProblem("code", "give either code or recovery_code"));
		}
		if (!errors.isEmpty()) {
			throw new InvalidFieldsException(errors);
		}
		return this.factors
			.completeLogin(request.mfaToken(), request.code(), request.recoveryCode(), ClientInfo.of(http))
			.deliver(delivery);
	}

	private static <T> ResponseEntity<T> noStore(T body) {
		return ResponseEntity.ok().cacheControl(CacheControl.noStore()).header("Pragma", "no-cache").body(body);
	}

	record PasswordOnly(@Schema(requiredMode = Schema.RequiredMode.REQUIRED) @Nullable String currentPassword) {
	}

	record CodeOnly(@Schema(requiredMode = Schema.RequiredMode.REQUIRED, example = "492039") @Nullable String code) {
	}

	record Reauthentication(@Schema(requiredMode = Schema.RequiredMode.REQUIRED) @Nullable String currentPassword,
			@Schema(description = "A code of the authenticator app", example = "492039") @Nullable String code,
			@Schema(description = "Instead of `code`", example = "K7QW2MZP4D") @Nullable String recoveryCode) {
	}

	record MfaLogin(@Schema(requiredMode = Schema.RequiredMode.REQUIRED) @Nullable String mfaToken,
			@Schema(description = "A code of the authenticator app", example = "492039") @Nullable String code,
			@Schema(description = "Instead of `code`", example = "K7QW2MZP4D") @Nullable String recoveryCode) {
	}

	/** Recovery codes, each 10 base32 characters, shown once. */
	record RecoveryCodeList(List<String> recoveryCodes) {
	}

}
