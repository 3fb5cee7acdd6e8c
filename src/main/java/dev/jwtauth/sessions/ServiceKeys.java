package dev.jwtauth.sessions;

import java.security.SecureRandom;
import java.util.Base64;
import java.util.List;

import org.springframework.dao.DuplicateKeyException;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

/**
 * Random secrets that every instance sharing the database must agree on, created by
 * whichever instance needs one first. Kept apart from the token-signing secret: one
 * secret, one purpose.
 */
@Component
class ServiceKeys {

	private final JdbcTemplate jdbc;

	private final SecureRandom random = new SecureRandom();

	ServiceKeys(JdbcTemplate jdbc) {
		this.jdbc = jdbc;
	}

	byte[] get(String name) {
		List<String> existing = read(name);
		if (existing.isEmpty()) {
			byte[] bytes = new byte[32];
			this.random.nextBytes(bytes);
			try {
				this.jdbc.update("insert into service_key (name, secret) values (?, ?)", name,
						Base64.getEncoder().encodeToString(bytes));
			}
			catch (DuplicateKeyException ex) {
				// another instance created it first: use theirs
			}
			existing = read(name);
		}
		return Base64.getDecoder().decode(existing.get(0));
	}

	private List<String> read(String name) {
		return this.jdbc.queryForList("select secret from service_key where name = ?", String.class, name);
	}

}
