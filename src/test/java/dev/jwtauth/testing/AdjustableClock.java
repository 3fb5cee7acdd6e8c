package dev.jwtauth.testing;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.concurrent.atomic.AtomicReference;

import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Primary;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * The real time plus an offset that a test moves forward, so that expiry and grace
 * intervals are crossed without sleeping. Import {@link Configuration} to use it.
 */
public final class AdjustableClock extends Clock {

	private final AtomicReference<Duration> offset = new AtomicReference<>(Duration.ZERO);

	private final Runnable afterReset;

	public AdjustableClock() {
		this(() -> {
		});
	}

	AdjustableClock(Runnable afterReset) {
		this.afterReset = afterReset;
	}

	public void advance(Duration duration) {
		this.offset.accumulateAndGet(duration, Duration::plus);
	}

	public void reset() {
		this.offset.set(Duration.ZERO);
		this.afterReset.run();
	}

	@Override
	public Instant instant() {
		return Instant.now().plus(this.offset.get());
	}

	@Override
	public ZoneId getZone() {
		return ZoneOffset.UTC;
	}

	@Override
	public Clock withZone(ZoneId zone) {
		return this;
	}

	@TestConfiguration(proxyBeanMethods = false)
	public static class Configuration {

		/**
		 * The per-client rate-limit buckets in the database were filled at the moved time
		 * and are shared by every test context: back at the real time they would look spent
		 * to the tests that follow, so a reset empties them.
		 */
		@Bean
		@Primary
		AdjustableClock adjustableClock(JdbcTemplate jdbc) {
			return new AdjustableClock(() -> jdbc.update("delete from client_bucket"));
		}

	}

}
