package dev.jwtauth.errors;

import java.io.IOException;
import java.io.Writer;
import java.util.concurrent.atomic.AtomicBoolean;

import org.apache.catalina.connector.Request;
import org.apache.catalina.connector.Response;
import org.apache.catalina.valves.ErrorReportValve;
import org.apache.coyote.ActionCode;

import org.springframework.http.HttpStatus;

/**
 * Tomcat's own refusals, made before any servlet runs (a request line or headers it
 * cannot parse, headers beyond its buffer), as problem documents instead of Tomcat's
 * HTML page. Installed as the host's error report valve by {@link ContainerErrorsConfiguration}.
 */
public class ProblemErrorReportValve extends ErrorReportValve {

	@Override
	protected void report(Request request, Response response, Throwable throwable) {
		int status = response.getStatus();
		if (status < 400 || response.getContentWritten() > 0) {
			return;
		}
		AtomicBoolean ioAllowed = new AtomicBoolean(true);
		response.getCoyoteResponse().action(ActionCode.IS_IO_ALLOWED, ioAllowed);
		if (!ioAllowed.get() || !response.setErrorReported()) {
			return;
		}
		if (status == 400 && headersTooLarge(throwable)) {
			status = HttpStatus.REQUEST_HEADER_FIELDS_TOO_LARGE.value();
			response.setStatus(status);
		}
		HttpStatus resolved = HttpStatus.resolve(status);
		String title = (resolved != null) ? resolved.getReasonPhrase() : "Error";
		String detail = switch (status) {
			case 431 -> "The request headers are too large.";
			case 400 -> "The request could not be parsed.";
			case 501 -> "The request method is not supported.";
			default -> (status >= 500) ? "An unexpected error occurred." : title + ".";
		};
		try {
			response.setContentType("application/problem+json");
			response.setCharacterEncoding("UTF-8");
			Writer writer = response.getReporter();
			if (writer != null) {
				// Fixed texts only: nothing from the request is echoed back.
				writer.write("{\"type\":\"about:blank\",\"title\":\"" + title + "\",\"status\":" + status
						+ ",\"detail\":\"" + detail + "\"}");
				response.finishResponse();
			}
		}
		catch (IOException | IllegalStateException ex) {
			// The client is gone or the response is unusable; nothing more to say.
		}
	}

	private static boolean headersTooLarge(Throwable throwable) {
		for (Throwable current = throwable; current != null; current = current.getCause()) {
			String message = current.getMessage();
			if (message != null && message.contains("header") && message.contains("too large")) {
				return true;
			}
		}
		return false;
	}

}
