package dev.jwtauth.errors;

import java.net.URI;

import jakarta.servlet.RequestDispatcher;
import jakarta.servlet.http.HttpServletRequest;

/**
 * The request path to show as a problem's {@code instance}: the original one when the
 * request was forwarded to {@code /error}, and never anything that would not parse as
 * a URI reference.
 */
final class PathDisplay {

	private PathDisplay() {
	}

	static String of(HttpServletRequest request) {
		Object original = request.getAttribute(RequestDispatcher.ERROR_REQUEST_URI);
		String path = (original instanceof String text) ? text : request.getRequestURI();
		if (path == null) {
			return "/";
		}
		try {
			URI.create(path);
			return path;
		}
		catch (IllegalArgumentException ex) {
			return "/";
		}
	}

}
