package dev.jwtauth.mail;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.Path;
import java.time.ZoneOffset;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.util.HexFormat;
import java.util.Properties;
import java.util.concurrent.ThreadLocalRandom;

import dev.jwtauth.storage.OwnerOnly;
import jakarta.mail.MessagingException;
import jakarta.mail.Session;
import jakarta.mail.internet.InternetAddress;
import jakarta.mail.internet.MimeMessage;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * With no SMTP server configured, writes each message as an RFC 5322 {@code .eml} file
 * into a folder only the service's user can read, for a person running the service
 * locally to open. The files hold live links, hence owner-only.
 */
class OutboxTransport implements MailTransport {

	private static final Logger log = LoggerFactory.getLogger(OutboxTransport.class);

	// To the millisecond, so that a listing of the folder sorts mail in the order it was sent.
	private static final DateTimeFormatter NAME_TIME = DateTimeFormatter.ofPattern("yyyyMMdd'T'HHmmssSSS'Z'");

	private final Path folder;

	private final InternetAddress from;

	private final Session session = Session.getInstance(new Properties());

	OutboxTransport(Path folder, InternetAddress from) {
		this.folder = folder.toAbsolutePath().normalize();
		this.from = from;
	}

	@Override
	public void deliver(MailMessage message) throws MessagingException, IOException {
		MimeMessage mime = new MimeMessage(this.session);
		MailTransport.fill(mime, this.from, message);
		mime.saveChanges();
		OwnerOnly.folder(this.folder);
		Path file = this.folder.resolve(NAME_TIME.format(ZonedDateTime.now(ZoneOffset.UTC)) + "-"
				+ HexFormat.of().toHexDigits(ThreadLocalRandom.current().nextInt()) + ".eml");
		try (OutputStream out = OwnerOnly.newFile(file)) {
			mime.writeTo(out);
		}
		log.info("Mail to {} is in the outbox: {}", message.to(), file);
	}

}
