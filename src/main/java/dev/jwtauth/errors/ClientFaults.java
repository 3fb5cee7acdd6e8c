package dev.jwtauth.errors;

import jakarta.servlet.http.HttpServletRequest;
import org.apache.tomcat.util.http.InvalidParameterException;
import org.jspecify.annotations.Nullable;

import org.springframework.http.HttpStatus;
import org.springframework.http.InvalidMediaTypeException;
import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;
import org.springframework.http.converter.HttpMessageNotReadableException;
import org.springframework.security.web.firewall.RequestRejectedException;
import org.springframework.web.multipart.MaxUploadSizeExceededException;
import org.springframework.web.multipart.MultipartException;

/**
 * Exceptions that mean the request itself is malformed, wherever they are thrown: a
 * name or character the firewall refuses, form parameters, a form or multipart body that
 * cannot be decoded, a Content-Type that is no media type. Each is a 4xx with a fixed
 * detail, never the exception's own message.
 */
final class ClientFaults {

	private ClientFaults() {
	}

	/** The problem to answer with, or {@code null} when no cause is the client's fault. */
	static @Nullable ProblemDetail problemFor(Throwable ex, HttpServletRequest request) {
		for (Throwable current = ex; current != null; current = current.getCause()) {
			if (current instanceof RequestRejectedException) {
				return badRequest("The request contains a name or character that is not allowed.");
			}
			if (current instanceof InvalidParameterException) {
				return badRequest("The request parameters could not be decoded.");
			}
			if (current instanceof HttpMessageNotReadableException) {
				return badRequest("The request body is missing or unreadable.");
			}
			if (current instanceof MaxUploadSizeExceededException) {
				return Problems.of(HttpStatus.CONTENT_TOO_LARGE, BodyTooLargeException.DETAIL);
			}
			if (current instanceof MultipartException) {
				return badRequest("The multipart body could not be parsed.");
			}
		}
		// Spring reads the Content-Type in places (the 404 for an unknown path among them)
		// where a wildcard or unparsable one fails an assertion.
		if (ex instanceof IllegalArgumentException && !isMediaType(request.getContentType())) {
			return Problems.of(HttpStatus.UNSUPPORTED_MEDIA_TYPE, "The Content-Type is not a valid media type.");
		}
		return null;
	}

	private static ProblemDetail badRequest(String detail) {
		return Problems.of(HttpStatus.BAD_REQUEST, detail);
	}

	private static boolean isMediaType(@Nullable String contentType) {
		if (contentType == null) {
			return true;
		}
		try {
			return !MediaType.parseMediaType(contentType).isWildcardType();
		}
		catch (InvalidMediaTypeException ex) {
			return false;
		}
	}

}
