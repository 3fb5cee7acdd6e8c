package dev.jwtauth.tokens;

/**
 * A presented access token that must not be honoured. The description goes to the
 * client in {@code error_description}, so it names the failed check and nothing more.
 */
public class InvalidTokenException extends RuntimeException {

	public InvalidTokenException(String description) {
		super(description, null, false, false);
	}

	public String getDescription() {
		return getMessage();
	}

}
