package dev.jwtauth.errors;

import org.apache.tomcat.util.http.InvalidParameterException;
import org.jspecify.annotations.Nullable;

import org.springframework.http.converter.HttpMessageNotReadableException;
import org.springframework.security.web.firewall.RequestRejectedException;

/**
 * Exceptions that mean the request itself is malformed, wherever they are thrown: a
 * name or character the firewall refuses, form parameters or a form body that cannot
 * be decoded. Each is a 400 with a fixed detail, never the exception's own message.
 */
final class ClientFaults {

	private ClientFaults() {
	}

	/** The detail to answer with, or {@code null} when no cause is the client's fault. */
	static @Nullable String detailOf(Throwable ex) {
		for (Throwable current = ex; current != null; current = current.getCause()) {
			if (current instanceof RequestRejectedException) {
				return "The request contains a name or character that is not allowed.";
			}
			if (current instanceof InvalidParameterException) {
				return "The request parameters could not be decoded.";
			}
			if (current instanceof HttpMessageNotReadableException) {
				return "The request body is missing or unreadable.";
			}
		}
		return null;
	}

}
