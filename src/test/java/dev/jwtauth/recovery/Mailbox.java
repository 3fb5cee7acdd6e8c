package dev.jwtauth.recovery;

import java.time.Duration;
import java.time.Instant;
import java.util.Arrays;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import com.icegreen.greenmail.util.GreenMail;
import com.icegreen.greenmail.util.ServerSetup;
import jakarta.mail.BodyPart;
import jakarta.mail.Message;
import jakarta.mail.internet.MimeMessage;
import jakarta.mail.internet.MimeMultipart;

/**
 * A real SMTP server (GreenMail) on a free loopback port, and the mail it received read
 * as a person would: the message to an address with a subject, its plain-text part, and
 * the token on a line of its own.
 */
public final class Mailbox {

	private static final Pattern TOKEN = Pattern.compile("(?m)^([A-Za-z0-9_-]{43})\\s*$");

	private final GreenMail server;

	private final int port;

	public Mailbox() {
		this.port = freePort();
		this.server = new GreenMail(new ServerSetup(this.port, "127.0.0.1", ServerSetup.PROTOCOL_SMTP));
		this.server.start();
	}

	public int port() {
		return this.port;
	}

	/** A loopback port that nothing listens on at the moment. */
	public static int freePort() {
		try (java.net.ServerSocket socket = new java.net.ServerSocket(0, 1, java.net.InetAddress.getLoopbackAddress())) {
			return socket.getLocalPort();
		}
		catch (java.io.IOException ex) {
			throw new java.io.UncheckedIOException(ex);
		}
	}

	/** The newest message to {@code to} whose subject is {@code subject}, waiting up to 10 s. */
	public MimeMessage await(String to, String subject) throws Exception {
		Instant deadline = Instant.now().plus(Duration.ofSeconds(10));
		while (Instant.now().isBefore(deadline)) {
			List<MimeMessage> found = messages(to, subject);
			if (!found.isEmpty()) {
				return found.get(found.size() - 1);
			}
			Thread.sleep(50);
		}
		throw new AssertionError("no mail to " + to + " with subject '" + subject + "'");
	}

	public List<MimeMessage> messages(String to, String subject) throws Exception {
		return Arrays.stream(this.server.getReceivedMessages()).filter((message) -> {
			try {
				return subject.equals(message.getSubject()) && Arrays.stream(message.getRecipients(Message.RecipientType.TO))
					.anyMatch((address) -> address.toString().equalsIgnoreCase(to));
			}
			catch (Exception ex) {
				throw new IllegalStateException(ex);
			}
		}).toList();
	}

	/** The token a mail carries for pasting. */
	public String token(String to, String subject) throws Exception {
		String text = text(await(to, subject));
		Matcher matcher = TOKEN.matcher(text);
		if (!matcher.find()) {
			throw new AssertionError("no token in: " + text);
		}
		return matcher.group(1);
	}

	public static String text(MimeMessage message) throws Exception {
		Object content = message.getContent();
		if (content instanceof MimeMultipart multipart) {
			for (int i = 0; i < multipart.getCount(); i++) {
				BodyPart part = multipart.getBodyPart(i);
				if (part.isMimeType("text/plain")) {
					return part.getContent().toString();
				}
			}
		}
		return content.toString();
	}

}
