package dev.jwtauth.tokens.keys;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.SecureRandom;
import java.time.Clock;
import java.util.Base64;
import java.util.List;

import javax.crypto.spec.SecretKeySpec;

import org.apache.commons.logging.Log;
import org.apache.commons.logging.LogFactory;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * Builds the signing keys at start: the HS256 secret from {@code JWT_SECRET}, or one
 * generated at first start and kept in a file readable by the owner only, so that
 * tokens survive a restart. A secret shorter than 32 bytes stops the start.
 */
@Configuration(proxyBeanMethods = false)
class SigningKeysFactory {

	static final int MIN_SECRET_BYTES = 32;

	private static final Log log = LogFactory.getLog(SigningKeysFactory.class);

	@Bean
	SigningKeys signingKeys(KeySettings properties, Clock clock) {
		if (properties.asymmetric()) {
			return SigningKeys.asymmetric(properties.algorithm(), keyPairs(properties, clock), clock,
					properties.accessTokenReach());
		}
		byte[] secret;
		if (properties.secret() != null) {
			secret = checked(properties.secret(), "JWT_SECRET");
		}
		else if (properties.secretFile() != null) {
			secret = checked(readSecretFile(Path.of(properties.secretFile())), "JWT_SECRET_FILE");
		}
		else {
			secret = fromFile(properties.generatedSecretFile());
		}
		return SigningKeys.hmac(new SecretKeySpec(secret, "HmacSHA256"));
	}

	private static String readSecretFile(Path file) {
		try {
			return Files.readString(file, StandardCharsets.UTF_8).strip();
		}
		catch (IOException ex) {
			throw new WeakSecretException("JWT_SECRET_FILE names " + file + ", which cannot be read.",
					"Point JWT_SECRET_FILE at a readable file holding the secret, or set JWT_SECRET.");
		}
	}

	/** Re-reads the key directory, so a key added there (or rotated in) is used without a restart. */
	@Bean
	KeyDirectoryReloader keyDirectoryReloader(SigningKeys keys, KeySettings properties) {
		return new KeyDirectoryReloader(keys, properties);
	}

	/** The keys in {@code JWT_KEY_DIR}; a first one is generated when there is none. */
	static List<KeyFiles.StoredKey> keyPairs(KeySettings properties, Clock clock) {
		Path directory = properties.keyDir().toAbsolutePath().normalize();
		try {
			List<KeyFiles.StoredKey> keys = KeyFiles.load(directory, properties.algorithm());
			if (keys.isEmpty()) {
				Path file = KeyFiles.generate(directory, properties.algorithm(),
						clock.instant().minusSeconds(1));
				log.warn("No " + properties.algorithm() + " key in " + directory + ": generated " + file.getFileName()
						+ " (owner-only). Give every instance the same key directory.");
				keys = KeyFiles.load(directory, properties.algorithm());
			}
			else {
				log.info("Signing " + properties.algorithm() + " tokens with keys from " + directory);
			}
			return keys;
		}
		catch (IOException ex) {
			throw new UncheckedIOException("Cannot read or create keys in " + directory, ex);
		}
	}

	private static byte[] checked(String secret, String source) {
		byte[] bytes = longEnough(secret.getBytes(StandardCharsets.UTF_8), source,
				"Set " + source + " to at least 32 random bytes, for example: openssl rand -base64 48");
		if (TutorialSecrets.isKnown(secret)) {
			throw new WeakSecretException(source + " is a well-known example secret from tutorials and documentation.",
					"Generate a random secret, for example: openssl rand -base64 48");
		}
		return bytes;
	}

	/** The secret's bytes, unless HS256 finds them too few: then the start stops, naming the secret. */
	private static byte[] longEnough(byte[] bytes, String secret, String action) {
		if (bytes.length < MIN_SECRET_BYTES) {
			throw new WeakSecretException(
					secret + " is " + bytes.length + " bytes long; HS256 needs at least " + MIN_SECRET_BYTES + ".",
					action);
		}
		return bytes;
	}

	private static byte[] fromFile(Path file) {
		try {
			if (!Files.exists(file)) {
				generate(file);
			}
			else {
				log.info("Signing tokens with the secret kept in " + file.toAbsolutePath().normalize());
			}
			return longEnough(Files.readString(file, StandardCharsets.UTF_8).strip().getBytes(StandardCharsets.UTF_8),
					"The secret kept in " + file, "Delete the file to have a new secret generated, or set JWT_SECRET.");
		}
		catch (IOException ex) {
			throw new UncheckedIOException("Cannot read or create the token secret file " + file, ex);
		}
	}

	private static void generate(Path file) throws IOException {
		byte[] random = new byte[48];
		new SecureRandom().nextBytes(random);
		String secret = Base64.getUrlEncoder().withoutPadding().encodeToString(random);
		Path directory = file.toAbsolutePath().normalize().getParent();
		boolean posix = file.getFileSystem().supportedFileAttributeViews().contains("posix");
		if (posix && !Files.exists(directory)) {
			Files.createDirectories(directory,
					PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rwx------")));
		}
		Files.createDirectories(directory);
		// Written whole to a private temporary file, then linked into place: the link
		// fails if another instance sharing this directory got there first, and nobody
		// ever reads a half-written secret.
		Path temporary = posix
				? Files.createTempFile(directory, ".jwt-secret", ".tmp",
						PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rw-------")))
				: Files.createTempFile(directory, ".jwt-secret", ".tmp");
		try {
			Files.writeString(temporary, secret, StandardCharsets.UTF_8);
			Files.createLink(file, temporary);
		}
		catch (FileAlreadyExistsException ex) {
			return;
		}
		finally {
			Files.deleteIfExists(temporary);
		}
		log.warn("JWT_SECRET is not set: generated a signing secret and kept it in "
				+ file.toAbsolutePath().normalize()
				+ " (owner-only). Set JWT_SECRET to share one secret between instances.");
	}

}
