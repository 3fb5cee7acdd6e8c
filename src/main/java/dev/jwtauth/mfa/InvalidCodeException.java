package dev.jwtauth.mfa;

import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.web.ErrorResponseException;

/**
 * A second step of a login refused: a wrong or used code, or an mfa_token that is
 * unknown, spent, expired or out of attempts. One answer for all of them.
 */
class InvalidCodeException extends ErrorResponseException {

	InvalidCodeException() {
		super(HttpStatus.UNAUTHORIZED, ProblemDetail.forStatusAndDetail(HttpStatus.UNAUTHORIZED,
				"The code is not valid, or the mfa_token expired or was used up. Log in again if it keeps failing."),
				null);
	}

}
