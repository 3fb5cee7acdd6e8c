package dev.jwtauth.passkeys;

import java.util.Map;
import java.util.concurrent.ThreadLocalRandom;

import dev.jwtauth.testing.SoftAuthenticator;
import dev.jwtauth.testing.TwoInstancesTest;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Two instances of the service on one database, over real HTTP: a ceremony started on
 * one finishes on the other, and its challenge, once spent there, is spent everywhere.
 */
class PasskeysAcrossInstancesTests extends TwoInstancesTest {

	@Test
	@SuppressWarnings("unchecked")
	void ceremoniesWhenStartedOnOneInstanceThenFinishedOnTheOther() throws Exception {
		String username = "pk-multi-" + Long.toString(ThreadLocalRandom.current().nextLong() & Long.MAX_VALUE, 36);
		assertThat(post(first, "/signup", Map.of("username", username, "password", PASSWORD)).status()).isEqualTo(201);
		String token = post(first, "/auth", Map.of("username", username, "password", PASSWORD)).string("access_token");
		SoftAuthenticator authenticator = new SoftAuthenticator();

		Answer options = post(first, "/me/passkeys/options", Map.of("current_password", PASSWORD), token);
		assertThat(options.status()).isEqualTo(200);
		Answer added = post(second, "/me/passkeys", Map.of("credential", authenticator.create(options.body())), token);
		assertThat(added.status()).as(added.body().toString()).isEqualTo(201);

		Answer challenge = post(second, "/auth/passkey/options", Map.of());
		Map<String, Object> credential = authenticator.get((Map<String, Object>) challenge.body().get("options"));
		Map<String, Object> login = Map.of("challenge_id", challenge.string("challenge_id"), "credential", credential);
		Answer tokens = post(first, "/auth/passkey", login);
		assertThat(tokens.status()).as(tokens.body().toString()).isEqualTo(200);
		assertThat(tokens.body()).containsKey("access_token");
		assertThat(post(second, "/auth/passkey", login).status()).as("spent on the first instance").isEqualTo(401);
	}

}
