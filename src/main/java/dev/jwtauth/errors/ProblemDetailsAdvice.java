package dev.jwtauth.errors;

import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Map;

import jakarta.servlet.http.HttpServletRequest;
import org.apache.commons.logging.Log;
import org.apache.commons.logging.LogFactory;
import org.jspecify.annotations.Nullable;
import tools.jackson.core.JacksonException;
import tools.jackson.core.exc.StreamConstraintsException;
import tools.jackson.databind.exc.MismatchedInputException;
import tools.jackson.databind.exc.UnrecognizedPropertyException;

import org.springframework.beans.TypeMismatchException;
import org.springframework.core.MethodParameter;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.HttpStatusCode;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.http.converter.HttpMessageNotReadableException;
import org.springframework.validation.FieldError;
import org.springframework.web.bind.MethodArgumentNotValidException;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RestControllerAdvice;
import org.springframework.web.context.request.WebRequest;
import org.springframework.web.method.annotation.HandlerMethodValidationException;
import org.springframework.web.method.annotation.MethodArgumentTypeMismatchException;
import org.springframework.web.servlet.NoHandlerFoundException;
import org.springframework.web.servlet.mvc.method.annotation.ResponseEntityExceptionHandler;
import org.springframework.web.servlet.resource.NoResourceFoundException;

/**
 * Turns every exception that reaches Spring MVC into a problem document. Field
 * problems are listed in {@code errors}, named as the client spelled them; anything
 * unexpected becomes a generic 500 whose details stay in the log.
 */
@RestControllerAdvice
class ProblemDetailsAdvice extends ResponseEntityExceptionHandler {

	private static final Log log = LogFactory.getLog(ProblemDetailsAdvice.class);

	/** For unknown paths and absent files alike, without naming how the lookup failed. */
	private static final String NOTHING_HERE = "There is nothing at this path.";

	@Override
	protected @Nullable ResponseEntity<Object> handleMethodArgumentNotValid(MethodArgumentNotValidException ex,
			HttpHeaders headers, HttpStatusCode status, WebRequest request) {
		List<FieldProblem> errors = new ArrayList<>();
		for (FieldError error : ex.getBindingResult().getFieldErrors()) {
			errors.add(new FieldProblem(JsonNames.of(error.getField()), messageOf(error)));
		}
		ex.getBindingResult()
			.getGlobalErrors()
			.forEach((error) -> errors.add(new FieldProblem(error.getObjectName(), error.getDefaultMessage())));
		return problem(Problems.withErrors(HttpStatus.BAD_REQUEST, "The request has invalid fields.", errors),
				headers);
	}

	@Override
	protected @Nullable ResponseEntity<Object> handleHandlerMethodValidationException(
			HandlerMethodValidationException ex, HttpHeaders headers, HttpStatusCode status, WebRequest request) {
		List<FieldProblem> errors = new ArrayList<>();
		ex.getParameterValidationResults().forEach((result) -> {
			MethodParameter parameter = result.getMethodParameter();
			String name = JsonNames.of(String.valueOf(parameter.getParameterName()));
			result.getResolvableErrors()
				.forEach((error) -> errors.add(new FieldProblem(name, String.valueOf(error.getDefaultMessage()))));
		});
		return problem(Problems.withErrors(HttpStatus.BAD_REQUEST, "The request has invalid fields.", errors),
				headers);
	}

	@Override
	protected @Nullable ResponseEntity<Object> handleHttpMessageNotReadable(HttpMessageNotReadableException ex,
			HttpHeaders headers, HttpStatusCode status, WebRequest request) {
		Throwable cause = ex.getCause();
		if (findCause(ex, BodyTooLargeException.class) != null) {
			return problem(Problems.of(HttpStatus.CONTENT_TOO_LARGE, BodyTooLargeException.DETAIL), headers);
		}
		if (cause instanceof UnrecognizedPropertyException unknown) {
			return problem(Problems.withErrors(HttpStatus.BAD_REQUEST, "The request has invalid fields.",
					List.of(new FieldProblem(pathOf(unknown), "is not a known field"))), headers);
		}
		if (cause instanceof MismatchedInputException mismatch && !mismatch.getPath().isEmpty()) {
			String message = "must be " + JsonNames.describe(mismatch.getTargetType());
			return problem(Problems.withErrors(HttpStatus.BAD_REQUEST, "The request has invalid fields.",
					List.of(new FieldProblem(pathOf(mismatch), message))), headers);
		}
		if (cause instanceof StreamConstraintsException) {
			return problem(Problems.of(HttpStatus.BAD_REQUEST, "The JSON body exceeds the allowed nesting or size."),
					headers);
		}
		if (cause instanceof JacksonException) {
			return problem(Problems.of(HttpStatus.BAD_REQUEST, "The body is not valid JSON."), headers);
		}
		return problem(Problems.of(HttpStatus.BAD_REQUEST, "The request body is missing or unreadable."), headers);
	}

	@Override
	protected @Nullable ResponseEntity<Object> handleNoHandlerFoundException(NoHandlerFoundException ex,
			HttpHeaders headers, HttpStatusCode status, WebRequest request) {
		return problem(Problems.of(HttpStatus.NOT_FOUND, NOTHING_HERE), headers);
	}

	@Override
	protected @Nullable ResponseEntity<Object> handleNoResourceFoundException(NoResourceFoundException ex,
			HttpHeaders headers, HttpStatusCode status, WebRequest request) {
		return problem(Problems.of(HttpStatus.NOT_FOUND, NOTHING_HERE), headers);
	}

	@Override
	protected @Nullable ResponseEntity<Object> handleTypeMismatch(TypeMismatchException ex, HttpHeaders headers,
			HttpStatusCode status, WebRequest request) {
		// An id in the path that is not a UUID names nothing: answer as for an absent one.
		if (ex instanceof MethodArgumentTypeMismatchException mismatch
				&& mismatch.getParameter().hasParameterAnnotation(PathVariable.class)) {
			return problem(Problems.of(HttpStatus.NOT_FOUND, "No such resource."), headers);
		}
		String name = (ex.getPropertyName() != null) ? JsonNames.of(ex.getPropertyName()) : "parameter";
		return problem(Problems.withErrors(HttpStatus.BAD_REQUEST, "The request has invalid fields.",
				List.of(new FieldProblem(name, "has the wrong type"))), headers);
	}

	@ExceptionHandler(Exception.class)
	ResponseEntity<Object> handleUnexpected(Exception ex, HttpServletRequest request) {
		ProblemDetail clientFault = ClientFaults.problemFor(ex, request);
		if (clientFault != null) {
			return problem(clientFault, new HttpHeaders());
		}
		log.error("Unexpected error while handling a request", ex);
		return problem(Problems.of(HttpStatus.INTERNAL_SERVER_ERROR, "An unexpected error occurred."),
				new HttpHeaders());
	}

	@Override
	protected ResponseEntity<Object> createResponseEntity(@Nullable Object body, HttpHeaders headers,
			HttpStatusCode statusCode, WebRequest request) {
		if (body instanceof ProblemDetail problem) {
			Problems.withType(problem);
		}
		return super.createResponseEntity(body, headers, statusCode, request);
	}

	private ResponseEntity<Object> problem(ProblemDetail problem, HttpHeaders headers) {
		return ResponseEntity.status(problem.getStatus()).headers(headers).body(Problems.withType(problem));
	}

	private static String messageOf(FieldError error) {
		if (error.isBindingFailure()) {
			return "has the wrong type";
		}
		return String.valueOf(error.getDefaultMessage());
	}

	private static String pathOf(JacksonException ex) {
		StringBuilder path = new StringBuilder();
		for (JacksonException.Reference reference : ex.getPath()) {
			if (reference.getPropertyName() != null) {
				if (!path.isEmpty()) {
					path.append('.');
				}
				path.append(reference.getPropertyName());
			}
			else if (reference.getIndex() >= 0) {
				path.append('[').append(reference.getIndex()).append(']');
			}
		}
		return path.isEmpty() ? "body" : path.toString();
	}

	private static <T extends Throwable> @Nullable T findCause(Throwable ex, Class<T> type) {
		for (Throwable current = ex; current != null; current = current.getCause()) {
			if (type.isInstance(current)) {
				return type.cast(current);
			}
		}
		return null;
	}

	/** JSON names and type descriptions as a client of this API sees them. */
	static final class JsonNames {

		private static final Map<Class<?>, String> TYPES = Map.of(String.class, "a string", Boolean.class,
				"true or false", boolean.class, "true or false");

		private JsonNames() {
		}

		static String of(String javaName) {
			StringBuilder snake = new StringBuilder(javaName.length() + 4);
			for (char c : javaName.toCharArray()) {
				if (Character.isUpperCase(c)) {
					snake.append('_').append(Character.toLowerCase(c));
				}
				else {
					snake.append(c);
				}
			}
			return snake.toString();
		}

		static String describe(@Nullable Class<?> type) {
			if (type == null) {
				return "of another type";
			}
			String known = TYPES.get(type);
			if (known != null) {
				return known;
			}
			if (Number.class.isAssignableFrom(type) || type.isPrimitive()) {
				return "a number";
			}
			if (Collection.class.isAssignableFrom(type) || type.isArray()) {
				return "an array";
			}
			return "an object";
		}

	}

}
