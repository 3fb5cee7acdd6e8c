package dev.jwtauth.errors;

import java.util.List;

import org.springframework.http.HttpStatus;
import org.springframework.web.ErrorResponseException;

/**
 * Input that is well-formed but breaks a rule (a weak password, a taken-looking name,
 * a wrong current password): 400 with one entry per field in {@code errors}.
 */
public class InvalidFieldsException extends ErrorResponseException {

	private final List<FieldProblem> errors;

	public InvalidFieldsException(List<FieldProblem> errors) {
		super(HttpStatus.BAD_REQUEST,
				Problems.withErrors(HttpStatus.BAD_REQUEST, "The request has invalid fields.", errors), null);
		this.errors = List.copyOf(errors);
	}

	public InvalidFieldsException(String field, String message) {
		this(List.of(new FieldProblem(field, message)));
	}

	public List<FieldProblem> getErrors() {
		return this.errors;
	}

}
