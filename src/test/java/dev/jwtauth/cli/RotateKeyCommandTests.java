package dev.jwtauth.cli;

import java.nio.file.Files;
import java.nio.file.Path;

import dev.jwtauth.AuthApplication;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import static org.assertj.core.api.Assertions.assertThat;

class RotateKeyCommandTests {

	@TempDir
	Path keys;

	private int run(String... springArguments) {
		String[] args = new String[springArguments.length + 4];
		args[0] = RotateKeyCommand.NAME;
		args[1] = "--activate-in";
		args[2] = "0s";
		args[3] = "--";
		System.arraycopy(springArguments, 0, args, 4, springArguments.length);
		return RotateKeyCommand.run(AuthApplication.class, args);
	}

	@Test
	void rotateKeyWhenAsymmetricThenAddsAKeyFileBesideTheCurrentOne() throws Exception {
		String[] settings = { "--spring.profiles.active=test", "--jwt.algorithm=EdDSA", "--jwt.key-dir=" + this.keys,
				"--tests.database.fresh=false" };
		assertThat(run(settings)).isZero();
		try (var files = Files.list(this.keys)) {
			// the first start generated one key; the rotation added a second
			assertThat(files.filter((file) -> file.toString().endsWith(".pem")).count()).isEqualTo(2);
		}
	}

	@Test
	void rotateKeyWhenSharedSecretThenRefusesAndWritesNothing() throws Exception {
		assertThat(run("--spring.profiles.active=test", "--jwt.key-dir=" + this.keys, "--tests.database.fresh=false"))
			.isEqualTo(1);
		try (var files = Files.list(this.keys)) {
			assertThat(files).isEmpty();
		}
	}

}
