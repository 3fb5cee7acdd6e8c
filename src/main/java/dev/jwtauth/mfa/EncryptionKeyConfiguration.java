package dev.jwtauth.mfa;

import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.util.Base64;

import dev.jwtauth.storage.OwnerOnly;
import dev.jwtauth.tokens.TokenProperties;
import org.apache.commons.logging.Log;
import org.apache.commons.logging.LogFactory;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * The key that TOTP secrets are encrypted with, kept outside the database: from
 * {@code MFA_ENCRYPTION_KEY} (base64 of 32 bytes), or generated at first start into an
 * owner-only file beside the generated token secret, as that secret is, so that a
 * stolen database dump alone opens no secret.
 */
@Configuration(proxyBeanMethods = false)
class EncryptionKeyConfiguration {

	private static final Log log = LogFactory.getLog(EncryptionKeyConfiguration.class);

	private static final int KEY_BYTES = 32;

	@Bean
	SecretCipher secretCipher(MfaProperties properties, TokenProperties tokens) {
		if (properties.encryptionKey() != null) {
			return new SecretCipher(decode(properties.encryptionKey(), "MFA_ENCRYPTION_KEY"));
		}
		Path file = (properties.generatedKeyFile() != null) ? properties.generatedKeyFile()
				: tokens.generatedSecretFile().toAbsolutePath().normalize().resolveSibling("mfa-key");
		return new SecretCipher(fromFile(file));
	}

	private static byte[] decode(String encoded, String source) {
		byte[] key;
		try {
			key = Base64.getMimeDecoder().decode(encoded.strip().replace('-', '+').replace('_', '/'));
		}
		catch (IllegalArgumentException ex) {
			key = new byte[0];
		}
		if (key.length != KEY_BYTES) {
			throw new IllegalStateException(source + " must be base64 of " + KEY_BYTES
					+ " random bytes (AES-256); generate one with: openssl rand -base64 32");
		}
		return key;
	}

	private static byte[] fromFile(Path file) {
		try {
			if (!Files.exists(file)) {
				generate(file);
			}
			return decode(Files.readString(file, StandardCharsets.US_ASCII), "The key kept in " + file);
		}
		catch (IOException ex) {
			throw new UncheckedIOException("Cannot read or create the second-factor key file " + file, ex);
		}
	}

	private static void generate(Path file) throws IOException {
		byte[] key = new byte[KEY_BYTES];
		new SecureRandom().nextBytes(key);
		Path directory = file.toAbsolutePath().normalize().getParent();
		OwnerOnly.folder(directory);
		// Written whole to a private temporary file, then linked into place: the link
		// fails if another instance sharing this folder got there first, and nobody ever
		// reads a half-written key.
		Path temporary = directory.resolve(".mfa-key-" + Long.toUnsignedString(new SecureRandom().nextLong()) + ".tmp");
		try {
			try (OutputStream out = OwnerOnly.newFile(temporary)) {
				out.write(Base64.getEncoder().encode(key));
			}
			Files.createLink(file, temporary);
		}
		catch (FileAlreadyExistsException ex) {
			return;
		}
		finally {
			Files.deleteIfExists(temporary);
		}
		log.warn("MFA_ENCRYPTION_KEY is not set: generated the key that encrypts TOTP secrets and kept it in "
				+ file.toAbsolutePath().normalize()
				+ " (owner-only). Set MFA_ENCRYPTION_KEY to share one key between instances, and back it up:"
				+ " without it no TOTP factor works.");
	}

}
