package dev.jwtauth.oauth;

import java.util.Map;

import jakarta.servlet.http.HttpServletRequest;
import org.jspecify.annotations.Nullable;

import org.springframework.http.MediaType;

/**
 * The parameters of an OAuth request, read from an {@code application/x-www-form-urlencoded}
 * body only: a secret or token in the address would reach logs and histories (RFC 6749
 * section 2.3.1), and a parameter given twice is refused rather than guessed at (section 3.2).
 */
final class OAuthForm {

	private final Map<String, String[]> parameters;

	private OAuthForm(Map<String, String[]> parameters) {
		this.parameters = parameters;
	}

	/** @throws OAuthError {@code invalid_request} for a query string or another body type */
	static OAuthForm of(HttpServletRequest request) {
		if (request.getQueryString() != null) {
			throw OAuthError.invalidRequest("Parameters belong in the request body, not in the address.");
		}
		String type = request.getContentType();
		MediaType mediaType;
		try {
			mediaType = (type != null) ? MediaType.parseMediaType(type) : null;
		}
		catch (IllegalArgumentException ex) {
			mediaType = null;
		}
		if (mediaType == null || !MediaType.APPLICATION_FORM_URLENCODED.isCompatibleWith(mediaType)) {
			throw OAuthError.invalidRequest("The body must be application/x-www-form-urlencoded.");
		}
		return new OAuthForm(request.getParameterMap());
	}

	/**
	 * The parameter's value; null when absent or empty (RFC 6749 section 3.1: an empty
	 * value counts as omitted).
	 * @throws OAuthError {@code invalid_request} when it is given more than once
	 */
	@Nullable String get(String name) {
		String[] values = this.parameters.get(name);
		if (values == null || values.length == 0) {
			return null;
		}
		if (values.length > 1) {
			throw OAuthError.invalidRequest("The parameter '" + name + "' is given more than once.");
		}
		return values[0].isEmpty() ? null : values[0];
	}

	/** @throws OAuthError {@code invalid_request} when it is absent */
	String require(String name) {
		String value = get(name);
		if (value == null) {
			throw OAuthError.invalidRequest("The parameter '" + name + "' is missing.");
		}
		return value;
	}

}
