package dev.jwtauth.tokens;

import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import javax.sql.DataSource;

import dev.jwtauth.testing.IntegrationTest;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

/**
 * The worst order concurrent guesses can take, played out in one thread: every attempt
 * is recorded before any of them counts, and every count happens before any refused
 * attempt withdraws its record. The first attempts up to the limit must still get their
 * password check, and the lock must outlive the withdrawals.
 */
class LoginThrottleRaceTests extends IntegrationTest {

	private static final int LIMIT = 5;

	private static final int GUESSES = 12;

	@Autowired
	private DataSource dataSource;

	@Test
	void guessesWhenAllRecordedBeforeAnyCountsThenTheFirstPassAndTheLockHolds() {
		String subject = LoginThrottle.account(java.util.UUID.randomUUID());
		LoginProperties limits = new LoginProperties(LIMIT, 1000, Duration.ofMinutes(15));
		List<LoginThrottle.Attempt> passed = new ArrayList<>();
		List<Runnable> withdrawals = new ArrayList<>();
		int[] begun = { 1 };
		LoginThrottle[] throttle = new LoginThrottle[1];
		JdbcTemplate interleaved = new JdbcTemplate(this.dataSource) {
			@Override
			public Map<String, Object> queryForMap(String sql, Object... args) {
				// Recorded, not counted yet: the next guess arrives and records itself first.
				if (begun[0] < GUESSES) {
					begun[0]++;
					guess(throttle[0], subject, passed);
				}
				return super.queryForMap(sql, args);
			}

			@Override
			public int update(String sql, Object... args) {
				if (sql.startsWith("delete")) {
					withdrawals.add(() -> super.update(sql, args));
					return 1;
				}
				return super.update(sql, args);
			}
		};
		throttle[0] = new LoginThrottle(interleaved, Clock.systemUTC(), limits);

		guess(throttle[0], subject, passed);
		withdrawals.forEach(Runnable::run);
		passed.forEach(LoginThrottle.Attempt::failed);

		assertThat(passed).hasSize(LIMIT);
		assertThatExceptionOfType(TooManyAttemptsException.class).isThrownBy(
				() -> new LoginThrottle(new JdbcTemplate(this.dataSource), Clock.systemUTC(), limits).begin(subject,
						null));
	}

	private static void guess(LoginThrottle throttle, String subject, List<LoginThrottle.Attempt> passed) {
		try {
			passed.add(throttle.begin(subject, null));
		}
		catch (TooManyAttemptsException ex) {
			// refused: its withdrawal is among the deferred ones
		}
	}

}
