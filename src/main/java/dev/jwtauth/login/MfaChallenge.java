package dev.jwtauth.login;

import java.util.List;

import org.springframework.http.CacheControl;
import org.springframework.http.ResponseEntity;

/**
 * The answer to a right password when the account has a second factor on: no token yet,
 * only an opaque {@code mfa_token} to send with a code to {@code POST /auth/mfa}.
 *
 * @param mfaRequired always true, so that a client can tell this answer from tokens
 * @param mfaToken single-use and short-lived; no access or refresh token
 * @param methods what {@code /auth/mfa} accepts
 * @param expiresIn seconds until the mfa_token dies
 */
public record MfaChallenge(boolean mfaRequired, String mfaToken, List<String> methods, long expiresIn) {

	public MfaChallenge(String mfaToken, List<String> methods, long expiresIn) {
		this(true, mfaToken, methods, expiresIn);
	}

	/** The answer as sent: it carries a secret, so no cache may keep it. */
	ResponseEntity<MfaChallenge> noStore() {
		return ResponseEntity.ok().cacheControl(CacheControl.noStore()).header("Pragma", "no-cache").body(this);
	}

}
