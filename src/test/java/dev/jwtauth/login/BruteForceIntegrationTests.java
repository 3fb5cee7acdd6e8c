package dev.jwtauth.login;

import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;

import dev.jwtauth.testing.AdjustableClock;
import dev.jwtauth.testing.IntegrationTest;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.context.annotation.Import;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Password guessing as an attacker does it: per-account lockout with a lock that lifts
 * by itself, the same treatment for names that do not exist, no tell in status, body
 * or timing, and an audit line for each attempt.
 */
@Import(AdjustableClock.Configuration.class)
@ExtendWith(OutputCaptureExtension.class)
class BruteForceIntegrationTests extends IntegrationTest {

	@Autowired
	private AdjustableClock clock;

	@AfterEach
	void resetClock() {
		this.clock.reset();
	}

	private Reply attempt(String username, String password) throws Exception {
		return postJson("/auth", map("username", username, "password", password));
	}

	@Test
	void guessingWhenFiveFailuresThenLockedEvenForTheRightPasswordUntilTheWindowPasses() throws Exception {
		User user = signup("target");
		for (int i = 0; i < 5; i++) {
			assertThat(attempt(user.username(), "guess-" + i + "-password").status()).isEqualTo(401);
		}
		Reply locked = attempt(user.username(), PASSWORD);
		assertThat(locked.status()).isEqualTo(429);
		assertThat(locked.contentType()).startsWith("application/problem+json");
		long retryAfter = Long.parseLong(locked.header("Retry-After"));
		assertThat(retryAfter).isBetween(1L, 15 * 60L);
		// another spelling of the same name is the same account
		assertThat(attempt(user.username().toUpperCase(), PASSWORD).status()).isEqualTo(429);

		this.clock.advance(Duration.ofMinutes(15).plusSeconds(1));
		assertThat(attempt(user.username(), PASSWORD).status()).isEqualTo(200);
	}

	@Test
	void guessingWhenByUsernameThenByEmailThenOneBudgetForTheAccount() throws Exception {
		String username = uniqueName("two-names");
		String email = username + "@example.com";
		assertThat(postJson("/signup", map("username", username, "password", PASSWORD, "email", email)).status())
			.isEqualTo(201);
		for (int i = 0; i < 5; i++) {
			assertThat(attempt(username, "guess-" + i + "-password").status()).isEqualTo(401);
		}
		assertThat(postJson("/auth", map("email", email, "password", "guess-5-password")).status()).isEqualTo(429);
		assertThat(postJson("/auth", map("email", email, "password", PASSWORD)).status()).isEqualTo(429);
	}

	@Test
	void guessingWhenTheNameDoesNotExistThenLockedExactlyTheSame() throws Exception {
		User real = signup("real");
		String ghost = uniqueName("ghost");
		List<Reply> realReplies = new ArrayList<>();
		List<Reply> ghostReplies = new ArrayList<>();
		for (int i = 0; i < 6; i++) {
			realReplies.add(attempt(real.username(), "wrong-password-" + i));
			ghostReplies.add(attempt(ghost, "wrong-password-" + i));
		}
		for (int i = 0; i < 6; i++) {
			assertThat(ghostReplies.get(i).status()).isEqualTo(realReplies.get(i).status());
			assertThat(withoutInstance(ghostReplies.get(i))).isEqualTo(withoutInstance(realReplies.get(i)));
		}
		assertThat(ghostReplies.get(5).status()).isEqualTo(429);
	}

	@Test
	void loginWhenSucceededThenTheFailureCountStartsAfresh() throws Exception {
		User user = signup("forgetful");
		for (int i = 0; i < 4; i++) {
			attempt(user.username(), "almost-" + i + "-password");
		}
		assertThat(attempt(user.username(), PASSWORD).status()).isEqualTo(200);
		for (int i = 0; i < 4; i++) {
			assertThat(attempt(user.username(), "again-" + i + "-password").status()).isEqualTo(401);
		}
		assertThat(attempt(user.username(), PASSWORD).status()).isEqualTo(200);
	}

	@Test
	void passwordChangeWhenCurrentPasswordGuessedThenCountsTowardsTheLock() throws Exception {
		User user = signup("stolen");
		String token = login(user);
		for (int i = 0; i < 5; i++) {
			Reply reply = postJson("/me/password", map("current_password", "guess-" + i + "-password", "new_password",
					"n3w-Garden-path"), "Authorization", "Bearer " + token);
			assertThat(reply.status()).isEqualTo(400);
		}
		assertThat(attempt(user.username(), PASSWORD).status()).isEqualTo(429);
		Reply change = postJson("/me/password", map("current_password", PASSWORD, "new_password", "n3w-Garden-path"),
				"Authorization", "Bearer " + token);
		assertThat(change.status()).isEqualTo(429);
	}

	@Test
	void loginWhenNameUnknownThenTakesAboutAsLongAsAWrongPassword() throws Exception {
		int tries = 9;
		List<User> users = new ArrayList<>();
		for (int i = 0; i < tries; i++) {
			users.add(signup("timed"));
		}
		attempt(uniqueName("warm"), "warm-up-password");
		List<Long> wrongPassword = new ArrayList<>();
		List<Long> unknownName = new ArrayList<>();
		for (int i = 0; i < tries; i++) {
			long start = System.nanoTime();
			attempt(users.get(i).username(), "not-the-password");
			wrongPassword.add(System.nanoTime() - start);
			start = System.nanoTime();
			attempt(uniqueName("nobody"), "not-the-password");
			unknownName.add(System.nanoTime() - start);
		}
		double ratio = (double) median(unknownName) / median(wrongPassword);
		// without the dummy hash an unknown name answers in well under a tenth of the time
		assertThat(ratio).isBetween(0.5, 2.0);
	}

	@Test
	void attemptsWhenMadeThenEachIsAnAuditLineWithoutTheSecret(CapturedOutput output) throws Exception {
		User user = signup("audited");
		attempt(user.username(), "wrong-but-secret-guess");
		Reply ok = attempt(user.username(), PASSWORD);
		String audit = output.getOut();
		assertThat(audit).contains("event=login user=- client=127.0.0.1 outcome=failure");
		assertThat(audit).contains("event=login user=" + user.id() + " client=127.0.0.1 outcome=success");
		assertThat(audit).contains("event=signup user=" + user.id());
		assertThat(audit).doesNotContain("wrong-but-secret-guess")
			.doesNotContain(PASSWORD)
			.doesNotContain(ok.string("access_token"))
			.doesNotContain(ok.string("refresh_token"));
	}

	private static long median(List<Long> values) {
		List<Long> sorted = new ArrayList<>(values);
		Collections.sort(sorted);
		return sorted.get(sorted.size() / 2);
	}

	private static Map<String, Object> withoutInstance(Reply reply) {
		Map<String, Object> body = reply.object();
		body.remove("instance");
		return body;
	}

}
