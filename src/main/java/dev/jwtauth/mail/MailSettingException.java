package dev.jwtauth.mail;

/**
 * A mail setting that would send links unsafely or not at all; the start is stopped.
 */
class MailSettingException extends IllegalStateException {

	private final String action;

	MailSettingException(String description, String action) {
		super(description);
		this.action = action;
	}

	String getAction() {
		return this.action;
	}

}
