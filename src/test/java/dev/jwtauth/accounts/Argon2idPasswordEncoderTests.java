package dev.jwtauth.accounts;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.junit.jupiter.api.Test;

import org.springframework.security.crypto.argon2.Argon2PasswordEncoder;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The native Argon2id and the Java fallback are interchangeable: each verifies the
 * other's hashes, with the parameters the service promises, for any password a person
 * can type.
 */
class Argon2idPasswordEncoderTests {

	private final Argon2idPasswordEncoder nativeEncoder = new Argon2idPasswordEncoder(true);

	private final Argon2idPasswordEncoder javaEncoder = new Argon2idPasswordEncoder(false);

	@Test
	void nativeLibraryWhenOnThisPlatformThenLoaded() {
		// Linux x86-64 (the machines the service is built and run on): the native library ships in the jar
		assertThat(this.nativeEncoder.isNative()).isTrue();
		assertThat(this.javaEncoder.isNative()).isFalse();
	}

	@ParameterizedTest
	@ValueSource(strings = { "correct horse battery staple", "pässwörd-ÄÖÜ-ß", "密码密码密码密码", "emoji 🔑🔒 key",
			"a password of exactly one hundred and twenty-eight characters, which bcrypt would cut at seventy-two bytes!!!!!!!!!!!!!!!!!!!!!" })
	void hashWhenMadeByEitherThenVerifiedByBoth(String password) {
		String byNative = this.nativeEncoder.encode(password);
		String byJava = this.javaEncoder.encode(password);
		assertThat(byNative).startsWith("$argon2id$v=19$m=7168,t=10,p=1$");
		assertThat(byJava).startsWith("$argon2id$v=19$m=7168,t=10,p=1$");
		assertThat(this.nativeEncoder.matches(password, byJava)).isTrue();
		assertThat(this.javaEncoder.matches(password, byNative)).isTrue();
		assertThat(this.nativeEncoder.matches(password, byNative)).isTrue();
		// Spring Security's own encoder, as the service used before, reads the native hash too
		assertThat(new Argon2PasswordEncoder(16, 32, 1, 7 * 1024, 10).matches(password, byNative)).isTrue();
	}

	@Test
	void passwordWhenWrongOrAltered() {
		String hash = this.nativeEncoder.encode("correct horse battery staple");
		assertThat(this.nativeEncoder.matches("correct horse battery stapl", hash)).isFalse();
		assertThat(this.nativeEncoder.matches("Correct horse battery staple", hash)).isFalse();
		assertThat(this.nativeEncoder.matches("", hash)).isFalse();
		assertThat(this.javaEncoder.matches("correct horse battery stapl", hash)).isFalse();
	}

	@Test
	void hashWhenSamePasswordTwiceThenDifferentSalts() {
		assertThat(this.nativeEncoder.encode("same password")).isNotEqualTo(this.nativeEncoder.encode("same password"));
	}

	@ParameterizedTest
	@ValueSource(strings = { "", "not a hash", "$argon2id$v=19$m=7168,t=5,p=1$", "$argon2id$v=19$m=7168,t=5,p=1$c2FsdA$",
			"$argon2id$v=19$m=x,t=5,p=1$c2FsdHNhbHRzYWx0$aGFzaA", "$argon2i$v=19$m=7168,t=5,p=1$c2FsdHNhbHRzYWx0$aGFzaA" })
	void hashWhenMalformedThenNoPasswordMatchesAndNothingThrows(String hash) {
		assertThat(this.nativeEncoder.matches("password", hash)).isFalse();
	}

	@Test
	void upgradeWhenHashIsWeakerThanTodaysThenAsked() {
		String weaker = new Argon2PasswordEncoder(16, 32, 1, 4096, 3).encode("password");
		assertThat(this.nativeEncoder.upgradeEncoding(weaker)).isTrue();
		// what the service wrote before (OWASP's minimum, 7 MiB and 5 passes) is re-hashed at the next login
		String previous = new Argon2PasswordEncoder(16, 32, 1, 7 * 1024, 5).encode("password");
		assertThat(this.nativeEncoder.upgradeEncoding(previous)).isTrue();
		assertThat(this.nativeEncoder.matches("password", previous)).isTrue();
		assertThat(this.nativeEncoder.upgradeEncoding(this.nativeEncoder.encode("password"))).isFalse();
	}

}
