package dev.jwtauth.security;

import java.io.IOException;

import dev.jwtauth.errors.ProblemWriter;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.security.web.access.AccessDeniedHandler;

/**
 * A valid token whose user lacks the route's role: 403 with
 * {@code Bearer error="insufficient_scope"}.
 */
class ProblemAccessDeniedHandler implements AccessDeniedHandler {

	private final ProblemWriter problemWriter;

	ProblemAccessDeniedHandler(ProblemWriter problemWriter) {
		this.problemWriter = problemWriter;
	}

	@Override
	public void handle(HttpServletRequest request, HttpServletResponse response, AccessDeniedException exception)
			throws IOException {
		response.setHeader(HttpHeaders.WWW_AUTHENTICATE, "Bearer error=\"insufficient_scope\"");
		this.problemWriter.write(request, response, HttpStatus.FORBIDDEN,
				"Your account does not have the role this route needs.");
	}

}
