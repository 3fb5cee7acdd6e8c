package dev.jwtauth.accounts;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.function.IntFunction;

import dev.jwtauth.testing.IntegrationTest;
import org.junit.jupiter.api.Test;

import org.springframework.test.context.TestPropertySource;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A crowd of signups for one name against a deliberately small hashing pool: one account
 * at most, every other answer 409, and never a 503, because only a signup that can still
 * create an account waits for a hashing thread.
 */
@TestPropertySource(properties = { "accounts.hashing-threads=1", "accounts.hashing-queue=1" })
class SignupCrowdIntegrationTests extends IntegrationTest {

	private static final int CROWD = 30;

	@Test
	void signupWhenUsernameTakenAndACrowdSignsUpWithItThenAll409() throws Exception {
		String username = uniqueName("taken");
		assertThat(postJson("/signup", map("username", username, "password", PASSWORD)).status()).isEqualTo(201);

		assertThat(statuses(crowd((i) -> map("username", username.toUpperCase(), "password", PASSWORD))))
			.containsOnly(409);
	}

	@Test
	void signupWhenEmailIsAnotherUsersNameAndACrowdSignsUpWithItThenAll409() throws Exception {
		String username = uniqueName("mail") + "@example.com";
		assertThat(postJson("/signup", map("username", username, "password", PASSWORD)).status()).isEqualTo(201);

		List<Reply> replies = crowd(
				(i) -> map("username", uniqueName("other"), "email", username.toUpperCase(), "password", PASSWORD));
		assertThat(statuses(replies)).containsOnly(409);
	}

	@Test
	void signupWhenACrowdSignsUpWithOneNewNameThenOne201AndThe409Rest() throws Exception {
		String username = uniqueName("race");

		List<Integer> statuses = statuses(crowd((i) -> map("username", username, "password", PASSWORD)));

		assertThat(statuses).doesNotContain(503);
		assertThat(statuses).filteredOn((status) -> status == 201).hasSize(1);
		assertThat(statuses).filteredOn((status) -> status == 409).hasSize(CROWD - 1);
		assertThat(login(username, PASSWORD)).isNotBlank();
	}

	/** Every signup starts at the same moment, each from its own thread. */
	private List<Reply> crowd(IntFunction<Map<String, Object>> bodies) throws Exception {
		ExecutorService threads = Executors.newFixedThreadPool(CROWD);
		CountDownLatch start = new CountDownLatch(1);
		try {
			List<Future<Reply>> replies = new ArrayList<>();
			for (int i = 0; i < CROWD; i++) {
				Map<String, Object> body = bodies.apply(i);
				replies.add(threads.submit(() -> {
					start.await();
					return postJson("/signup", body);
				}));
			}
			start.countDown();
			List<Reply> answered = new ArrayList<>();
			for (Future<Reply> reply : replies) {
				answered.add(reply.get());
			}
			return answered;
		}
		finally {
			threads.shutdown();
		}
	}

	private static List<Integer> statuses(List<Reply> replies) {
		return replies.stream().map(Reply::status).toList();
	}

}
