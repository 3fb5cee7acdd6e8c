package dev.jwtauth.tokens.keys;

/**
 * The configured or stored secret cannot sign tokens safely; the start is stopped.
 */
public class WeakSecretException extends IllegalStateException {

	private final String action;

	WeakSecretException(String description, String action) {
		super(description);
		this.action = action;
	}

	public String getAction() {
		return this.action;
	}

}
