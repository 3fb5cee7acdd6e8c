package dev.jwtauth.tokens.keys;

import org.springframework.boot.diagnostics.AbstractFailureAnalyzer;
import org.springframework.boot.diagnostics.FailureAnalysis;

/**
 * Says in two lines, instead of a stack trace, why a secret stopped the start.
 */
class WeakSecretFailureAnalyzer extends AbstractFailureAnalyzer<WeakSecretException> {

	@Override
	protected FailureAnalysis analyze(Throwable rootFailure, WeakSecretException cause) {
		return new FailureAnalysis(cause.getMessage(), cause.getAction(), cause);
	}

}
