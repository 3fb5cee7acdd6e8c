package dev.jwtauth.mail;

import org.junit.jupiter.api.Test;

import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.diagnostics.FailureAnalysis;
import org.springframework.boot.mail.autoconfigure.MailSenderAutoConfiguration;
import org.springframework.boot.test.context.assertj.AssertableApplicationContext;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;
import org.springframework.boot.test.context.runner.ContextConsumer;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

/**
 * The start-up checks of {@code PUBLIC_BASE_URL} and {@code MAIL_FROM}, and the links
 * built from it.
 */
class MailSettingsTests {

	private static final ApplicationContextRunner OUTBOX = new ApplicationContextRunner()
		.withConfiguration(AutoConfigurations.of(MailSenderAutoConfiguration.class))
		.withUserConfiguration(MailConfiguration.class)
		.withPropertyValues("mail.outbox-dir=target/test-data/outbox");

	private static final ApplicationContextRunner SMTP = OUTBOX.withPropertyValues("spring.mail.host=127.0.0.1",
			"spring.mail.port=2525");

	@Test
	void startWhenSmtpAndPublicBaseUrlIsPlainHttpThenFailsNamingTheSetting() {
		SMTP.withPropertyValues("mail.public-base-url=http://auth.example.com").run((context) -> {
			assertThat(context).hasFailed();
			Throwable failure = context.getStartupFailure();
			FailureAnalysis analysis = new MailSettingFailureAnalyzer().analyze(failure);
			assertThat(analysis).isNotNull();
			assertThat(analysis.getDescription()).contains("PUBLIC_BASE_URL is http://auth.example.com");
			assertThat(analysis.getAction()).contains("https");
		});
	}

	@Test
	void startWhenSmtpAndPublicBaseUrlIsLoopbackOrHttpsThenStarts() {
		for (String url : new String[] { "http://localhost:8080", "http://127.0.0.1:8080", "http://127.1.2.3",
				"http://[::1]:8080", "https://auth.example.com", "HTTPS://auth.example.com/base/" }) {
			SMTP.withPropertyValues("mail.public-base-url=" + url).run(startsWithTransport(SmtpTransport.class));
		}
	}

	@Test
	void startWhenSmtpAndHostOnlyLooksLocalThenFails() {
		for (String url : new String[] { "http://localhost.example.com", "http://127.0.0.1.example.com",
				"http://10.0.0.1", "http://[::2]" }) {
			SMTP.withPropertyValues("mail.public-base-url=" + url)
				.run((context) -> assertThat(context).getFailure().hasRootCauseInstanceOf(MailSettingException.class));
		}
	}

	@Test
	void startWhenSmtpHostSetButNoMailSenderWasMadeThenFails() {
		// As a build prepared by Spring AOT without SPRING_MAIL_HOST would start
		new ApplicationContextRunner().withUserConfiguration(MailConfiguration.class)
			.withPropertyValues("spring.mail.host=smtp.example.com")
			.run((context) -> assertThat(context).getFailure()
				.hasRootCauseInstanceOf(MailSettingException.class)
				.rootCause()
				.hasMessageContaining("prepared without it"));
	}

	@Test
	void startWhenNoSmtpAndPublicBaseUrlIsPlainHttpThenStartsWithTheOutbox() {
		OUTBOX.withPropertyValues("mail.public-base-url=http://auth.example.com")
			.run(startsWithTransport(OutboxTransport.class));
	}

	@Test
	void startWhenPublicBaseUrlMalformedThenFailsWithOrWithoutSmtp() {
		for (String url : new String[] { "auth.example.com", "ftp://auth.example.com", "https://", "https://a b",
				"https://auth.example.com/?next=x", "https://auth.example.com/#x", "https://user:pw@auth.example.com" }) {
			for (ApplicationContextRunner runner : new ApplicationContextRunner[] { OUTBOX, SMTP }) {
				runner.withPropertyValues("mail.public-base-url=" + url)
					.run((context) -> assertThat(context).getFailure()
						.rootCause()
						.hasMessageContaining("PUBLIC_BASE_URL must be an http or https address"));
			}
		}
	}

	@Test
	void startWhenMailFromIsNotOneAddressThenFails() {
		OUTBOX.withPropertyValues("mail.from=not an address")
			.run((context) -> assertThat(context).getFailure().rootCause().hasMessageContaining("MAIL_FROM"));
	}

	@Test
	void linkWhenBuiltThenUsesPublicBaseUrlWithTheTokenInTheFragment() {
		OUTBOX.withPropertyValues("mail.public-base-url=https://auth.example.com/base/").run((context) -> {
			Mail mail = context.getBean(Mail.class);
			assertThat(mail.link("reset-password", "abc_DEF-123"))
				.isEqualTo("https://auth.example.com/base/#/reset-password?token=abc_DEF-123");
			assertThat(mail.link("verify-email", "a+b/c=")).endsWith("#/verify-email?token=a%2Bb%2Fc%3D");
		});
	}

	@Test
	void messageWhenRecipientIsNotOneAddressOrSubjectHasALineBreakThenRefused() {
		for (String to : new String[] { "ada@example.test, eve@example.test", "not an address", "" }) {
			assertThatIllegalArgumentException().isThrownBy(() -> new MailMessage(to, "Hello", "text", "<p>html</p>"));
		}
		assertThatIllegalArgumentException()
			.isThrownBy(() -> new MailMessage("ada@example.test", "Hello\r\nBcc: eve@example.test", "text", "html"));
	}

	private static ContextConsumer<AssertableApplicationContext> startsWithTransport(Class<?> transport) {
		return (context) -> {
			assertThat(context).hasNotFailed();
			assertThat(context.getBean(MailTransport.class)).isInstanceOf(transport);
		};
	}

}
