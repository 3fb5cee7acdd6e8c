package dev.jwtauth.errors;

import java.io.IOException;

import jakarta.servlet.RequestDispatcher;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.boot.webmvc.error.ErrorController;

/**
 * Replaces Boot's whitelabel {@code /error} page, which answers with a legacy map, so
 * that errors raised by the container (for instance {@code sendError} from a filter)
 * are problem documents too. The status is kept; the exception is never shown.
 */
@Controller
class ProblemErrorController implements ErrorController {

	private final ProblemWriter problemWriter;

	ProblemErrorController(ProblemWriter problemWriter) {
		this.problemWriter = problemWriter;
	}

	@RequestMapping("/error")
	void error(HttpServletRequest request, HttpServletResponse response) throws IOException {
		Object code = request.getAttribute(RequestDispatcher.ERROR_STATUS_CODE);
		HttpStatus status = (code instanceof Integer value) ? HttpStatus.resolve(value) : null;
		if (status == null || !status.isError()) {
			status = HttpStatus.NOT_FOUND;
		}
		String detail = status.is5xxServerError() ? "An unexpected error occurred." : status.getReasonPhrase() + ".";
		this.problemWriter.write(request, response, status, detail);
	}

}
