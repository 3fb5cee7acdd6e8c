package dev.jwtauth.operations;

import java.io.IOException;
import java.util.concurrent.ThreadLocalRandom;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.jspecify.annotations.Nullable;
import org.slf4j.MDC;

import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * Gives every request an id, put in the logging context as {@code request_id} so that
 * every log line written while serving it carries it, and echoed in the answer's
 * {@code X-Request-Id}. A proxy's own {@code X-Request-Id} is kept when it looks like
 * an id (letters, digits and {@code . _ - :}, at most 64 characters); anything else is
 * replaced, so a client cannot write arbitrary text into the logs.
 */
@Component
@Order(Ordered.HIGHEST_PRECEDENCE)
class RequestIdFilter extends OncePerRequestFilter {

	static final String HEADER = "X-Request-Id";

	static final String MDC_KEY = "request_id";

	private static final int MAX_LENGTH = 64;

	@Override
	protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
			throws ServletException, IOException {
		// An error dispatch belongs to a request that already has its id.
		String id = response.getHeader(HEADER);
		if (id == null) {
			String presented = request.getHeader(HEADER);
			id = acceptable(presented) ? presented : generate();
			response.setHeader(HEADER, id);
		}
		MDC.put(MDC_KEY, id);
		try {
			chain.doFilter(request, response);
		}
		finally {
			MDC.remove(MDC_KEY);
		}
	}

	@Override
	protected boolean shouldNotFilterErrorDispatch() {
		return false;
	}

	private static boolean acceptable(@Nullable String id) {
		if (id == null || id.isEmpty() || id.length() > MAX_LENGTH) {
			return false;
		}
		for (int i = 0; i < id.length(); i++) {
			char c = id.charAt(i);
			boolean allowed = (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') || c == '.'
					|| c == '_' || c == '-' || c == ':';
			if (!allowed) {
				return false;
			}
		}
		return true;
	}

	/** 128 random bits in hex: unique enough to find a request, and cheap to make. */
	private static String generate() {
		ThreadLocalRandom random = ThreadLocalRandom.current();
		return hex(random.nextLong()) + hex(random.nextLong());
	}

	private static String hex(long value) {
		String text = Long.toHexString(value);
		return "0".repeat(16 - text.length()) + text;
	}

}
