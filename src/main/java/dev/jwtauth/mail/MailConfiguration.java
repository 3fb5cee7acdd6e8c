package dev.jwtauth.mail;

import jakarta.mail.internet.AddressException;
import jakarta.mail.internet.InternetAddress;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.env.Environment;
import org.springframework.mail.javamail.JavaMailSender;

/**
 * Chooses the transport at start: SMTP when Spring Boot made a {@link JavaMailSender}
 * (from {@code spring.mail.host}), else the outbox folder.
 */
@Configuration(proxyBeanMethods = false)
@EnableConfigurationProperties(MailProperties.class)
class MailConfiguration {

	private static final Logger log = LoggerFactory.getLogger(MailConfiguration.class);

	@Bean
	MailTransport mailTransport(MailProperties properties, ObjectProvider<JavaMailSender> sender,
			Environment environment) throws AddressException {
		InternetAddress from = new InternetAddress(properties.from(), true);
		JavaMailSender smtp = sender.getIfAvailable();
		if (smtp == null) {
			if (environment.containsProperty("spring.mail.host")) {
				// Spring AOT decided at build time that there is no mail sender
				throw new MailSettingException("SPRING_MAIL_HOST is set, but this build was prepared without it.",
						"Start without -Dspring.aot.enabled=true, or rebuild with SPRING_MAIL_HOST set.");
			}
			log.info("No SMTP server is configured (SPRING_MAIL_HOST): mail is written to {}",
					properties.outboxDir().toAbsolutePath().normalize());
			return new OutboxTransport(properties.outboxDir(), from);
		}
		if (!properties.publicBaseUrlSafeForMail()) {
			throw new MailSettingException(
					"PUBLIC_BASE_URL is " + properties.publicBaseUrl()
							+ ": links mailed over SMTP would carry their tokens unencrypted.",
					"Set PUBLIC_BASE_URL to the service's https address, such as https://auth.example.com "
							+ "(http is accepted only for localhost and loopback addresses).");
		}
		return new SmtpTransport(smtp, from);
	}

	@Bean
	MailQueue mailQueue(MailTransport mailTransport, MailProperties properties) {
		return new MailQueue(mailTransport, properties);
	}

	@Bean
	Mail mail(MailQueue mailQueue, MailProperties properties) {
		return new Mail(mailQueue, properties);
	}

}
