package dev.jwtauth.accounts;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import dev.jwtauth.testing.IntegrationTest;
import org.junit.jupiter.api.Test;

import org.springframework.test.context.TestPropertySource;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A login flood against a deliberately small hashing pool: the excess is refused at once
 * with 503 and {@code Retry-After}, never queued without bound, never a 500.
 */
@TestPropertySource(properties = { "accounts.hashing-threads=1", "accounts.hashing-queue=1" })
class HashingPoolIntegrationTests extends IntegrationTest {

	@Test
	void loginFloodWhenPoolIsFullThenExcessIs503WithRetryAfter() throws Exception {
		int callers = 12;
		// One account each: logins in flight for one account count against its lockout.
		List<User> users = new ArrayList<>();
		for (int i = 0; i < callers; i++) {
			users.add(signup("flood"));
		}
		User user = users.get(0);
		ExecutorService pool = Executors.newFixedThreadPool(callers);
		CountDownLatch start = new CountDownLatch(1);
		try {
			List<Future<Reply>> replies = new ArrayList<>();
			for (User caller : users) {
				replies.add(pool.submit(() -> {
					start.await();
					return postJson("/auth", map("username", caller.username(), "password", PASSWORD));
				}));
			}
			start.countDown();
			int ok = 0;
			int busy = 0;
			for (Future<Reply> future : replies) {
				Reply reply = future.get();
				assertThat(reply.status()).as(reply.body()).isIn(200, 503);
				if (reply.status() == 503) {
					busy++;
					assertThat(reply.header("Retry-After")).isEqualTo("1");
					assertThat(reply.contentType()).startsWith("application/problem+json");
				}
				else {
					ok++;
				}
			}
			assertThat(busy).isPositive();
			assertThat(ok).isPositive();
		}
		finally {
			pool.shutdownNow();
		}
		assertThat(postJson("/auth", map("username", user.username(), "password", PASSWORD)).status())
			.isEqualTo(200);
	}

}
