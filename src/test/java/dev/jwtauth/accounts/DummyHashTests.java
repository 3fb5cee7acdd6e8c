package dev.jwtauth.accounts;

import org.junit.jupiter.api.Test;

import org.springframework.security.crypto.password.PasswordEncoder;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The fixed hash that a login with an unknown name is checked against must cost what a
 * real account's check costs: same algorithm, same parameters as a hash made today.
 */
class DummyHashTests {

	private final PasswordEncoder encoder = new PasswordHashing().passwordEncoder();

	@Test
	void dummyHashWhenComparedWithAFreshHashThenSameAlgorithmAndParameters() {
		String fresh = this.encoder.encode("a password of today");
		assertThat(parameters(Credentials.DUMMY_HASH)).isEqualTo(parameters(fresh));
		assertThat(this.encoder.upgradeEncoding(Credentials.DUMMY_HASH)).isFalse();
	}

	@Test
	void dummyHashWhenCheckedThenAWellFormedHashThatMatchesNoLikelyPassword() {
		for (String password : new String[] { "", "password", "123456", "{argon2id}" }) {
			assertThat(this.encoder.matches(password, Credentials.DUMMY_HASH)).isFalse();
		}
	}

	/** {@code {argon2id}$argon2id$v=19$m=7168,t=10,p=1$salt$hash} up to the salt. */
	private static String parameters(String hash) {
		String[] parts = hash.split("\\$");
		return String.join("$", parts[0], parts[1], parts[2], parts[3]);
	}

}
