package dev.jwtauth.login;

import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.Callable;
import java.util.concurrent.CyclicBarrier;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;

import dev.jwtauth.testing.IntegrationTest;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.transaction.support.TransactionTemplate;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

/**
 * Concurrent guesses released at the same instant, straight at the throttle so that
 * nothing else spaces them out: in every round no more than the limit may pass, however
 * the database orders their records, and the lock must hold afterwards.
 */
class LoginThrottleRaceTests extends IntegrationTest {

	private static final int LIMIT = 5;

	private static final int GUESSES = 16;

	private static final int ROUNDS = 40;

	@Autowired
	private JdbcTemplate jdbc;

	@Autowired
	private TransactionTemplate transactions;

	@Test
	void guessesWhenReleasedTogetherThenNoMoreThanTheLimitPassInAnyRound() throws Exception {
		LoginProperties limits = new LoginProperties(LIMIT, 1000, Duration.ofMinutes(15), false);
		LoginThrottle throttle = new LoginThrottle(this.jdbc, this.transactions, Clock.systemUTC(), limits);
		ExecutorService pool = Executors.newFixedThreadPool(GUESSES);
		try {
			List<Integer> passedPerRound = new ArrayList<>();
			for (int round = 0; round < ROUNDS; round++) {
				String subject = LoginThrottle.account(UUID.randomUUID());
				passedPerRound.add(guessTogether(pool, throttle, subject));
				assertThatExceptionOfType(TooManyAttemptsException.class)
					.isThrownBy(() -> throttle.begin(subject, null));
			}
			assertThat(passedPerRound).allSatisfy((passed) -> assertThat(passed).isEqualTo(LIMIT));
		}
		finally {
			pool.shutdownNow();
			pool.awaitTermination(10, TimeUnit.SECONDS);
		}
	}

	@Test
	void purgeWhenFailuresAgedOutThenTheSubjectGoesAndComesBackWithTheNextGuess() {
		LoginProperties limits = new LoginProperties(LIMIT, 1000, Duration.ofMinutes(15), false);
		java.time.Instant start = java.time.Instant.now();
		LoginThrottle then = new LoginThrottle(this.jdbc, this.transactions,
				Clock.fixed(start, java.time.ZoneOffset.UTC), limits);
		LoginThrottle later = new LoginThrottle(this.jdbc, this.transactions,
				Clock.fixed(start.plus(Duration.ofMinutes(16)), java.time.ZoneOffset.UTC), limits);
		String subject = LoginThrottle.account(UUID.randomUUID());
		then.begin(subject, null).failed();
		assertThat(subjectRows(subject)).isOne();

		later.purge();
		assertThat(subjectRows(subject)).isZero();

		later.begin(subject, null).failed();
		assertThat(subjectRows(subject)).isOne();
		assertThat(this.jdbc.queryForObject("select count(*) from login_failure where subject = ?", Integer.class,
				subject)).isOne();
	}

	private int subjectRows(String subject) {
		Integer rows = this.jdbc.queryForObject("select count(*) from login_subject where subject = ?",
				Integer.class, subject);
		return (rows != null) ? rows : 0;
	}

	private static int guessTogether(ExecutorService pool, LoginThrottle throttle, String subject)
			throws Exception {
		CyclicBarrier start = new CyclicBarrier(GUESSES);
		Callable<Boolean> guess = () -> {
			start.await(10, TimeUnit.SECONDS);
			try {
				throttle.begin(subject, null).failed();
				return true;
			}
			catch (TooManyAttemptsException ex) {
				return false;
			}
		};
		List<Future<Boolean>> guesses = new ArrayList<>();
		for (int i = 0; i < GUESSES; i++) {
			guesses.add(pool.submit(guess));
		}
		int passed = 0;
		for (Future<Boolean> outcome : guesses) {
			passed += outcome.get(30, TimeUnit.SECONDS) ? 1 : 0;
		}
		return passed;
	}

}
