package dev.jwtauth.errors;

import java.io.IOException;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Enumeration;
import java.util.List;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletRequestWrapper;
import jakarta.servlet.http.HttpServletResponse;
import org.jspecify.annotations.Nullable;

import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpHeaders;
import org.springframework.http.InvalidMediaTypeException;
import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;
import org.springframework.stereotype.Component;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * Answers a malformed request that a filter (the form-content filter, the security
 * firewall, any filter reading parameters) rejects by throwing: a 4xx problem instead
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
			chain.doFilter(withReadableAccept(request), response);
		}
		catch (RuntimeException | ServletException ex) {
			ProblemDetail problem = ClientFaults.problemFor(ex, request);
			if (problem == null || response.isCommitted()) {
				throw ex;
			}
			this.problemWriter.write(request, response, problem);
		}
	}

	/** The error page negotiates its answer too, so it needs the same Accept. */
	@Override
	protected boolean shouldNotFilterErrorDispatch() {
		return false;
	}

	/**
	 * An Accept header that is no list of media types is read as absent: kept, it made
	 * every answer unwritable, problem documents included, and left an empty body.
	 */
	private static HttpServletRequest withReadableAccept(HttpServletRequest request) {
		String accept = request.getHeader(HttpHeaders.ACCEPT);
		if (accept == null) {
			return request;
		}
		try {
			for (String value : Collections.list(request.getHeaders(HttpHeaders.ACCEPT))) {
				MediaType.parseMediaTypes(value);
			}
			return request;
		}
		catch (InvalidMediaTypeException ex) {
			return new WithoutAccept(request);
		}
	}

	private static final class WithoutAccept extends HttpServletRequestWrapper {

		WithoutAccept(HttpServletRequest request) {
			super(request);
		}

		@Override
		public @Nullable String getHeader(String name) {
			return isAccept(name) ? null : super.getHeader(name);
		}

		@Override
		public Enumeration<String> getHeaders(String name) {
			return isAccept(name) ? Collections.emptyEnumeration() : super.getHeaders(name);
		}

		@Override
		public Enumeration<String> getHeaderNames() {
			List<String> names = new ArrayList<>(Collections.list(super.getHeaderNames()));
			names.removeIf(WithoutAccept::isAccept);
			return Collections.enumeration(names);
		}

		private static boolean isAccept(String name) {
			return HttpHeaders.ACCEPT.equalsIgnoreCase(name);
		}

	}

}
