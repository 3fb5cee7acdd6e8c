package dev.jwtauth.security;

import java.io.IOException;

import dev.jwtauth.errors.ProblemWriter;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.security.core.AuthenticationException;
import org.springframework.security.web.AuthenticationEntryPoint;

/**
 * Answers a missing or bad token as RFC 6750 says: 401 with {@code Bearer realm="api"}
 * when there was no token, {@code error="invalid_token"} when it failed a check, and 400
 * {@code error="invalid_request"} for an ambiguous request; the body is a problem document.
 */
class ProblemAuthenticationEntryPoint implements AuthenticationEntryPoint {

	private final ProblemWriter problemWriter;

	ProblemAuthenticationEntryPoint(ProblemWriter problemWriter) {
		this.problemWriter = problemWriter;
	}

	@Override
	public void commence(HttpServletRequest request, HttpServletResponse response,
			AuthenticationException exception) throws IOException {
		if (exception instanceof BearerTokenException bearer) {
			String challenge = bearer.getErrorCode().equals(BearerTokenException.INVALID_TOKEN)
					? "Bearer error=\"invalid_token\", error_description=\"" + quoted(bearer.getMessage()) + "\""
					: "Bearer error=\"" + bearer.getErrorCode() + "\"";
			response.setHeader(HttpHeaders.WWW_AUTHENTICATE, challenge);
			this.problemWriter.write(request, response, bearer.getStatus(), bearer.getMessage());
			return;
		}
		response.setHeader(HttpHeaders.WWW_AUTHENTICATE, "Bearer realm=\"api\"");
		this.problemWriter.write(request, response, HttpStatus.UNAUTHORIZED,
				"This route needs an access token: send Authorization: Bearer <token>.");
	}

	private static String quoted(String text) {
		return text.replace("\\", "").replace("\"", "'");
	}

}
