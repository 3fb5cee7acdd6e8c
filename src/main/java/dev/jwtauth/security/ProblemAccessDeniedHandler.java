package dev.jwtauth.security;

import java.io.IOException;

import dev.jwtauth.errors.ProblemWriter;
import dev.jwtauth.tokens.VerifiedToken;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.security.web.access.AccessDeniedHandler;

/**
 * A valid token whose user lacks the route's role, or a service client's token on a
 * user route: 403 with
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
		Authentication caller = SecurityContextHolder.getContext().getAuthentication();
		boolean client = caller != null && caller.getCredentials() instanceof VerifiedToken token
				&& token.isClientToken();
		this.problemWriter.write(request, response, HttpStatus.FORBIDDEN,
				client ? "A service client's token reaches no user route." :
				"Your account does not have the role this route needs.");
	}

}
