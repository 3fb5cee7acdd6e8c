package dev.jwtauth.mfa;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.UUID;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalStateException;

/**
 * The codes against RFC 6238's own test vectors, the drift window, and the sealing of
 * secrets.
 */
class TotpTests {

	/** RFC 6238 Appendix B: the SHA-1 seed, ASCII "12345678901234567890". */
	private static final byte[] RFC_SEED = "12345678901234567890".getBytes(StandardCharsets.US_ASCII);

	@ParameterizedTest
	@CsvSource({ "59, 94287082", "1111111109, 07081804", "1111111111, 14050471", "1234567890, 89005924",
			"2000000000, 69279037", "20000000000, 65353130" })
	void codeWhenRfc6238Sha1VectorThenMatchesAtEightAndSixDigits(long seconds, String expected) {
		Instant time = Instant.ofEpochSecond(seconds);
		assertThat(new Totp(8).codeAt(RFC_SEED, time)).isEqualTo(expected);
		// Six digits are the same number modulo 10^6 (RFC 4226 §5.3).
		assertThat(new Totp().codeAt(RFC_SEED, time)).isEqualTo(expected.substring(2));
	}

	@Test
	void stepOfWhenCodeWithinOneStepEitherWayThenFound() {
		Totp totp = new Totp();
		Instant now = Instant.ofEpochSecond(1_234_567_890);
		long current = Totp.stepAt(now);
		assertThat(totp.stepOf(RFC_SEED, totp.codeAt(RFC_SEED, now), now)).hasValue(current);
		assertThat(totp.stepOf(RFC_SEED, totp.codeAt(RFC_SEED, now.minusSeconds(30)), now)).hasValue(current - 1);
		assertThat(totp.stepOf(RFC_SEED, totp.codeAt(RFC_SEED, now.plusSeconds(30)), now)).hasValue(current + 1);
	}

	@Test
	void stepOfWhenCodeTwoStepsAwayThenRefused() {
		Totp totp = new Totp();
		Instant now = Instant.ofEpochSecond(1_234_567_890);
		assertThat(totp.stepOf(RFC_SEED, totp.codeAt(RFC_SEED, now.minusSeconds(60)), now)).isEmpty();
		assertThat(totp.stepOf(RFC_SEED, totp.codeAt(RFC_SEED, now.plusSeconds(60)), now)).isEmpty();
	}

	@Test
	void stepOfWhenNotSixDigitsThenRefused() {
		Totp totp = new Totp();
		Instant now = Instant.ofEpochSecond(59);
		// 94287082 at 59 s: its last six digits are the code, the whole is not.
		assertThat(totp.stepOf(RFC_SEED, "94287082", now)).isEmpty();
		assertThat(totp.stepOf(RFC_SEED, "28708", now)).isEmpty();
		assertThat(totp.stepOf(RFC_SEED, "２８７０８２", now)).as("full-width digits").isEmpty();
		assertThat(totp.stepOf(RFC_SEED, "287082", now)).isPresent();
	}

	@Test
	void openWhenSealedForAnotherAccountOrChangedThenRefused() {
		SecretCipher cipher = new SecretCipher(new byte[32]);
		UUID owner = UUID.randomUUID();
		String sealed = cipher.seal(RFC_SEED, owner);
		assertThat(cipher.open(sealed, owner)).isEqualTo(RFC_SEED);
		assertThat(sealed).doesNotContain("12345678901234567890").doesNotContain("GEZDGNBVGY3TQOJQGEZDGNBVGY3TQOJQ");
		assertThatIllegalStateException().isThrownBy(() -> cipher.open(sealed, UUID.randomUUID()));
		char last = sealed.charAt(sealed.length() - 1);
		String changed = sealed.substring(0, sealed.length() - 1) + ((last == 'A') ? 'B' : 'A');
		assertThatIllegalStateException().isThrownBy(() -> cipher.open(changed, owner));
		byte[] otherKey = new byte[32];
		otherKey[0] = 1;
		assertThatIllegalStateException().isThrownBy(() -> new SecretCipher(otherKey).open(sealed, owner));
	}

}
