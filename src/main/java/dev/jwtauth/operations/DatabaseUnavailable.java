package dev.jwtauth.operations;

import java.sql.SQLException;
import java.sql.SQLRecoverableException;
import java.sql.SQLTransientConnectionException;
import java.sql.SQLNonTransientConnectionException;

import dev.jwtauth.errors.Problems;
import org.jspecify.annotations.Nullable;

import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.web.method.annotation.ExceptionHandlerMethodResolver;

/**
 * Tells a database outage (no connection to be had, a connection lost, a query timed
 * out) from a bug, and the problem a client gets for it: 503 with {@code Retry-After},
 * since the same request will work once the database is back. Public for the rate limits,
 * which let a request through to its route during an outage rather than fail it twice.
 */
public final class DatabaseUnavailable {

	static final String RETRY_AFTER_SECONDS = "5";

	static final String DETAIL = "The service cannot reach its database just now; try again shortly.";

	// Spring's outage types are the ones the advice answers, read from its
	// @ExceptionHandler so that they are listed once.
	private static final ExceptionHandlerMethodResolver ADVICE = new ExceptionHandlerMethodResolver(
			DatabaseUnavailableAdvice.class);

	private DatabaseUnavailable() {
	}

	public static boolean causedBy(@Nullable Throwable ex) {
		for (Throwable current = ex; current != null; current = current.getCause()) {
			if (ADVICE.resolveMethodByExceptionType(current.getClass()) != null
					|| current instanceof SQLTransientConnectionException
					|| current instanceof SQLNonTransientConnectionException
					|| current instanceof SQLRecoverableException) {
				return true;
			}
			// SQLSTATE class 08 is "connection exception"; 57P01-57P03 are a server
			// shutting down or starting up (PostgreSQL).
			if (current instanceof SQLException sql && sql.getSQLState() != null
					&& (sql.getSQLState().startsWith("08") || sql.getSQLState().startsWith("57P"))) {
				return true;
			}
			if (current.getCause() == current) {
				break;
			}
		}
		return false;
	}

	static ProblemDetail problem() {
		return Problems.of(HttpStatus.SERVICE_UNAVAILABLE, DETAIL);
	}

}
