package dev.jwtauth.mail;

import jakarta.mail.internet.InternetAddress;

import org.springframework.mail.javamail.JavaMailSender;

/**
 * Sends through the SMTP server that Spring Boot's {@code spring.mail.*} settings
 * describe.
 */
class SmtpTransport implements MailTransport {

	private final JavaMailSender sender;

	private final InternetAddress from;

	SmtpTransport(JavaMailSender sender, InternetAddress from) {
		this.sender = sender;
		this.from = from;
	}

	@Override
	public void deliver(MailMessage message) {
		this.sender.send((mime) -> MailTransport.fill(mime, this.from, message));
	}

}
