package dev.jwtauth.tokens;

/**
 * A presented access token that must not be honoured. The description goes to the
 * client in {@code error_description}, so it names the failed check and nothing more.
 */
public class InvalidTokenException extends RuntimeException {

	private final boolean lasting;

	public InvalidTokenException(String description) {
		this(description, true);
	}

	/**
	 * @param lasting whether the same token would be refused the same way again for as
	 * long as the signing keys stay the same (a bad signature, an expired token); false
	 * when it may pass later (a token not valid yet)
	 */
	InvalidTokenException(String description, boolean lasting) {
		// No stack trace: a refusal is an answer to the client, not a fault, and forged
		// tokens come in floods.
		super(description, null, false, false);
		this.lasting = lasting;
	}

	boolean isLasting() {
		return this.lasting;
	}

	public String getDescription() {
		return getMessage();
	}

}
