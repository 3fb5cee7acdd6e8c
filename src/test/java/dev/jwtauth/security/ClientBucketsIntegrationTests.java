package dev.jwtauth.security;

import java.time.Duration;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.stream.IntStream;

import dev.jwtauth.testing.AdjustableClock;
import dev.jwtauth.testing.IntegrationTest;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.annotation.Import;
import org.springframework.jdbc.core.JdbcTemplate;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The database-kept buckets on their own, with a clock the test moves: a spent bucket
 * waits for its next token, refills with time, and is deleted once full again while
 * buckets still in use stay. Concurrent requests, as from several instances at once,
 * get no more tokens than the bucket holds.
 */
@Import(AdjustableClock.Configuration.class)
class ClientBucketsIntegrationTests extends IntegrationTest {

	private static final Duration PERIOD = Duration.ofMinutes(10);

	@Autowired
	private ClientBuckets buckets;

	@Autowired
	private AdjustableClock clock;

	@Autowired
	private JdbcTemplate jdbc;

	@AfterEach
	void resetClock() {
		this.clock.reset();
	}

	@Test
	void takeWhenSpentThenWaitForOneTokensShareOfThePeriodAndRefillWithTime() {
		String key = uniqueName("bucket");
		assertThat(this.buckets.take(key, 2, PERIOD)).isZero();
		assertThat(this.buckets.take(key, 2, PERIOD)).isZero();
		assertThat(this.buckets.take(key, 2, PERIOD)).isPositive().isLessThanOrEqualTo(PERIOD.dividedBy(2));
		this.clock.advance(PERIOD.dividedBy(2));
		assertThat(this.buckets.take(key, 2, PERIOD)).as("one token back").isZero();
		assertThat(this.buckets.take(key, 2, PERIOD)).isPositive();
	}

	@Test
	void takeWhenAClockWasFarAheadThenTheBucketIsFullAgainNotSpentForAnHour() {
		String key = uniqueName("bucket");
		// An instance whose clock ran an hour fast spends the bucket; then clocks agree again.
		this.clock.advance(Duration.ofHours(1));
		assertThat(this.buckets.take(key, 2, PERIOD)).isZero();
		assertThat(this.buckets.take(key, 2, PERIOD)).isZero();
		// Set back, not reset: a reset also empties the buckets.
		this.clock.advance(Duration.ofHours(1).negated());
		assertThat(this.buckets.take(key, 2, PERIOD)).isZero();
		assertThat(this.buckets.take(key, 2, PERIOD)).isZero();
		assertThat(this.buckets.take(key, 2, PERIOD)).as("the limit holds again")
			.isPositive()
			.isLessThanOrEqualTo(PERIOD.dividedBy(2));
	}

	@Test
	void takeWhenIdleLongerThanThePeriodThenNoMoreThanCapacityAtOnce() {
		String key = uniqueName("bucket");
		assertThat(this.buckets.take(key, 2, PERIOD)).isZero();
		this.clock.advance(PERIOD.multipliedBy(5));
		assertThat(this.buckets.take(key, 2, PERIOD)).isZero();
		assertThat(this.buckets.take(key, 2, PERIOD)).isZero();
		assertThat(this.buckets.take(key, 2, PERIOD)).isPositive();
	}

	@Test
	void takeWhenKeyLongerThanTheColumnThenCountedUnderItsDigest() {
		String key = uniqueName("long") + "x".repeat(1000);
		assertThat(this.buckets.take(key, 1, PERIOD)).isZero();
		assertThat(this.buckets.take(key, 1, PERIOD)).isPositive();
		assertThat(this.buckets.take(key + "y", 1, PERIOD)).as("another key").isZero();
	}

	@Test
	void takeWhenManyAtOnceThenNoMoreThanCapacity() throws Exception {
		String key = uniqueName("burst");
		ExecutorService threads = Executors.newFixedThreadPool(8);
		try {
			List<CompletableFuture<Duration>> takes = IntStream.range(0, 24)
				.mapToObj((i) -> CompletableFuture.supplyAsync(() -> this.buckets.take(key, 5, PERIOD), threads))
				.toList();
			long allowed = takes.stream().map(CompletableFuture::join).filter(Duration::isZero).count();
			assertThat(allowed).isEqualTo(5);
		}
		finally {
			threads.shutdown();
		}
	}

	@Test
	void purgeWhenBucketFullAgainThenItsRowIsDeletedAndBucketsInUseStay() {
		String idle = uniqueName("idle");
		String busy = uniqueName("busy");
		this.buckets.take(idle, 2, PERIOD);
		this.buckets.take(idle, 2, PERIOD);
		this.clock.advance(PERIOD.plusSeconds(1));
		this.buckets.take(busy, 2, PERIOD);

		this.buckets.purge();

		assertThat(rows(idle)).isZero();
		assertThat(rows(busy)).isOne();
		assertThat(this.buckets.take(idle, 2, PERIOD)).as("a deleted bucket is a full one").isZero();
		assertThat(this.buckets.take(idle, 2, PERIOD)).isZero();
		assertThat(this.buckets.take(idle, 2, PERIOD)).isPositive();
	}

	private int rows(String key) {
		return this.jdbc.queryForObject("select count(*) from client_bucket where bucket_key = ?", Integer.class, key);
	}

}
