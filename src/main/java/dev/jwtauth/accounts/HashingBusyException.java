package dev.jwtauth.accounts;

import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.web.ErrorResponseException;

/**
 * Every password-hashing thread is busy and the queue is full: 503 with
 * {@code Retry-After}, so clients back off instead of piling up.
 */
public class HashingBusyException extends ErrorResponseException {

	private final HttpHeaders headers = new HttpHeaders();

	public HashingBusyException() {
		super(HttpStatus.SERVICE_UNAVAILABLE, ProblemDetail.forStatusAndDetail(HttpStatus.SERVICE_UNAVAILABLE,
				"Too many logins at once. Try again in a moment."), null);
		this.headers.set(HttpHeaders.RETRY_AFTER, "1");
	}

	// Thrown many times a second in a login flood, and never a fault: a stack trace would
	// only cost the CPU that token checks need.
	@Override
	public synchronized Throwable fillInStackTrace() {
		return this;
	}

	@Override
	public HttpHeaders getHeaders() {
		return this.headers;
	}

}
