package dev.jwtauth.mail;

import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.List;
import java.util.Properties;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

import jakarta.mail.Message;
import jakarta.mail.Session;
import jakarta.mail.internet.MimeMessage;
import jakarta.mail.internet.MimeMultipart;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;

import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.mail.autoconfigure.MailSenderAutoConfiguration;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * With no SMTP server configured, mail lands as {@code .eml} files that only the
 * service's user can read, and the log says where without repeating the link.
 */
@ExtendWith(OutputCaptureExtension.class)
class MailOutboxTests {

	@TempDir
	Path directory;

	@Test
	void sendWhenNoSmtpServerThenWritesAnOwnerOnlyEmlFileAndLogsItsName(CapturedOutput output) {
		Path outbox = this.directory.resolve("data/outbox");
		new ApplicationContextRunner().withConfiguration(AutoConfigurations.of(MailSenderAutoConfiguration.class))
			.withUserConfiguration(MailConfiguration.class)
			.withPropertyValues("mail.outbox-dir=" + outbox, "mail.from=service@example.test",
					"mail.public-base-url=http://localhost:8080")
			.run((context) -> {
				Mail mail = context.getBean(Mail.class);
				String link = mail.link("reset-password", "s3cr3t-t0k3n");
				mail.send(new MailMessage("ada@example.test", "Reset your password", "Open " + link,
						"<a href=\"" + link + "\">Reset</a>"));
				await().atMost(5, TimeUnit.SECONDS).until(() -> Files.isDirectory(outbox) && emlFiles(outbox).size() == 1);
				Path file = emlFiles(outbox).get(0);
				MimeMessage message = read(file);
				assertThat(message.getFrom()).extracting(Object::toString).containsExactly("service@example.test");
				assertThat(message.getRecipients(Message.RecipientType.TO)).extracting(Object::toString)
					.containsExactly("ada@example.test");
				assertThat(message.getSubject()).isEqualTo("Reset your password");
				assertThat(message.getSentDate()).isNotNull();
				assertThat(message.getMessageID()).isNotBlank();
				assertThat(message.getContentType()).startsWith("multipart/alternative");
				MimeMultipart parts = (MimeMultipart) message.getContent();
				assertThat(parts.getBodyPart(0).getContentType()).startsWith("text/plain");
				assertThat(parts.getBodyPart(0).getContent())
					.isEqualTo("Open http://localhost:8080/#/reset-password?token=s3cr3t-t0k3n");
				assertThat(parts.getBodyPart(1).getContentType()).startsWith("text/html");
				assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(outbox))).isEqualTo("rwx------");
				assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(file))).isEqualTo("rw-------");
				await().atMost(5, TimeUnit.SECONDS).until(() -> output.getOut().contains(file.toString()));
			});
		assertThat(output.getOut()).contains("Mail to ada@example.test is in the outbox").doesNotContain("s3cr3t-t0k3n");
	}

	@Test
	void sendWhenSeveralWithinASecondThenFileNamesSortAsTheyWereSent() {
		Path outbox = this.directory.resolve("data/outbox");
		new ApplicationContextRunner().withConfiguration(AutoConfigurations.of(MailSenderAutoConfiguration.class))
			.withUserConfiguration(MailConfiguration.class)
			.withPropertyValues("mail.outbox-dir=" + outbox, "mail.from=service@example.test")
			.run((context) -> {
				Mail mail = context.getBean(Mail.class);
				for (int i = 0; i < 5; i++) {
					int sent = i;
					mail.send(new MailMessage("ada@example.test", "Message " + i, "text " + i, "<p>" + i + "</p>"));
					await().atMost(5, TimeUnit.SECONDS).until(() -> Files.isDirectory(outbox)
							&& emlFiles(outbox).size() == sent + 1);
					Thread.sleep(5);
				}
				List<String> subjects = new java.util.ArrayList<>();
				for (Path file : emlFiles(outbox).stream().sorted().toList()) {
					subjects.add(read(file).getSubject());
				}
				// The newest mail is the last name in a listing, as a person running it locally expects.
				assertThat(subjects).containsExactly("Message 0", "Message 1", "Message 2", "Message 3", "Message 4");
			});
	}

	private static List<Path> emlFiles(Path outbox) throws Exception {
		try (Stream<Path> files = Files.list(outbox)) {
			return files.filter((file) -> file.toString().endsWith(".eml")).toList();
		}
	}

	private static MimeMessage read(Path file) throws Exception {
		try (InputStream in = Files.newInputStream(file)) {
			return new MimeMessage(Session.getInstance(new Properties()), in);
		}
	}

}
