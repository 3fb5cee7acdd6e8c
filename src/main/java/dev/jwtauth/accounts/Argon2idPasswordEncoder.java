package dev.jwtauth.accounts;

import java.nio.charset.StandardCharsets;
import java.util.Arrays;

import de.mkammerer.argon2.Argon2;
import de.mkammerer.argon2.Argon2Factory;
import org.apache.commons.logging.Log;
import org.apache.commons.logging.LogFactory;
import org.jspecify.annotations.Nullable;

import org.springframework.security.crypto.argon2.Argon2PasswordEncoder;
import org.springframework.security.crypto.codec.Utf8;
import org.springframework.security.crypto.password.PasswordEncoder;

/**
 * Argon2id with the reference C implementation (argon2-jvm, through JNA) where its native
 * library loads, and with BouncyCastle's Java one (Spring Security's encoder) where it
 * does not. Both read and write the same PHC strings ({@code $argon2id$v=19$m=...}), so
 * hashes made by either verify with the other.
 * <p>
 * The native one is preferred: faster at a steady speed, and without the Java one's
 * garbage, which a small heap pays for in collections that stop token checks too
 * (docs/performance.md).
 */
final class Argon2idPasswordEncoder implements PasswordEncoder {

	static final int SALT_LENGTH = 16;

	static final int HASH_LENGTH = 32;

	static final int PARALLELISM = 1;

	static final int MEMORY_KIB = 7 * 1024;

	static final int ITERATIONS = 10;

	private static final Log logger = LogFactory.getLog(Argon2idPasswordEncoder.class);

	private final Argon2PasswordEncoder java = new Argon2PasswordEncoder(SALT_LENGTH, HASH_LENGTH, PARALLELISM,
			MEMORY_KIB, ITERATIONS);

	private final boolean preferNative;

	/** @param preferNative false to use the Java implementation even where the native one loads */
	Argon2idPasswordEncoder(boolean preferNative) {
		this.preferNative = preferNative;
	}

	/** Whether hashing runs in the native library; loads it on first call. */
	boolean isNative() {
		return native_() != null;
	}

	@Override
	public String encode(CharSequence rawPassword) {
		Argon2 argon2 = native_();
		if (argon2 == null) {
			return this.java.encode(rawPassword);
		}
		byte[] password = utf8(rawPassword);
		try {
			return argon2.hash(ITERATIONS, MEMORY_KIB, PARALLELISM, password);
		}
		finally {
			Arrays.fill(password, (byte) 0);
		}
	}

	@Override
	public boolean matches(CharSequence rawPassword, String encodedPassword) {
		Argon2 argon2 = native_();
		if (argon2 == null) {
			return this.java.matches(rawPassword, encodedPassword);
		}
		if (encodedPassword == null || !encodedPassword.startsWith("$argon2id$")) {
			return false;
		}
		byte[] password = utf8(rawPassword);
		try {
			return argon2.verify(encodedPassword, password);
		}
		catch (IllegalStateException ex) {
			// the library refuses a malformed hash string: no password matches it
			return false;
		}
		finally {
			Arrays.fill(password, (byte) 0);
		}
	}

	@Override
	public boolean upgradeEncoding(String encodedPassword) {
		// reads the parameters only, whichever implementation hashes
		return this.java.upgradeEncoding(encodedPassword);
	}

	private @Nullable Argon2 native_() {
		return this.preferNative ? NativeArgon2.INSTANCE : null;
	}

	/** The bytes Spring's encoder hashes, with the same conversion. */
	private static byte[] utf8(CharSequence rawPassword) {
		return Utf8.encode(rawPassword);
	}

	/**
	 * Loaded on the first hash rather than at start-up: JNA unpacks and links two native
	 * libraries, which takes a few hundred milliseconds that the first answer need not wait for.
	 */
	private static final class NativeArgon2 {

		static final @Nullable Argon2 INSTANCE = load();

		private static @Nullable Argon2 load() {
			try {
				Argon2 argon2 = Argon2Factory.create(Argon2Factory.Argon2Types.ARGON2id, SALT_LENGTH, HASH_LENGTH);
				// a round trip proves the library works here, not only that it linked
				byte[] probe = "probe".getBytes(StandardCharsets.UTF_8);
				if (!argon2.verify(argon2.hash(1, 8, 1, probe), probe)) {
					throw new IllegalStateException("the native Argon2 did not verify its own hash");
				}
				return argon2;
			}
			catch (LinkageError | RuntimeException ex) {
				logger.warn("Native Argon2 is not available on this platform (" + ex.getClass().getSimpleName()
						+ "); hashing passwords with the slower Java implementation");
				return null;
			}
		}

	}

}
