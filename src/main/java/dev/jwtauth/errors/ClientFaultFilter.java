package dev.jwtauth.errors;

import java.io.IOException;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Component;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * Answers a malformed request that a filter (the form-content filter, the security
 * firewall, any filter reading parameters) rejects by throwing: a 400 problem instead
 * of an exception reaching the container, which would log it as a failure and answer 500.
 */
@Component
@Order(Ordered.HIGHEST_PRECEDENCE + 5)
class ClientFaultFilter extends OncePerRequestFilter {

	private final ProblemWriter problemWriter;

	ClientFaultFilter(ProblemWriter problemWriter) {
		this.problemWriter = problemWriter;
	}

	@Override
	protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
			throws ServletException, IOException {
		try {
			chain.doFilter(request, response);
		}
		catch (RuntimeException | ServletException ex) {
			String detail = ClientFaults.detailOf(ex);
			if (detail == null || response.isCommitted()) {
				throw ex;
			}
			this.problemWriter.write(request, response, HttpStatus.BAD_REQUEST, detail);
		}
	}

}
