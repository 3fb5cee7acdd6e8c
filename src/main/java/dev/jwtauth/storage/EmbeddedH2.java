package dev.jwtauth.storage;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;
import java.util.Optional;

import org.springframework.core.env.ConfigurableEnvironment;
import org.springframework.core.env.Environment;
import org.springframework.util.StringUtils;

/**
 * An H2 database in a file, opened with the default's empty password: the case this
 * package protects. {@code folder} holds its files and the generated password.
 */
record EmbeddedH2(String url, String username, Path database, boolean autoServer) {

	private static final String FILE_PREFIX = "jdbc:h2:file:";

	/** The embedded database the environment configures, unless it has a password of its own. */
	static Optional<EmbeddedH2> unprepared(Environment environment) {
		if (StringUtils.hasLength(environment.getProperty("spring.datasource.password"))) {
			return Optional.empty();
		}
		return of(environment);
	}

	/** The embedded database whose password {@link EmbeddedH2Preparation} put in the environment. */
	static Optional<EmbeddedH2> prepared(ConfigurableEnvironment environment) {
		if (!environment.getPropertySources().contains(EmbeddedH2Preparation.PROPERTY_SOURCE)) {
			return Optional.empty();
		}
		return of(environment);
	}

	private static Optional<EmbeddedH2> of(Environment environment) {
		String url = environment.getProperty("spring.datasource.url");
		if (url == null || !url.startsWith(FILE_PREFIX)) {
			return Optional.empty();
		}
		int settings = url.indexOf(';');
		String path = url.substring(FILE_PREFIX.length(), (settings < 0) ? url.length() : settings);
		if (path.startsWith("~")) {
			path = System.getProperty("user.home") + path.substring(1);
		}
		String username = environment.getProperty("spring.datasource.username", "sa");
		boolean autoServer = url.toUpperCase(Locale.ROOT).contains(";AUTO_SERVER=TRUE");
		return Optional.of(new EmbeddedH2(url, username, Path.of(path).toAbsolutePath().normalize(), autoServer));
	}

	Path folder() {
		return this.database.getParent();
	}

	Path passwordFile() {
		return folder().resolve("db-password");
	}

	/** Whether the database was made by an earlier start (with or without a password). */
	boolean exists() {
		return Files.exists(folder().resolve(this.database.getFileName() + ".mv.db"));
	}

	/** Whether {@code file} is one of the database's own files, such as its lock file. */
	boolean owns(Path file) {
		return file.getFileName().toString().startsWith(this.database.getFileName() + ".");
	}

}
