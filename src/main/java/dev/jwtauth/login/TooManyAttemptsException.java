package dev.jwtauth.login;

import java.time.Duration;

import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.web.ErrorResponseException;

/**
 * Too many failed logins for a name or from a client: 429 with {@code Retry-After}.
 */
class TooManyAttemptsException extends ErrorResponseException {

	private final HttpHeaders headers = new HttpHeaders();

	TooManyAttemptsException(Duration wait) {
		super(HttpStatus.TOO_MANY_REQUESTS, ProblemDetail.forStatusAndDetail(HttpStatus.TOO_MANY_REQUESTS,
				"Too many failed attempts. Try again later."), null);
		long seconds = Math.max(1, (wait.toMillis() + 999) / 1000);
		this.headers.set(HttpHeaders.RETRY_AFTER, Long.toString(seconds));
	}

	@Override
	public HttpHeaders getHeaders() {
		return this.headers;
	}

}
