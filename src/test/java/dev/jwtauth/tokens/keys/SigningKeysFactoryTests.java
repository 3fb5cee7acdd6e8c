package dev.jwtauth.tokens.keys;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermission;
import java.nio.file.attribute.PosixFilePermissions;

import dev.jwtauth.tokens.TestTokenProperties;
import dev.jwtauth.tokens.TokenProperties;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import org.springframework.boot.diagnostics.FailureAnalysis;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class SigningKeysFactoryTests {

	@TempDir
	Path directory;

	private static KeySettings properties(String secret, Path file) {
		return TestTokenProperties.defaults(secret, file).keys();
	}

	@Test
	void secretWhenShorterThan32BytesThenStartFailsWithAClearMessage() {
		SigningKeysFactory factory = new SigningKeysFactory();
		assertThatThrownBy(() -> factory.signingKeys(properties("too-short-secret", this.directory.resolve("s")), java.time.Clock.systemUTC()))
			.isInstanceOf(WeakSecretException.class)
			.hasMessageContaining("JWT_SECRET is 16 bytes long")
			.hasMessageContaining("at least 32")
			.hasMessageNotContaining("too-short-secret");
		FailureAnalysis analysis = new WeakSecretFailureAnalyzer()
			.analyze(new IllegalStateException(new WeakSecretException("d", "a")));
		assertThat(analysis).isNotNull();
		assertThat(analysis.getDescription()).isEqualTo("d");
		assertThat(analysis.getAction()).isEqualTo("a");
	}

	@Test
	void secretWhenGivenThenItsRawUtf8BytesSign() {
		String secret = "ünïcode-secret-that-is-long-enough-1234";
		SigningKeys keys = new SigningKeysFactory().signingKeys(properties(secret, this.directory.resolve("s")), java.time.Clock.systemUTC());
		assertThat(keys.current().key().getEncoded()).isEqualTo(secret.getBytes(StandardCharsets.UTF_8));
		assertThat(keys.algorithm()).isEqualTo("HS256");
		assertThat(this.directory.resolve("s")).doesNotExist();
	}

	@Test
	void secretWhenAbsentThenGeneratedOwnerOnlyAndReusedAfterRestart() throws Exception {
		Path file = this.directory.resolve("data/jwt-secret");
		SigningKeys first = new SigningKeysFactory().signingKeys(properties(null, file), java.time.Clock.systemUTC());
		assertThat(file).exists();
		assertThat(Files.getPosixFilePermissions(file)).containsExactlyInAnyOrder(PosixFilePermission.OWNER_READ,
				PosixFilePermission.OWNER_WRITE);
		assertThat(first.current().key().getEncoded().length).isGreaterThanOrEqualTo(32);
		SigningKeys afterRestart = new SigningKeysFactory().signingKeys(properties(null, file), java.time.Clock.systemUTC());
		assertThat(afterRestart.current().key().getEncoded()).isEqualTo(first.current().key().getEncoded());
		try (var leftovers = Files.list(file.getParent())) {
			assertThat(leftovers).containsExactly(file);
		}
	}

	@Test
	void secretWhenGeneratedIntoANewFolderThenTheFolderIsTheOwnersOnly() throws Exception {
		Path file = this.directory.resolve("data/jwt-secret");
		new SigningKeysFactory().signingKeys(properties(null, file), java.time.Clock.systemUTC());
		assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(file.getParent())))
			.isEqualTo("rwx------");
	}

	@Test
	void secretFileWhenGivenThenItsContentSigns() throws Exception {
		Path file = this.directory.resolve("mounted-secret");
		String secret = "a-secret-from-a-mounted-file-of-48-bytes-length!";
		Files.writeString(file, secret + "\n");
		TokenProperties properties = new TokenProperties(null, this.directory.resolve("generated"), "jwt-auth-service",
				null, java.time.Duration.ofMinutes(15), java.time.Duration.ofSeconds(30), 8192,
				java.time.Duration.ofDays(14), java.time.Duration.ofSeconds(10), java.time.Duration.ofDays(1),
				java.time.Duration.ofMillis(250), "HS256", this.directory.resolve("keys"), file.toString());
		SigningKeys keys = new SigningKeysFactory().signingKeys(properties.keys(), java.time.Clock.systemUTC());
		assertThat(keys.current().key().getEncoded()).isEqualTo(secret.getBytes(StandardCharsets.UTF_8));
		assertThat(this.directory.resolve("generated")).doesNotExist();
	}

	@Test
	void knownTutorialSecretsWhenLongEnoughThenStillRefused() {
		assertThat(TutorialSecrets.isKnown("super-secret-super-secret-super-secret")).isTrue();
		assertThat(TutorialSecrets.isKnown("your-256-bit-secret-your-256-bit-secret")).isTrue();
		assertThat(TutorialSecrets.isKnown("ChangeMe_ChangeMe_ChangeMe_ChangeMe")).isTrue();
		assertThat(TutorialSecrets.isKnown("q8Zr1vN0x7LkP2mW9sT4yB6cH3jF5gD-secret")).isFalse();
	}

	@Test
	void secretFileWhenTooShortThenStartFails() throws Exception {
		Path file = this.directory.resolve("jwt-secret");
		Files.writeString(file, "short");
		assertThatThrownBy(() -> new SigningKeysFactory().signingKeys(properties(null, file), java.time.Clock.systemUTC()))
			.isInstanceOf(WeakSecretException.class)
			.hasMessageContaining("5 bytes long");
	}

}
