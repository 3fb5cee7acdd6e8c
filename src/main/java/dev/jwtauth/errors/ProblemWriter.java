package dev.jwtauth.errors;

import java.io.IOException;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.http.HttpStatusCode;
import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;
import org.springframework.stereotype.Component;

/**
 * Writes problem documents where Spring MVC's exception handling does not reach: the
 * security filter chain, request-limit filters and the {@code /error} page.
 */
@Component
public class ProblemWriter {

	private final JsonMapper jsonMapper;

	public ProblemWriter(JsonMapper jsonMapper) {
		this.jsonMapper = jsonMapper;
	}

	public void write(HttpServletRequest request, HttpServletResponse response, HttpStatusCode status,
			String detail) throws IOException {
		write(request, response, Problems.of(status, detail));
	}

	public void write(HttpServletRequest request, HttpServletResponse response, ProblemDetail problem)
			throws IOException {
		if (response.isCommitted()) {
			return;
		}
		Problems.withType(problem);
		if (problem.getInstance() == null) {
			problem.setInstance(java.net.URI.create(PathDisplay.of(request)));
		}
		response.resetBuffer();
		response.setStatus(problem.getStatus());
		response.setContentType(MediaType.APPLICATION_PROBLEM_JSON_VALUE);
		response.setCharacterEncoding("UTF-8");
		// Not flushed: the container sends the whole answer in one write when the request
		// ends, with a Content-Length, where a flush here made two writes and a chunked body.
		response.getOutputStream().write(this.jsonMapper.writeValueAsBytes(problem));
	}

}
