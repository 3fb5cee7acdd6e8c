package dev.jwtauth.recovery;

import java.util.Map;
import java.util.UUID;

import dev.jwtauth.testing.AdjustableClock;
import dev.jwtauth.testing.IntegrationTest;
import org.junit.jupiter.api.AfterEach;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.annotation.Import;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The whole service sending its mail to a real SMTP server on a local socket, one server
 * for every test class of the recovery flows, so that they share one context.
 */
@Import(AdjustableClock.Configuration.class)
abstract class MailIntegrationTest extends IntegrationTest {

	static final Mailbox smtp = new Mailbox();

	static final String VERIFY = "Confirm your email address";

	@Autowired
	protected AdjustableClock clock;

	protected final Mailbox mailbox = smtp;

	@DynamicPropertySource
	static void smtpServer(DynamicPropertyRegistry registry) {
		registry.add("spring.mail.host", () -> "127.0.0.1");
		registry.add("spring.mail.port", smtp::port);
		registry.add("mail.retry-delay", () -> "20ms");
	}

	@AfterEach
	void resetClock() {
		this.clock.reset();
	}

	/** A user with an email, signed up through the API. */
	protected Person person(String prefix) throws Exception {
		String username = uniqueName(prefix);
		String email = username + "@example.com";
		Reply reply = postJson("/signup", Map.of("username", username, "email", email, "password", PASSWORD));
		assertThat(reply.status()).isEqualTo(201);
		return new Person(UUID.fromString(reply.string("id")), username, email);
	}

	/** Waits until {@code count} mails to the address with the subject arrived. */
	protected void awaitMails(String to, String subject, int count) throws Exception {
		for (int i = 0; i < 200 && this.mailbox.messages(to, subject).size() < count; i++) {
			Thread.sleep(50);
		}
		assertThat(this.mailbox.messages(to, subject)).hasSize(count);
	}

	protected static void assertTokenRefused(Reply reply) {
		assertThat(reply.status()).isEqualTo(400);
		assertThat(reply.body()).contains("\"field\":\"token\"");
	}

	record Person(UUID id, String username, String email) {
	}

}
