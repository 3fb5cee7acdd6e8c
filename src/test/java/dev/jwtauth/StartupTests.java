package dev.jwtauth;

import java.nio.file.Path;

import dev.jwtauth.tokens.keys.WeakSecretException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import org.springframework.boot.SpringApplication;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * The service refuses to start in a state that would make its tokens forgeable.
 */
class StartupTests {

	@TempDir
	Path directory;

	@Test
	void startWhenJwtSecretShorterThan32BytesThenFailsNamingTheProblem() {
		assertThatThrownBy(() -> SpringApplication.run(AuthApplication.class, "--server.port=0",
				"--spring.datasource.url=jdbc:h2:mem:startup-short;DB_CLOSE_DELAY=-1", "--spring.datasource.username=sa", "--jwt.secret=short-secret",
				"--logging.level.root=OFF", "--tests.database.fresh=false"))
			.satisfies((failure) -> assertThat(rootCause(failure)).isInstanceOf(WeakSecretException.class)
				.hasMessageContaining("JWT_SECRET is 12 bytes long"));
	}

	@Test
	void startWhenJwtSecretIsATutorialSecretThenFails() {
		for (String secret : new String[] { "super-secret-super-secret-super-secret", "your-secret-key-your-secret-key!",
				"Your Secret Key Your Secret Key Your Secret Key" }) {
			assertThatThrownBy(() -> SpringApplication.run(AuthApplication.class, "--server.port=0",
					"--spring.datasource.url=jdbc:h2:mem:startup-tutorial;DB_CLOSE_DELAY=-1",
					"--spring.datasource.username=sa", "--jwt.secret=" + secret, "--logging.level.root=OFF",
					"--tests.database.fresh=false"))
				.satisfies((failure) -> assertThat(rootCause(failure)).isInstanceOf(WeakSecretException.class)
					.hasMessageContaining("well-known example secret"));
		}
	}

	@Test
	void startWhenSmtpConfiguredAndPublicBaseUrlPlainHttpThenFailsNamingTheSetting() {
		assertThatThrownBy(() -> SpringApplication.run(AuthApplication.class, "--server.port=0",
				"--spring.datasource.url=jdbc:h2:mem:startup-mail;DB_CLOSE_DELAY=-1", "--spring.datasource.username=sa",
				"--spring.mail.host=127.0.0.1", "--mail.public-base-url=http://auth.example.com",
				"--logging.level.root=OFF", "--tests.database.fresh=false"))
			.satisfies((failure) -> assertThat(rootCause(failure))
				.hasMessageContaining("PUBLIC_BASE_URL is http://auth.example.com"));
	}

	@Test
	void startWhenNoSecretThenGeneratesOneIntoTheDataDirectory() {
		Path secret = this.directory.resolve("data/jwt-secret");
		try (var context = SpringApplication.run(AuthApplication.class, "--server.port=0",
				"--spring.datasource.url=jdbc:h2:mem:startup-generated;DB_CLOSE_DELAY=-1",
				"--spring.datasource.username=sa",
				"--jwt.generated-secret-file=" + secret, "--logging.level.root=OFF", "--tests.database.fresh=false")) {
			assertThat(secret).exists();
		}
	}

	private static Throwable rootCause(Throwable failure) {
		Throwable cause = failure;
		while (cause.getCause() != null && cause.getCause() != cause) {
			if (cause instanceof WeakSecretException) {
				return cause;
			}
			cause = cause.getCause();
		}
		return cause;
	}

}
