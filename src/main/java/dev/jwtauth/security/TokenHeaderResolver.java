package dev.jwtauth.security;

import java.util.ArrayList;
import java.util.Enumeration;
import java.util.List;

import jakarta.servlet.http.HttpServletRequest;

/**
 * Finds the access token in the three headers that tutorial clients use:
 * {@code Authorization: Bearer}, {@code Authorization: JWT} and {@code x-access-token}.
 * Never the query string, where tokens leak into logs and browser history.
 */
final class TokenHeaderResolver {

	static final String ACCESS_TOKEN_HEADER = "x-access-token";

	private static final List<String> SCHEMES = List.of("Bearer ", "JWT ");

	private TokenHeaderResolver() {
	}

	/**
	 * The tokens the request carries: none, one, or (an error) several.
	 */
	static List<String> resolve(HttpServletRequest request) {
		List<String> tokens = new ArrayList<>(1);
		Enumeration<String> authorizations = request.getHeaders("Authorization");
		while (authorizations.hasMoreElements()) {
			String authorization = authorizations.nextElement();
			// Schemes are case-insensitive (RFC 9110); compared in place, since the value
			// is mostly the token, hundreds of characters that need no copy.
			for (String scheme : SCHEMES) {
				if (authorization.regionMatches(true, 0, scheme, 0, scheme.length())) {
					tokens.add(authorization.substring(scheme.length()).strip());
				}
				else if (authorization.length() == scheme.length() - 1
						&& authorization.regionMatches(true, 0, scheme, 0, scheme.length() - 1)) {
					tokens.add("");
				}
			}
			// Other schemes (Basic, Digest) are not ours to judge; the request stays anonymous.
		}
		Enumeration<String> values = request.getHeaders(ACCESS_TOKEN_HEADER);
		while (values.hasMoreElements()) {
			tokens.add(values.nextElement().strip());
		}
		return tokens;
	}

}
