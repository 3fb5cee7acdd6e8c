package dev.jwtauth.security;

import dev.jwtauth.tokens.InvalidTokenException;
import dev.jwtauth.tokens.InvalidTokenException.Reason;
import org.jspecify.annotations.Nullable;

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

	private final @Nullable Reason reason;

	BearerTokenException(String errorCode, HttpStatus status, String description, @Nullable Reason reason) {
		super(description);
		this.errorCode = errorCode;
		this.status = status;
		this.reason = reason;
	}

	static BearerTokenException invalidToken(InvalidTokenException refusal) {
		return new BearerTokenException(INVALID_TOKEN, HttpStatus.UNAUTHORIZED, refusal.getDescription(),
				refusal.getReason());
	}

	static BearerTokenException invalidToken(Reason reason) {
		return invalidToken(new InvalidTokenException(reason));
	}

	static BearerTokenException invalidRequest(String description) {
		return new BearerTokenException(INVALID_REQUEST, HttpStatus.BAD_REQUEST, description, null);
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

	/** Why the token was refused; null when the request itself was at fault. */
	@Nullable Reason getReason() {
		return this.reason;
	}

}
