package dev.jwtauth.oauth;

import org.jspecify.annotations.Nullable;

import org.springframework.http.HttpStatus;

/**
 * An OAuth error answer (RFC 6749 section 5.2): a status, an error code and a
 * description, written as {@code {"error", "error_description"}} rather than a problem
 * document, since OAuth clients read that shape.
 */
class OAuthError extends RuntimeException {

	private final HttpStatus status;

	private final String code;

	private final @Nullable String retryAfter;

	OAuthError(HttpStatus status, String code, String description) {
		this(status, code, description, null);
	}

	OAuthError(HttpStatus status, String code, String description, @Nullable String retryAfter) {
		// No stack trace: an answer to the client, not a fault.
		super(description, null, false, false);
		this.status = status;
		this.code = code;
		this.retryAfter = retryAfter;
	}

	static OAuthError invalidRequest(String description) {
		return new OAuthError(HttpStatus.BAD_REQUEST, "invalid_request", description);
	}

	static OAuthError invalidClient() {
		return new OAuthError(HttpStatus.UNAUTHORIZED, "invalid_client", "Client authentication failed.");
	}

	static OAuthError insufficientScope(String scope) {
		return new OAuthError(HttpStatus.FORBIDDEN, "insufficient_scope",
				"This client lacks the scope '" + scope + "'.");
	}

	HttpStatus status() {
		return this.status;
	}

	String code() {
		return this.code;
	}

	@Nullable String retryAfter() {
		return this.retryAfter;
	}

}
