package dev.jwtauth.errors;

import java.io.IOException;

/**
 * Thrown while reading a request body that turns out longer than the service accepts;
 * answered 413 wherever it surfaces.
 */
public class BodyTooLargeException extends IOException {

	static final String DETAIL = "The request body is too large.";

	public BodyTooLargeException() {
		super(DETAIL);
	}

}
