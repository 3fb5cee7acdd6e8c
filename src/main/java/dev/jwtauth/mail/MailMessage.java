package dev.jwtauth.mail;

import jakarta.mail.internet.AddressException;
import jakarta.mail.internet.InternetAddress;

/**
 * One message to one person, in plain text and in HTML saying the same.
 *
 * @param to the recipient: one address
 * @param subject the subject line, on one line; it never carries a token
 * @param text the plain-text body
 * @param html the HTML body
 * @throws IllegalArgumentException when {@code to} is not one address or the subject has
 * a line break: a message that could never be sent, or would add headers of its own
 */
public record MailMessage(String to, String subject, String text, String html) {

	public MailMessage {
		try {
			new InternetAddress(to, true).validate();
		}
		catch (AddressException ex) {
			throw new IllegalArgumentException("not one mail address: " + to);
		}
		if (subject.indexOf('\r') >= 0 || subject.indexOf('\n') >= 0) {
			throw new IllegalArgumentException("a subject is one line");
		}
	}

}
