package dev.jwtauth.login;

import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.web.ErrorResponseException;

/**
 * The right password, for an account whose email is not verified while
 * {@code REQUIRE_VERIFIED_EMAIL} is on: 403 with {@code "code": "email_not_verified"}.
 */
class EmailNotVerifiedException extends ErrorResponseException {

	EmailNotVerifiedException() {
		super(HttpStatus.FORBIDDEN, problem(), null);
	}

	private static ProblemDetail problem() {
		ProblemDetail problem = ProblemDetail.forStatusAndDetail(HttpStatus.FORBIDDEN,
				"Verify your email address first: follow the link in the mail the service sent it.");
		problem.setProperty("code", "email_not_verified");
		return problem;
	}

}
