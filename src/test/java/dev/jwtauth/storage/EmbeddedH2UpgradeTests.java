package dev.jwtauth.storage;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.InputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;

import dev.jwtauth.cli.UserAddCommand;
import org.flywaydb.core.Flyway;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

/**
 * A data folder left by an earlier version: the database opened with user {@code sa}
 * and no password, the folder and files readable by every local user. The first start
 * of this version locks it down without losing what it holds.
 */
class EmbeddedH2UpgradeTests {

	private static final String PASSWORD = "violet staple orbit 42";

	@TempDir
	Path workingDirectory;

	private Path data() {
		return this.workingDirectory.resolve("data");
	}

	private String url() {
		return "jdbc:h2:file:" + data().resolve("jwtauth") + ";AUTO_SERVER=TRUE";
	}

	/** What an earlier version left: its schema, one account, and world-readable modes. */
	private void earlierVersionsDataFolder() throws Exception {
		Files.createDirectories(data(), PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rwxr-xr-x")));
		Flyway.configure().dataSource(url(), "sa", "").load().migrate();
		try (Connection connection = DriverManager.getConnection(url(), "sa", "");
				Statement statement = connection.createStatement()) {
			statement.execute("insert into account (id, username, username_key, password_hash, roles, created_at) "
					+ "values ('00000000-0000-0000-0000-00000000000a', 'veteran', 'veteran', '{noop}x', 'USER', "
					+ "current_timestamp)");
			statement.execute(
					"insert into login_name (name_key, account_id) values ('veteran', '00000000-0000-0000-0000-00000000000a')");
		}
		Files.writeString(data().resolve("jwt-secret"), "a".repeat(64));
		Files.setPosixFilePermissions(data().resolve("jwtauth.mv.db"), PosixFilePermissions.fromString("rw-r--r--"));
	}

	private Result useradd(String username) {
		InputStream in = System.in;
		PrintStream out = System.out;
		PrintStream err = System.err;
		ByteArrayOutputStream stderr = new ByteArrayOutputStream();
		try {
			System.setIn(new ByteArrayInputStream((PASSWORD + "\n").getBytes(StandardCharsets.UTF_8)));
			System.setOut(new PrintStream(new ByteArrayOutputStream(), true, StandardCharsets.UTF_8));
			System.setErr(new PrintStream(stderr, true, StandardCharsets.UTF_8));
			int status = UserAddCommand.run(new String[] { UserAddCommand.NAME, "--username", username, "--",
					"--spring.datasource.url=" + url(), "--spring.datasource.username=sa" });
			return new Result(status, stderr.toString(StandardCharsets.UTF_8));
		}
		finally {
			System.setIn(in);
			System.setOut(out);
			System.setErr(err);
		}
	}

	@Test
	void firstStartWhenDatabaseHadNoPasswordThenGeneratesOneAndKeepsTheData() throws Exception {
		earlierVersionsDataFolder();

		assertThat(useradd("newcomer").status()).isZero();

		Path passwordFile = data().resolve("db-password");
		assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(passwordFile))).isEqualTo("rw-------");
		assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(data()))).isEqualTo("rwx------");
		assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(data().resolve("jwtauth.mv.db"))))
			.isEqualTo("rw-------");
		assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(data().resolve("jwt-secret"))))
			.isEqualTo("rw-------");
		assertThatExceptionOfType(SQLException.class)
			.isThrownBy(() -> DriverManager.getConnection(url(), "sa", "").close())
			.satisfies((ex) -> assertThat(ex.getSQLState()).isEqualTo("28000"));
		String generated = Files.readString(passwordFile).strip();
		try (Connection connection = DriverManager.getConnection(url(), "sa", generated);
				ResultSet names = connection.createStatement()
					.executeQuery("select username from account order by username")) {
			assertThat(names.next()).isTrue();
			assertThat(names.getString(1)).isEqualTo("newcomer");
			assertThat(names.next()).isTrue();
			assertThat(names.getString(1)).isEqualTo("veteran");
		}
	}

	@Test
	void laterStartWhenPasswordAlreadyMigratedThenOpensWithIt() throws Exception {
		earlierVersionsDataFolder();
		assertThat(useradd("first").status()).isZero();

		Result again = useradd("veteran");
		assertThat(again.status()).isNotZero();
		assertThat(again.stderr()).contains("already taken");
		assertThat(useradd("second").status()).isZero();
	}

	record Result(int status, String stderr) {
	}

}
