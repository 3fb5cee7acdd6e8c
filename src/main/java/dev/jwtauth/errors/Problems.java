package dev.jwtauth.errors;

import java.net.URI;
import java.util.List;

import org.springframework.http.HttpStatusCode;
import org.springframework.http.ProblemDetail;

/**
 * Builds the problem documents of the service's contract.
 */
public final class Problems {

	/** The name of the extension member that lists field problems. */
	public static final String ERRORS = "errors";

	private Problems() {
	}

	/** RFC 9457's type for problems that the status and title explain fully. */
	public static final URI BLANK_TYPE = URI.create("about:blank");

	public static ProblemDetail of(HttpStatusCode status, String detail) {
		return withType(ProblemDetail.forStatusAndDetail(status, detail));
	}

	/** Spring leaves {@code type} unset (and so unwritten); the contract always has it. */
	public static ProblemDetail withType(ProblemDetail problem) {
		if (problem.getType() == null) {
			problem.setType(BLANK_TYPE);
		}
		return problem;
	}

	public static ProblemDetail withErrors(HttpStatusCode status, String detail, List<FieldProblem> errors) {
		ProblemDetail problem = of(status, detail);
		problem.setProperty(ERRORS, List.copyOf(errors));
		return problem;
	}

}
