package dev.jwtauth.storage;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.SecureRandom;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.util.Base64;
import java.util.Locale;
import java.util.regex.Pattern;

import org.springframework.jdbc.datasource.DriverManagerDataSource;

/**
 * The embedded database's password, generated at first start and kept beside it in
 * {@code db-password}, readable by the owner only. A database made by an earlier
 * version with the empty password is given the generated one, keeping its data.
 */
final class DatabasePassword {

	/** H2's SQL state for a wrong user name or password. */
	private static final String REFUSED = "28000";

	private static final Pattern PLAIN_NAME = Pattern.compile("[A-Za-z][A-Za-z0-9_]*");

	private DatabasePassword() {
	}

	/** The password to open the database with; generated (and set) when there is none yet. */
	static String prepare(EmbeddedH2 h2) throws IOException {
		Path file = h2.passwordFile();
		if (Files.exists(file)) {
			return read(file);
		}
		if (!h2.exists()) {
			// H2 creates the database with whatever password the first connection gives
			Path temporary = write(h2.folder(), generate());
			try {
				Files.createLink(file, temporary);
			}
			catch (FileAlreadyExistsException ex) {
				// another instance on this folder got there first: use its password
			}
			finally {
				Files.deleteIfExists(temporary);
			}
			return read(file);
		}
		return migrate(h2, file);
	}

	/**
	 * Sets a generated password on a database that has the empty one. It is written to a
	 * pending file before the change, so that a crash in between loses nothing.
	 */
	private static String migrate(EmbeddedH2 h2, Path file) throws IOException {
		Path pending = h2.folder().resolve("db-password.pending");
		if (!Files.exists(pending)) {
			Files.move(write(h2.folder(), generate()), pending, StandardCopyOption.ATOMIC_MOVE);
		}
		String password = read(pending);
		try (Connection connection = new DriverManagerDataSource(h2.url(), h2.username(), "").getConnection();
				PreparedStatement alter = connection
					.prepareStatement("ALTER USER \"" + plain(h2.username()) + "\" SET PASSWORD ?")) {
			alter.setString(1, password);
			alter.execute();
		}
		catch (SQLException ex) {
			if (!REFUSED.equals(ex.getSQLState()) || !opens(h2, password)) {
				throw new IllegalStateException("The database " + h2.database() + " has a password that "
						+ file.getFileName() + " beside it does not hold, or cannot be opened ("
						+ ex.getMessage() + "). Put its password in " + file + " or in SPRING_DATASOURCE_PASSWORD.",
						ex);
			}
		}
		Files.move(pending, file, StandardCopyOption.ATOMIC_MOVE);
		return password;
	}

	private static boolean opens(EmbeddedH2 h2, String password) {
		try (Connection connection = new DriverManagerDataSource(h2.url(), h2.username(), password).getConnection()) {
			return connection.isValid(5);
		}
		catch (SQLException ex) {
			return false;
		}
	}

	// H2 keeps unquoted names upper-cased; anything else would need quoting rules of its own
	private static String plain(String username) {
		if (!PLAIN_NAME.matcher(username).matches()) {
			throw new IllegalStateException("SPRING_DATASOURCE_USERNAME must be a plain name (letters, digits, _) "
					+ "for the embedded database's generated password; set SPRING_DATASOURCE_PASSWORD instead.");
		}
		return username.toUpperCase(Locale.ROOT);
	}

	private static String generate() {
		byte[] random = new byte[32];
		new SecureRandom().nextBytes(random);
		return Base64.getUrlEncoder().withoutPadding().encodeToString(random);
	}

	/** Writes a private temporary file in the folder, whole, before it gets its name. */
	private static Path write(Path folder, String password) throws IOException {
		Path temporary = OwnerOnly.supported(folder)
				? Files.createTempFile(folder, ".db-password", ".tmp",
						PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rw-------")))
				: Files.createTempFile(folder, ".db-password", ".tmp");
		Files.writeString(temporary, password, StandardCharsets.UTF_8);
		return temporary;
	}

	private static String read(Path file) throws IOException {
		return Files.readString(file, StandardCharsets.UTF_8).strip();
	}

}
