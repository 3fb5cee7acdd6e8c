package dev.jwtauth.mail;

import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;

import jakarta.mail.BodyPart;
import jakarta.mail.Message;
import jakarta.mail.internet.MimeMessage;
import jakarta.mail.internet.MimeMultipart;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.mail.javamail.JavaMailSender;
import org.springframework.mail.javamail.JavaMailSenderImpl;
import org.springframework.transaction.TransactionDefinition;
import org.springframework.transaction.support.AbstractPlatformTransactionManager;
import org.springframework.transaction.support.DefaultTransactionStatus;
import org.springframework.transaction.support.TransactionTemplate;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatNoException;
import static org.awaitility.Awaitility.await;

/**
 * Mail through a real SMTP server on a local socket: what arrives, when, from which
 * thread, and what happens while the server is away.
 */
@ExtendWith(OutputCaptureExtension.class)
class MailOverSmtpTests {

	private static final MailMessage MESSAGE = new MailMessage("ada@example.test", "Reset your password",
			"Open https://auth.example.test/#/reset?token=t0k3n", "<p><a href=\"https://auth.example.test/#/reset?token=t0k3n\">Reset</a></p>");

	@Test
	void sendWhenSmtpConfiguredThenMessageArrivesWithBothParts() throws Exception {
		try (TestSmtpServer smtp = new TestSmtpServer().start()) {
			smtp.mailContext().run((context) -> {
				context.getBean(Mail.class).send(MESSAGE);
				MimeMessage[] received = smtp.awaitMessages(1, 5000);
				assertThat(received).hasSize(1);
				MimeMessage message = received[0];
				assertThat(message.getFrom()).extracting(Object::toString).containsExactly("service@example.test");
				assertThat(message.getRecipients(Message.RecipientType.TO)).extracting(Object::toString)
					.containsExactly("ada@example.test");
				assertThat(message.getSubject()).isEqualTo("Reset your password");
				assertThat(message.getContentType()).startsWith("multipart/alternative");
				MimeMultipart parts = (MimeMultipart) message.getContent();
				assertThat(parts.getCount()).isEqualTo(2);
				assertPart(parts.getBodyPart(0), "text/plain", MESSAGE.text());
				assertPart(parts.getBodyPart(1), "text/html", MESSAGE.html());
			});
		}
	}

	@Test
	void sendWhenInTransactionThenSentOnlyAfterCommit() throws Exception {
		try (TestSmtpServer smtp = new TestSmtpServer().start()) {
			smtp.mailContext().run((context) -> {
				new TransactionTemplate(new NoResourceTransactionManager()).executeWithoutResult((status) -> {
					context.getBean(Mail.class).send(MESSAGE);
					assertThat(smtp.awaitMessages(1, 300)).isEmpty();
				});
				assertThat(smtp.awaitMessages(1, 5000)).hasSize(1);
			});
		}
	}

	@Test
	void sendWhenTransactionRollsBackThenNothingIsSent() throws Exception {
		try (TestSmtpServer smtp = new TestSmtpServer().start()) {
			smtp.mailContext().run((context) -> {
				new TransactionTemplate(new NoResourceTransactionManager()).executeWithoutResult((status) -> {
					context.getBean(Mail.class).send(MESSAGE);
					status.setRollbackOnly();
				});
				assertThat(smtp.awaitMessages(1, 500)).isEmpty();
			});
		}
	}

	@Test
	void sendWhenCalledThenTheMessageLeavesOnAnotherThread() throws Exception {
		List<Thread> sendingThreads = new CopyOnWriteArrayList<>();
		try (TestSmtpServer smtp = new TestSmtpServer().start()) {
			JavaMailSenderImpl sender = new JavaMailSenderImpl() {
				@Override
				protected void doSend(MimeMessage[] messages, Object[] originals) {
					sendingThreads.add(Thread.currentThread());
					super.doSend(messages, originals);
				}
			};
			sender.setHost("127.0.0.1");
			sender.setPort(smtp.port());
			smtp.mailContext().withBean(JavaMailSender.class, () -> sender).run((context) -> {
				context.getBean(Mail.class).send(MESSAGE);
				assertThat(smtp.awaitMessages(1, 5000)).hasSize(1);
				assertThat(sendingThreads).hasSize(1).doesNotContain(Thread.currentThread());
				assertThat(sendingThreads.get(0).isDaemon()).isTrue();
			});
		}
	}

	@Test
	void sendWhenServerComesUpWithinTheRetriesThenMessageArrives(CapturedOutput output) throws Exception {
		ScheduledExecutorService later = Executors.newSingleThreadScheduledExecutor();
		try (TestSmtpServer smtp = new TestSmtpServer()) {
			smtp.mailContext("mail.retry-delay=200ms", "mail.send-attempts=6").run((context) -> {
				context.getBean(Mail.class).send(MESSAGE);
				await().atMost(5, TimeUnit.SECONDS).until(() -> output.getOut().contains("attempt 1 of 6"));
				later.schedule(smtp::start, 100, TimeUnit.MILLISECONDS);
				assertThat(smtp.awaitMessages(1, 10_000)).hasSize(1);
			});
		}
		finally {
			later.shutdownNow();
		}
		assertThat(output.getOut()).doesNotContain("t0k3n").doesNotContain("given up");
	}

	@Test
	void sendWhenServerNeverComesUpThenReturnsAndGivesUpInTheLog(CapturedOutput output) {
		try (TestSmtpServer smtp = new TestSmtpServer()) {
			smtp.mailContext().run((context) -> {
				assertThatNoException().isThrownBy(() -> context.getBean(Mail.class).send(MESSAGE));
				await().atMost(5, TimeUnit.SECONDS)
					.until(() -> output.getOut().contains("Mail to ada@example.test (Reset your password) given up after 3 attempts"));
			});
		}
		assertThat(output.getOut()).contains("attempt 2 of 3").doesNotContain("t0k3n");
	}

	private static void assertPart(BodyPart part, String type, String content) throws Exception {
		assertThat(part.getContentType()).startsWith(type).containsIgnoringCase("charset=UTF-8");
		assertThat(part.getContent()).isEqualTo(content);
	}

	/** Transactions with nothing behind them, for their commit and rollback callbacks alone. */
	static class NoResourceTransactionManager extends AbstractPlatformTransactionManager {

		@Override
		protected Object doGetTransaction() {
			return new Object();
		}

		@Override
		protected void doBegin(Object transaction, TransactionDefinition definition) {
		}

		@Override
		protected void doCommit(DefaultTransactionStatus status) {
		}

		@Override
		protected void doRollback(DefaultTransactionStatus status) {
		}

	}

}
