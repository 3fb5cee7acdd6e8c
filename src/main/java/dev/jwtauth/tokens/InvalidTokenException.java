package dev.jwtauth.tokens;

/**
 * A presented access token that must not be honoured. The description goes to the
 * client in {@code error_description}, so it names the failed check and nothing more.
 */
public class InvalidTokenException extends RuntimeException {

	private final boolean worthRemembering;

	public InvalidTokenException(String description) {
		this(description, false);
	}

	private InvalidTokenException(String description, boolean worthRemembering) {
		// No stack trace: a refusal is an answer to the client, not a fault, and forged
		// tokens come in floods.
		super(description, null, false, false);
		this.worthRemembering = worthRemembering;
	}

	/**
	 * A refusal reached only by checking the signature, the costly step, and that stays
	 * the same for as long as the signing keys do (a bad signature, an expired token):
	 * worth remembering so that a replay costs a lookup. Cheap refusals (a malformed
	 * string, an unknown key or algorithm) and refusals that may turn into an acceptance
	 * (a token not valid yet) are not.
	 */
	static InvalidTokenException afterSignatureCheck(String description) {
		return new InvalidTokenException(description, true);
	}

	boolean isWorthRemembering() {
		return this.worthRemembering;
	}

	public String getDescription() {
		return getMessage();
	}

}
