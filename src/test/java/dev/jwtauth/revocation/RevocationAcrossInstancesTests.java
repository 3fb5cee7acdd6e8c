package dev.jwtauth.revocation;

import java.net.URI;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.TimeUnit;

import dev.jwtauth.accounts.Accounts;
import dev.jwtauth.accounts.NewAccount;
import dev.jwtauth.accounts.Role;
import dev.jwtauth.testing.TwoInstancesTest;
import org.junit.jupiter.api.Test;

import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.scheduling.TaskScheduler;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Two instances of the service on one database, over real HTTP: a revocation made on
 * one is honoured by the other within a second.
 */
class RevocationAcrossInstancesTests extends TwoInstancesTest {

	private static final Duration AT_ONCE = Duration.ofSeconds(1);

	private static HttpResponse<String> send(HttpRequest.Builder request) throws Exception {
		return HTTP.send(request.build(), HttpResponse.BodyHandlers.ofString());
	}

	private static String signup() throws Exception {
		String username = "multi-" + Long.toString(ThreadLocalRandom.current().nextLong() & Long.MAX_VALUE, 36);
		send(post(base(first) + "/signup", Map.of("username", username, "password", PASSWORD)));
		return username;
	}

	private static HttpRequest.Builder post(String url, Object body) {
		return HttpRequest.newBuilder(URI.create(url))
			.header("Content-Type", "application/json")
			.POST(HttpRequest.BodyPublishers.ofString(JSON.writeValueAsString(body)));
	}

	@SuppressWarnings("unchecked")
	private static Map<String, Object> login(ConfigurableApplicationContext instance, String username,
			String password) throws Exception {
		HttpResponse<String> response = send(
				post(base(instance) + "/auth", Map.of("username", username, "password", password)));
		assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
		return JSON.readValue(response.body(), Map.class);
	}

	private static int protectedStatus(ConfigurableApplicationContext instance, Object token) throws Exception {
		return send(HttpRequest.newBuilder(URI.create(base(instance) + "/protected"))
			.header("Authorization", "Bearer " + token)).statusCode();
	}

	/** How long the other instance took to refuse the token; fails past a second. */
	private static Duration untilRefused(ConfigurableApplicationContext instance, Object token) throws Exception {
		long start = System.nanoTime();
		while (protectedStatus(instance, token) != 401) {
			Duration waited = Duration.ofNanos(System.nanoTime() - start);
			assertThat(waited).as("refused within a second").isLessThan(AT_ONCE);
			Thread.sleep(20);
		}
		return Duration.ofNanos(System.nanoTime() - start);
	}

	@Test
	void tokenWhenIssuedByOneInstanceThenAcceptedByTheOther() throws Exception {
		String username = signup();
		Map<String, Object> tokens = login(first, username, PASSWORD);
		assertThat(protectedStatus(second, tokens.get("access_token"))).isEqualTo(200);
		HttpResponse<String> refreshed = send(
				post(base(second) + "/auth/refresh", Map.of("refresh_token", tokens.get("refresh_token"))));
		assertThat(refreshed.statusCode()).isEqualTo(200);
	}

	@Test
	void logoutOnOneInstanceThenTheOtherRefusesWithinASecond() throws Exception {
		logoutOnFirstThenSecondRefusesWithinASecond();
	}

	private static void logoutOnFirstThenSecondRefusesWithinASecond() throws Exception {
		Map<String, Object> tokens = login(first, signup(), PASSWORD);
		assertThat(protectedStatus(second, tokens.get("access_token"))).isEqualTo(200);
		assertThat(send(HttpRequest.newBuilder(URI.create(base(first) + "/logout"))
			.header("Authorization", "Bearer " + tokens.get("access_token"))
			.POST(HttpRequest.BodyPublishers.noBody())).statusCode()).isEqualTo(204);
		assertThat(untilRefused(second, tokens.get("access_token"))).isLessThan(AT_ONCE);
	}

	@Test
	void logoutOnOneInstanceWhileTheOthersScheduledWorkIsStuckThenTheOtherRefusesWithinASecond() throws Exception {
		// A purge waiting on a table lock, say, holds the scheduler's threads meanwhile.
		CountDownLatch stuck = new CountDownLatch(1);
		CountDownLatch release = new CountDownLatch(1);
		TaskScheduler scheduler = second.getBean(TaskScheduler.class);
		try {
			for (int i = 0; i < 16; i++) {
				scheduler.schedule(() -> {
					stuck.countDown();
					awaitQuietly(release);
				}, Instant.now());
			}
			assertThat(stuck.await(5, TimeUnit.SECONDS)).isTrue();
			logoutOnFirstThenSecondRefusesWithinASecond();
		}
		finally {
			release.countDown();
		}
	}

	private static void awaitQuietly(CountDownLatch latch) {
		try {
			latch.await(30, TimeUnit.SECONDS);
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
		}
	}

	@Test
	void passwordChangeOnOneInstanceThenTheOtherRefusesOldTokensWithinASecond() throws Exception {
		String username = signup();
		Map<String, Object> tokens = login(first, username, PASSWORD);
		assertThat(protectedStatus(second, tokens.get("access_token"))).isEqualTo(200);
		HttpResponse<String> change = send(post(base(first) + "/me/password",
				Map.of("current_password", PASSWORD, "new_password", "n3w-Garden-path"))
			.header("Authorization", "Bearer " + tokens.get("access_token")));
		assertThat(change.statusCode()).isEqualTo(204);
		assertThat(untilRefused(second, tokens.get("access_token"))).isLessThan(AT_ONCE);
		assertThat(protectedStatus(second, login(second, username, "n3w-Garden-path").get("access_token")))
			.isEqualTo(200);
	}

	@Test
	void adminDisableOnOneInstanceThenTheOtherRefusesWithinASecond() throws Exception {
		String username = signup();
		Map<String, Object> tokens = login(first, username, PASSWORD);
		assertThat(protectedStatus(second, tokens.get("access_token"))).isEqualTo(200);
		String admin = "multi-admin-" + Long.toString(ThreadLocalRandom.current().nextLong() & Long.MAX_VALUE, 36);
		first.getBean(Accounts.class).signup(new NewAccount(admin, PASSWORD, null, null, Set.of(Role.ADMIN)));
		Object adminToken = login(first, admin, PASSWORD).get("access_token");
		HttpResponse<String> disable = send(HttpRequest
			.newBuilder(URI.create(base(first) + "/users/" + tokens.get("user_id") + "/disable"))
			.header("Authorization", "Bearer " + adminToken)
			.POST(HttpRequest.BodyPublishers.noBody()));
		assertThat(disable.statusCode()).isEqualTo(204);
		assertThat(untilRefused(second, tokens.get("access_token"))).isLessThan(AT_ONCE);
		assertThat(send(post(base(second) + "/auth", Map.of("username", username, "password", PASSWORD)))
			.statusCode()).isEqualTo(401);
	}

}
