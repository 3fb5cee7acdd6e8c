package dev.jwtauth.mail;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.ServerSocket;

import com.icegreen.greenmail.util.GreenMail;
import com.icegreen.greenmail.util.ServerSetup;
import jakarta.mail.internet.MimeMessage;

import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.mail.autoconfigure.MailSenderAutoConfiguration;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;

/**
 * A real SMTP server (GreenMail) on a free loopback port, which a test may start late or
 * never, and the mail configuration pointed at it as Spring Boot would point it.
 */
final class TestSmtpServer implements AutoCloseable {

	private final int port = freePort();

	private final GreenMail server = new GreenMail(new ServerSetup(this.port, "127.0.0.1", ServerSetup.PROTOCOL_SMTP));

	TestSmtpServer start() {
		this.server.start();
		return this;
	}

	int port() {
		return this.port;
	}

	/** The messages received within the time, or fewer if they did not come. */
	MimeMessage[] awaitMessages(int count, long millis) {
		this.server.waitForIncomingEmail(millis, count);
		return this.server.getReceivedMessages();
	}

	/** Mail sent to this server, retried every few milliseconds. */
	ApplicationContextRunner mailContext(String... properties) {
		return new ApplicationContextRunner()
			.withConfiguration(AutoConfigurations.of(MailSenderAutoConfiguration.class))
			.withUserConfiguration(MailConfiguration.class)
			.withPropertyValues("spring.mail.host=127.0.0.1", "spring.mail.port=" + this.port,
					"mail.from=service@example.test", "mail.retry-delay=20ms", "mail.send-attempts=3")
			.withPropertyValues(properties);
	}

	@Override
	public void close() {
		this.server.stop();
	}

	private static int freePort() {
		try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
			return socket.getLocalPort();
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

}
