package dev.jwtauth.accounts;

import java.util.Map;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.security.crypto.argon2.Argon2PasswordEncoder;
import org.springframework.security.crypto.bcrypt.BCryptPasswordEncoder;
import org.springframework.security.crypto.password.DelegatingPasswordEncoder;
import org.springframework.security.crypto.password.PasswordEncoder;

/**
 * Argon2id with 7 MiB, 10 passes and 1 lane: twice the work of OWASP's minimum at that
 * memory, affordable because it is hashed natively ({@link Argon2idPasswordEncoder};
 * docs/design.md). Behind a delegating encoder:
 * every hash is prefixed with its algorithm, so older hashes (say bcrypt, imported)
 * still verify and are re-hashed on the next successful login. Argon2 has no 72-byte
 * input limit, so a 128-character password is used whole.
 */
@Configuration(proxyBeanMethods = false)
class PasswordHashing {

	static final String CURRENT = "argon2id";

	@Bean
	PasswordEncoder passwordEncoder() {
		PasswordEncoder argon2id = new Argon2idPasswordEncoder(true);
		Map<String, PasswordEncoder> encoders = Map.of(CURRENT, argon2id, "bcrypt", new BCryptPasswordEncoder(),
				"argon2@SpringSecurity_v5_8", Argon2PasswordEncoder.defaultsForSpringSecurity_v5_8());
		return new DelegatingPasswordEncoder(CURRENT, encoders);
	}

}
