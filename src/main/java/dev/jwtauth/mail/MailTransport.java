package dev.jwtauth.mail;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.Date;

import jakarta.mail.MessagingException;
import jakarta.mail.internet.InternetAddress;
import jakarta.mail.internet.MimeBodyPart;
import jakarta.mail.internet.MimeMessage;
import jakarta.mail.internet.MimeMultipart;

/**
 * Where a message goes once its turn comes: an SMTP server or the outbox folder.
 */
interface MailTransport {

	/** Delivers the message or throws; a throw is retried. */
	void deliver(MailMessage message) throws MessagingException, IOException;

	/**
	 * Fills a MIME message as both transports send it: From, To, Subject, Date and a
	 * multipart/alternative body, plain text first so that HTML is preferred.
	 */
	static void fill(MimeMessage mime, InternetAddress from, MailMessage message) throws MessagingException {
		mime.setFrom(from);
		mime.setRecipient(MimeMessage.RecipientType.TO, new InternetAddress(message.to(), true));
		mime.setSubject(message.subject(), StandardCharsets.UTF_8.name());
		mime.setSentDate(new Date());
		MimeBodyPart text = new MimeBodyPart();
		text.setText(message.text(), StandardCharsets.UTF_8.name(), "plain");
		MimeBodyPart html = new MimeBodyPart();
		html.setText(message.html(), StandardCharsets.UTF_8.name(), "html");
		mime.setContent(new MimeMultipart("alternative", text, html));
	}

}
