package dev.jwtauth.security;

import java.io.IOException;
import java.util.Collections;

import dev.jwtauth.errors.BodyTooLargeException;
import dev.jwtauth.errors.ProblemWriter;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ReadListener;
import jakarta.servlet.ServletException;
import jakarta.servlet.ServletInputStream;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletRequestWrapper;
import jakarta.servlet.http.HttpServletResponse;

import org.springframework.http.HttpStatus;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * Refuses oversized requests before any other work: headers over 16 KiB in all (431)
 * and bodies over 16 KiB (413), whether announced by {@code Content-Length} or streamed
 * in chunks. Runs ahead of the security filter chain.
 */
class RequestLimitsFilter extends OncePerRequestFilter {

	static final int MAX_BODY_BYTES = 16 * 1024;

	static final int MAX_HEADER_BYTES = 16 * 1024;

	private final ProblemWriter problemWriter;

	RequestLimitsFilter(ProblemWriter problemWriter) {
		this.problemWriter = problemWriter;
	}

	@Override
	protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
			throws ServletException, IOException {
		if (headerBytes(request) > MAX_HEADER_BYTES) {
			this.problemWriter.write(request, response, HttpStatus.REQUEST_HEADER_FIELDS_TOO_LARGE,
					"The request headers are larger than " + MAX_HEADER_BYTES / 1024 + " KiB in all.");
			return;
		}
		if (request.getContentLengthLong() > MAX_BODY_BYTES) {
			this.problemWriter.write(request, response, HttpStatus.CONTENT_TOO_LARGE,
					"The request body is larger than " + MAX_BODY_BYTES / 1024 + " KiB.");
			return;
		}
		chain.doFilter(new LimitedBodyRequest(request), response);
	}

	private static long headerBytes(HttpServletRequest request) {
		long total = 0;
		for (String name : Collections.list(request.getHeaderNames())) {
			for (String value : Collections.list(request.getHeaders(name))) {
				total += name.length() + value.length() + 4;
			}
		}
		return total;
	}

	/** Counts body bytes as they are read, for bodies sent without a length. */
	private static final class LimitedBodyRequest extends HttpServletRequestWrapper {

		private ServletInputStream limited;

		LimitedBodyRequest(HttpServletRequest request) {
			super(request);
		}

		@Override
		public ServletInputStream getInputStream() throws IOException {
			if (this.limited == null) {
				this.limited = new LimitedInputStream(super.getInputStream());
			}
			return this.limited;
		}

	}

	private static final class LimitedInputStream extends ServletInputStream {

		private final ServletInputStream delegate;

		private long count;

		LimitedInputStream(ServletInputStream delegate) {
			this.delegate = delegate;
		}

		@Override
		public int read() throws IOException {
			int b = this.delegate.read();
			if (b >= 0) {
				count(1);
			}
			return b;
		}

		@Override
		public int read(byte[] buffer, int offset, int length) throws IOException {
			int read = this.delegate.read(buffer, offset, length);
			if (read > 0) {
				count(read);
			}
			return read;
		}

		private void count(int read) throws BodyTooLargeException {
			this.count += read;
			if (this.count > MAX_BODY_BYTES) {
				throw new BodyTooLargeException();
			}
		}

		@Override
		public boolean isFinished() {
			return this.delegate.isFinished();
		}

		@Override
		public boolean isReady() {
			return this.delegate.isReady();
		}

		@Override
		public void setReadListener(ReadListener listener) {
			this.delegate.setReadListener(listener);
		}

	}

}
