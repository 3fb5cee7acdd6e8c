package dev.jwtauth.operations;

import org.apache.commons.logging.Log;
import org.apache.commons.logging.LogFactory;

import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.dao.DataAccessResourceFailureException;
import org.springframework.dao.QueryTimeoutException;
import org.springframework.dao.TransientDataAccessResourceException;
import org.springframework.http.HttpHeaders;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.transaction.CannotCreateTransactionException;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestControllerAdvice;

/**
 * Answers 503 instead of 500 when a controller fails because the database is out of
 * reach (login, signup, anything that reads or writes data): no connection to be had,
 * a connection lost, a query timed out. Consulted before the service's general advice;
 * other database errors are bugs and stay 500. Its list of outage types is also the
 * one {@link DatabaseUnavailable} judges filters' failures by.
 */
@RestControllerAdvice
@Order(Ordered.HIGHEST_PRECEDENCE)
class DatabaseUnavailableAdvice {

	private static final Log log = LogFactory.getLog(DatabaseUnavailableAdvice.class);

	@ExceptionHandler({ CannotCreateTransactionException.class, DataAccessResourceFailureException.class,
			TransientDataAccessResourceException.class, QueryTimeoutException.class })
	ResponseEntity<ProblemDetail> databaseUnavailable(RuntimeException ex) {
		// One line without the stack: an outage would otherwise fill the log.
		log.warn("Database unavailable, answering 503: " + ex.getMessage());
		return ResponseEntity.status(503)
			.header(HttpHeaders.RETRY_AFTER, DatabaseUnavailable.RETRY_AFTER_SECONDS)
			.body(DatabaseUnavailable.problem());
	}

}
