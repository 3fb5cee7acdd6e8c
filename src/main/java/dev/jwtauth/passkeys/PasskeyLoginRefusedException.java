package dev.jwtauth.passkeys;

import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.web.ErrorResponseException;

/**
 * A passkey login refused. One answer whatever failed (the credential, its owner, the
 * signature, the origin, the challenge, the counter, the account), so that it tells
 * nothing about which credentials or accounts exist.
 */
class PasskeyLoginRefusedException extends ErrorResponseException {

	PasskeyLoginRefusedException() {
		super(HttpStatus.UNAUTHORIZED, ProblemDetail.forStatusAndDetail(HttpStatus.UNAUTHORIZED,
				"The passkey was not accepted. Start again with POST /auth/passkey/options."), null);
	}

}
