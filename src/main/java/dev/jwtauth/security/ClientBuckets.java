package dev.jwtauth.security;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.HexFormat;
import java.util.List;

import org.springframework.dao.DuplicateKeyException;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

/**
 * Token buckets kept in the database, so that every instance spends from the same one.
 * A bucket is one row holding the instant at which it is full again: each request moves
 * that instant one interval (period / capacity) on, from now if it has passed, and is
 * allowed while this leaves it no more than one period ahead, that is while a token is
 * left (the token bucket in its one-number form, GCRA). The move and its check are one
 * conditional UPDATE, atomic on any database, so no request is lost between instances.
 * A full bucket and a missing row are the same: rows whose instant has passed are deleted.
 * An instant more than two periods ahead, which only a clock running ahead can set,
 * counts as full too.
 */
@Component
class ClientBuckets {

	/** The length of {@code client_bucket.bucket_key}. */
	private static final int MAX_KEY = 300;

	private final JdbcTemplate jdbc;

	private final Clock clock;

	ClientBuckets(JdbcTemplate jdbc, Clock clock) {
		this.jdbc = jdbc;
		this.clock = clock;
	}

	/**
	 * Takes a token from the bucket of {@code key}, holding {@code capacity} tokens that
	 * refill over {@code period}.
	 * @return zero when the token was taken, otherwise how long until one is there
	 */
	Duration take(String bucket, int capacity, Duration period) {
		String key = rowKey(bucket);
		long now = micros(this.clock.instant());
		long interval = Math.max(1, period.toNanos() / 1000 / capacity);
		long horizon = now + period.toNanos() / 1000;
		while (true) {
			if (this.jdbc.update(
					"update client_bucket set full_at = greatest(full_at, ?) + ?"
							+ " where bucket_key = ? and greatest(full_at, ?) + ? <= ?",
					now, interval, key, now, interval, horizon) == 1) {
				return Duration.ZERO;
			}
			List<Long> fullAt = this.jdbc.queryForList("select full_at from client_bucket where bucket_key = ?",
					Long.class, key);
			if (fullAt.isEmpty()) {
				try {
					this.jdbc.update("insert into client_bucket (bucket_key, full_at) values (?, ?)", key,
							now + interval);
					return Duration.ZERO;
				}
				catch (DuplicateKeyException ex) {
					// made by a concurrent request: take from it on the next turn
					continue;
				}
			}
			long farAhead = horizon + period.toNanos() / 1000;
			if (fullAt.get(0) > farAhead) {
				// Set by a clock that ran ahead by more than a period: counted as full, so a clock
				// put right does not lock every client out for as long as it was wrong. Less
				// (concurrent requests, instances a little apart) is a spent bucket as it should be.
				this.jdbc.update("update client_bucket set full_at = ? where bucket_key = ? and full_at > ?", now, key,
						farAhead);
				continue;
			}
			long wait = fullAt.get(0) + interval - horizon;
			if (wait > 0) {
				return Duration.of(wait, ChronoUnit.MICROS);
			}
			// changed by a concurrent request since the update: try again
		}
	}

	@Scheduled(fixedDelayString = "${jwt.purge-interval:1h}", initialDelayString = "${jwt.purge-interval:1h}")
	void purge() {
		this.jdbc.update("delete from client_bucket where full_at < ?", micros(this.clock.instant()));
	}

	/**
	 * The bucket's name, or its digest when longer than the column: a client address
	 * forwarded by a trusted proxy is not checked to be an address, and may be anything.
	 */
	private static String rowKey(String bucket) {
		if (bucket.length() <= MAX_KEY) {
			return bucket;
		}
		try {
			byte[] digest = MessageDigest.getInstance("SHA-256").digest(bucket.getBytes(StandardCharsets.UTF_8));
			return "sha256:" + HexFormat.of().formatHex(digest);
		}
		catch (NoSuchAlgorithmException ex) {
			throw new IllegalStateException(ex);
		}
	}

	private static long micros(Instant instant) {
		return Math.addExact(Math.multiplyExact(instant.getEpochSecond(), 1_000_000L), instant.getNano() / 1000);
	}

}
