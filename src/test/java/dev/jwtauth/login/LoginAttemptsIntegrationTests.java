package dev.jwtauth.login;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import dev.jwtauth.testing.IntegrationTest;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.mockito.Mockito;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.MediaType;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.test.context.bean.override.mockito.MockitoSpyBean;
import org.springframework.test.web.servlet.request.MockMvcRequestBuilders;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * What a login attempt costs the service: every guess is counted before its password is
 * checked, so that concurrent guesses cannot get past the lockout, and a login name too
 * long to exist is refused without any password hashing.
 */
class LoginAttemptsIntegrationTests extends IntegrationTest {

	private static final int GUESSES = 40;

	private static final int ACCOUNT_MAX_FAILURES = 5;

	@MockitoSpyBean
	private PasswordEncoder passwordEncoder;

	@Autowired
	private JdbcTemplate jdbc;

	@BeforeEach
	void forgetHashing() {
		Mockito.clearInvocations(this.passwordEncoder);
	}

	@Test
	void guessingWhenConcurrentThenNoMorePasswordChecksThanTheLockAllows() throws Exception {
		User user = signup("raced");
		Callable<Integer> guess = () -> postJson("/auth",
				map("username", user.username(), "password", "wrong-guess-password"))
			.status();
		List<Integer> statuses = guessUntilLocked(guess);
		assertThat(statuses).filteredOn((status) -> status == 401).hasSizeLessThanOrEqualTo(ACCOUNT_MAX_FAILURES);
		assertThat(passwordChecks()).isLessThanOrEqualTo(ACCOUNT_MAX_FAILURES);
		assertThat(statuses).contains(429);
		assertThat(postJson("/auth", map("username", user.username(), "password", PASSWORD)).status())
			.isEqualTo(429);
	}

	@Test
	void passwordChangeWhenConcurrentGuessesThenNoMorePasswordChecksThanTheLockAllows() throws Exception {
		User user = signup("raced-change");
		String token = login(user);
		Mockito.clearInvocations(this.passwordEncoder);
		Callable<Integer> guess = () -> postJson("/me/password",
				map("current_password", "wrong-guess-password", "new_password", "n3w-Garden-path"),
				"Authorization", "Bearer " + token)
			.status();
		List<Integer> statuses = guessUntilLocked(guess);
		assertThat(statuses).filteredOn((status) -> status == 400).hasSizeLessThanOrEqualTo(ACCOUNT_MAX_FAILURES);
		assertThat(passwordChecks()).isLessThanOrEqualTo(ACCOUNT_MAX_FAILURES);
		assertThat(postJson("/auth", map("username", user.username(), "password", PASSWORD)).status())
			.isEqualTo(429);
	}

	@ParameterizedTest
	@CsvSource({ "username,json", "email,json", "username,form", "email,form" })
	void loginWhenNameExpandsBeyondAnyAccountThenUnknownCredentialsWithoutHashing(String field, String body)
			throws Exception {
		assertOverlongNameRefusedWithoutHashing("\ufdfa".repeat(40), field, body);
	}

	@ParameterizedTest
	@CsvSource({ "username,json", "email,json", "username,form", "email,form" })
	void loginWhenNameLongerThanAnyAccountThenUnknownCredentialsWithoutHashing(String field, String body)
			throws Exception {
		assertOverlongNameRefusedWithoutHashing("a".repeat(700), field, body);
	}

	private void assertOverlongNameRefusedWithoutHashing(String name, String field, String body) throws Exception {
		Reply unknown = login("username", uniqueName("nobody"), "json");
		int clientFailures = clientFailures();
		Mockito.clearInvocations(this.passwordEncoder);

		Reply reply = login(field, name, body);

		assertThat(reply.status()).isEqualTo(401);
		assertThat(reply.object()).containsEntry("type", unknown.object().get("type"))
			.containsEntry("title", unknown.object().get("title"))
			.containsEntry("detail", unknown.object().get("detail"));
		assertThat(passwordChecks()).isZero();
		assertThat(clientFailures()).isEqualTo(clientFailures + 1);
	}

	private Reply login(String field, String name, String body) throws Exception {
		if (body.equals("json")) {
			return postJson("/auth", map(field, name, "password", "wrong-guess-password"));
		}
		return perform(MockMvcRequestBuilders.post("/auth")
			.contentType(MediaType.APPLICATION_FORM_URLENCODED)
			.param(field, name)
			.param("password", "wrong-guess-password"));
	}

	/**
	 * Guesses all at once, then one at a time until the lock shows: guesses refused as 503
	 * (hashing busy) are not failures.
	 */
	private List<Integer> guessUntilLocked(Callable<Integer> guess) throws Exception {
		List<Integer> statuses = concurrently(guess);
		for (int i = 0; i <= ACCOUNT_MAX_FAILURES && !statuses.contains(429); i++) {
			statuses.add(guess.call());
		}
		return statuses;
	}

	private List<Integer> concurrently(Callable<Integer> attempt) throws Exception {
		ExecutorService pool = Executors.newFixedThreadPool(GUESSES);
		try {
			CountDownLatch start = new CountDownLatch(1);
			List<Future<Integer>> replies = new ArrayList<>();
			for (int i = 0; i < GUESSES; i++) {
				replies.add(pool.submit(() -> {
					start.await();
					return attempt.call();
				}));
			}
			start.countDown();
			List<Integer> statuses = new ArrayList<>();
			for (Future<Integer> reply : replies) {
				statuses.add(reply.get());
			}
			return statuses;
		}
		finally {
			pool.shutdown();
		}
	}

	private long passwordChecks() {
		return Mockito.mockingDetails(this.passwordEncoder)
			.getInvocations()
			.stream()
			.filter((invocation) -> invocation.getMethod().getName().equals("matches"))
			.count();
	}

	private int clientFailures() {
		Integer count = this.jdbc.queryForObject("select count(*) from login_failure where subject like 'client:%'",
				Integer.class);
		return (count != null) ? count : 0;
	}

}
