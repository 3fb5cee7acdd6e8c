package dev.jwtauth.mail;

import org.springframework.boot.diagnostics.AbstractFailureAnalyzer;
import org.springframework.boot.diagnostics.FailureAnalysis;

/**
 * Says in two lines, instead of a stack trace, which mail setting stopped the start.
 */
class MailSettingFailureAnalyzer extends AbstractFailureAnalyzer<MailSettingException> {

	@Override
	protected FailureAnalysis analyze(Throwable rootFailure, MailSettingException cause) {
		return new FailureAnalysis(cause.getMessage(), cause.getAction(), cause);
	}

}
