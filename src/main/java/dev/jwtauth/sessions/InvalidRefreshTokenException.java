package dev.jwtauth.sessions;

import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.web.ErrorResponseException;

/**
 * A refresh token that cannot be spent: missing, malformed, unknown, expired, revoked or
 * replayed. One answer for all, so it tells an attacker nothing.
 */
class InvalidRefreshTokenException extends ErrorResponseException {

	InvalidRefreshTokenException() {
		super(HttpStatus.UNAUTHORIZED, ProblemDetail.forStatusAndDetail(HttpStatus.UNAUTHORIZED,
				"The refresh token is invalid, expired or revoked. Log in again."), null);
	}

}
