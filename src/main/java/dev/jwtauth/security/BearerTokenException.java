package dev.jwtauth.security;

import org.springframework.http.HttpStatus;
import org.springframework.security.core.AuthenticationException;

/**
 * A token problem, carrying the RFC 6750 error code and the status it is answered with.
 */
class BearerTokenException extends AuthenticationException {

	static final String INVALID_TOKEN = "invalid_token";

	static final String INVALID_REQUEST = "invalid_request";

	private final String errorCode;

	private final HttpStatus status;

	BearerTokenException(String errorCode, HttpStatus status, String description) {
		super(description);
		this.errorCode = errorCode;
		this.status = status;
	}

	static BearerTokenException invalidToken(String description) {
		return new BearerTokenException(INVALID_TOKEN, HttpStatus.UNAUTHORIZED, description);
	}

	static BearerTokenException invalidRequest(String description) {
		return new BearerTokenException(INVALID_REQUEST, HttpStatus.BAD_REQUEST, description);
	}

	/** No stack trace: it is an answer to the client, not a fault, and bad tokens come in floods. */
	@Override
	public synchronized Throwable fillInStackTrace() {
		return this;
	}

	String getErrorCode() {
		return this.errorCode;
	}

	HttpStatus getStatus() {
		return this.status;
	}

}
