package dev.jwtauth.operations;

import java.io.IOException;

import dev.jwtauth.errors.ProblemWriter;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.apache.commons.logging.Log;
import org.apache.commons.logging.LogFactory;

import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpHeaders;
import org.springframework.stereotype.Component;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * The same 503 for database outages met in filters, before any controller: the bearer
 * token filter loads an account it has not cached yet, and while the database is down
 * that load fails. Without this the container would answer 500.
 */
@Component
@Order(Ordered.HIGHEST_PRECEDENCE + 30)
class DatabaseUnavailableFilter extends OncePerRequestFilter {

	private static final Log log = LogFactory.getLog(DatabaseUnavailableFilter.class);

	private final ProblemWriter problemWriter;

	DatabaseUnavailableFilter(ProblemWriter problemWriter) {
		this.problemWriter = problemWriter;
	}

	@Override
	protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
			throws ServletException, IOException {
		try {
			chain.doFilter(request, response);
		}
		catch (RuntimeException | ServletException ex) {
			if (!DatabaseUnavailable.causedBy(ex) || response.isCommitted()) {
				throw ex;
			}
			log.warn("Database unavailable, answering 503: " + ex.getMessage());
			response.setHeader(HttpHeaders.RETRY_AFTER, DatabaseUnavailable.RETRY_AFTER_SECONDS);
			this.problemWriter.write(request, response, DatabaseUnavailable.problem());
		}
	}

}
