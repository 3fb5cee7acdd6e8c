package dev.jwtauth.mfa;

import java.nio.charset.StandardCharsets;
import java.security.InvalidKeyException;
import java.security.MessageDigest;
import java.security.SecureRandom;
import java.time.Duration;
import java.time.Instant;
import java.util.Locale;
import java.util.OptionalLong;

import javax.crypto.spec.SecretKeySpec;

import com.eatthepath.otp.TimeBasedOneTimePasswordGenerator;

/**
 * RFC 6238 codes as authenticator apps make them by default: HMAC-SHA-1, 30-second steps,
 * 6 digits, a 160-bit secret. The codes come from java-otp; this class only chooses which
 * time steps a code may be for.
 */
final class Totp {

	static final Duration STEP = Duration.ofSeconds(30);

	static final int SECRET_BYTES = 20;

	/** One step either way: a phone's clock a little off, a code typed as it turned. */
	static final int DRIFT_STEPS = 1;

	private final TimeBasedOneTimePasswordGenerator generator;

	private final int digits;

	Totp() {
		this(6);
	}

	Totp(int digits) {
		this.digits = digits;
		this.generator = new TimeBasedOneTimePasswordGenerator(STEP, digits,
				TimeBasedOneTimePasswordGenerator.TOTP_ALGORITHM_HMAC_SHA1);
	}

	static byte[] newSecret(SecureRandom random) {
		byte[] secret = new byte[SECRET_BYTES];
		random.nextBytes(secret);
		return secret;
	}

	static long stepAt(Instant instant) {
		return Math.floorDiv(instant.getEpochSecond(), STEP.toSeconds());
	}

	String codeAt(byte[] secret, Instant instant) {
		try {
			return this.generator.generateOneTimePasswordString(new SecretKeySpec(secret, "HmacSHA1"), instant,
					Locale.ROOT);
		}
		catch (InvalidKeyException ex) {
			throw new IllegalStateException(ex);
		}
	}

	/**
	 * The time step within the drift window around {@code now} that the code is for, or
	 * empty. Every step of the window is computed and compared in constant time, so the
	 * answer's timing says nothing about which step, if any, matched.
	 */
	OptionalLong stepOf(byte[] secret, String code, Instant now) {
		if (code.length() != this.digits || !code.chars().allMatch((c) -> c >= '0' && c <= '9')) {
			return OptionalLong.empty();
		}
		byte[] presented = code.getBytes(StandardCharsets.US_ASCII);
		long current = stepAt(now);
		long found = Long.MIN_VALUE;
		for (long step = current - DRIFT_STEPS; step <= current + DRIFT_STEPS; step++) {
			byte[] expected = codeAt(secret, Instant.ofEpochSecond(step * STEP.toSeconds()))
				.getBytes(StandardCharsets.US_ASCII);
			if (MessageDigest.isEqual(expected, presented) && found == Long.MIN_VALUE) {
				found = step;
			}
		}
		return (found != Long.MIN_VALUE) ? OptionalLong.of(found) : OptionalLong.empty();
	}

}
