package dev.jwtauth.mail;

import java.net.URI;
import java.net.URISyntaxException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Locale;

import jakarta.mail.internet.AddressException;
import jakarta.mail.internet.InternetAddress;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Mail settings, fed from environment variables in {@code application.properties}; the
 * SMTP server itself is Spring Boot's {@code spring.mail.*}.
 *
 * @param from the sender of every message ({@code MAIL_FROM})
 * @param publicBaseUrl where people reach the service ({@code PUBLIC_BASE_URL}): the only
 * source of the links in mail
 * @param outboxDir where messages are written as {@code .eml} files when no SMTP server
 * is configured ({@code MAIL_OUTBOX_DIR})
 * @param sendAttempts how often a message is tried before it is given up
 * ({@code MAIL_SEND_ATTEMPTS})
 * @param retryDelay the wait before the second attempt, doubled before each further one
 * ({@code MAIL_RETRY_DELAY})
 * @param queueCapacity how many messages may wait at once; more are dropped and logged
 * ({@code MAIL_QUEUE_CAPACITY})
 */
@ConfigurationProperties("mail")
record MailProperties(@DefaultValue("jwt-auth-service@localhost") String from,
		@DefaultValue("http://localhost:8080") String publicBaseUrl, @DefaultValue("./data/outbox") Path outboxDir,
		@DefaultValue("4") int sendAttempts, @DefaultValue("1s") Duration retryDelay,
		@DefaultValue("100") int queueCapacity) {

	MailProperties {
		try {
			new InternetAddress(from, true);
		}
		catch (AddressException ex) {
			throw new IllegalArgumentException("MAIL_FROM must be one mail address, not " + from);
		}
		publicBaseUrl = publicBaseUrl.endsWith("/") ? publicBaseUrl.substring(0, publicBaseUrl.length() - 1)
				: publicBaseUrl;
		baseUri(publicBaseUrl);
		if (sendAttempts < 1) {
			throw new IllegalArgumentException("MAIL_SEND_ATTEMPTS must be at least 1");
		}
		if (retryDelay.isNegative() || retryDelay.isZero()) {
			throw new IllegalArgumentException("MAIL_RETRY_DELAY must be positive");
		}
		if (queueCapacity < 1) {
			throw new IllegalArgumentException("MAIL_QUEUE_CAPACITY must be at least 1");
		}
	}

	/** True when links use https, or point at this machine only. */
	boolean publicBaseUrlSafeForMail() {
		URI uri = baseUri(this.publicBaseUrl);
		return uri.getScheme().equalsIgnoreCase("https") || Loopback.host(uri.getHost());
	}

	private static URI baseUri(String url) {
		URI uri;
		try {
			uri = new URI(url);
		}
		catch (URISyntaxException ex) {
			throw malformed(url);
		}
		String scheme = (uri.getScheme() != null) ? uri.getScheme().toLowerCase(Locale.ROOT) : "";
		// Only the origin and a path: a query, fragment or password would end up inside every link
		if (!(scheme.equals("http") || scheme.equals("https")) || uri.getHost() == null || uri.getRawUserInfo() != null
				|| uri.getRawQuery() != null || uri.getRawFragment() != null) {
			throw malformed(url);
		}
		return uri;
	}

	private static IllegalArgumentException malformed(String url) {
		return new IllegalArgumentException(
				"PUBLIC_BASE_URL must be an http or https address such as https://auth.example.com, without query or fragment, not "
						+ url);
	}

}
