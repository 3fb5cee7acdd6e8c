package dev.jwtauth.revocation;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import com.github.benmanes.caffeine.cache.Expiry;
import dev.jwtauth.accounts.AccountListener;
import dev.jwtauth.accounts.Accounts;
import dev.jwtauth.tokens.TokenProperties;
import dev.jwtauth.tokens.VerifiedToken;
import org.apache.commons.logging.Log;
import org.apache.commons.logging.LogFactory;

import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * The revocation module's public API: what this instance knows of revocations, in memory,
 * so that checking a token costs no database round trip (revoked logins and denied
 * access tokens). Changes made here are applied at once and written to the
 * {@link RevocationFeed}; changes made by other instances, account changes included,
 * arrive with the next poll of the feed, every {@code JWT_REVOCATION_POLL_INTERVAL}
 * (250 ms by default).
 */
@Component
public class Revocations implements AccountListener {

	private static final Log log = LogFactory.getLog(Revocations.class);

	// Feed ids are allocated before their transaction commits, so a lower id can become
	// visible after a higher one: each poll looks back this many ids (and no further
	// back in time than LOOKBACK_TIME) and skips the ones it has already applied.
	private static final int LOOKBACK_IDS = 64;

	private static final Duration LOOKBACK_TIME = Duration.ofSeconds(30);

	private final RevocationFeed feed;

	// A template rather than @Transactional: an annotated method would put this class
	// behind a proxy, and every token check calls it.
	private final TransactionTemplate transactions;

	private final Accounts accounts;

	private final Clock clock;

	private final String issuer;

	private final Duration accessTokenReach;

	private final Cache<UUID, Instant> revokedSessions;

	private final Cache<String, Instant> deniedTokens;

	private final Set<Long> applied = ConcurrentHashMap.newKeySet();

	private volatile long highestApplied;

	private volatile boolean feedReachable = true;

	Revocations(RevocationFeed feed, Accounts accounts, TokenProperties properties, Clock clock,
			TransactionTemplate transactions) {
		this.transactions = transactions;
		this.feed = feed;
		this.accounts = accounts;
		this.clock = clock;
		this.issuer = properties.issuer();
		this.accessTokenReach = properties.accessTokenReach();
		this.revokedSessions = Caffeine.newBuilder().expireAfter(untilValue()).build();
		this.deniedTokens = Caffeine.newBuilder().expireAfter(untilValue()).build();
		// Read the feed's position first: anything revoked while loading is then re-read.
		this.highestApplied = feed.lastId();
		// The feed keeps every revocation until the tokens it stops have expired.
		feed.unexpired(clock.instant()).forEach(this::apply);
	}

	/** True when the token was denied or its login revoked, on any instance. */
	public boolean isRevoked(VerifiedToken token) {
		return this.deniedTokens.getIfPresent(tokenKey(this.issuer, token.jti())) != null
				|| this.revokedSessions.getIfPresent(token.sessionId()) != null;
	}

	public boolean isSessionRevoked(UUID sessionId) {
		return this.revokedSessions.getIfPresent(sessionId) != null;
	}

	/** Stops every access token of the login, for as long as any of them can be valid. */
	public void sessionRevoked(UUID sessionId) {
		Instant now = this.clock.instant();
		Instant until = now.plus(this.accessTokenReach);
		this.revokedSessions.put(sessionId, until);
		this.feed.publish(RevocationFeed.Kind.SESSION, sessionId.toString(), now, until);
	}

	/** Stops one access token until it expires. */
	public void tokenDenied(VerifiedToken token) {
		String key = tokenKey(this.issuer, token.jti());
		this.deniedTokens.put(key, token.expiresAt());
		this.feed.publish(RevocationFeed.Kind.TOKEN, key, this.clock.instant(), token.expiresAt());
	}

	/** Tells the other instances to forget what they hold of the account. */
	@Override
	public void accountChanged(UUID accountId, boolean enabled) {
		Instant now = this.clock.instant();
		this.feed.publish(RevocationFeed.Kind.ACCOUNT, accountId.toString(), now, now.plus(LOOKBACK_TIME));
	}

	/** Applies what other instances wrote to the feed; {@link RevocationPoller} calls it. */
	void poll() {
		Instant now = this.clock.instant();
		try {
			long highest = this.highestApplied;
			for (RevocationFeed.Event event : this.feed.after(Math.max(0, highest - LOOKBACK_IDS),
					now.minus(LOOKBACK_TIME))) {
				if (this.applied.add(event.id())) {
					apply(event);
				}
				highest = Math.max(highest, event.id());
			}
			this.highestApplied = highest;
			long floor = highest - LOOKBACK_IDS;
			this.applied.removeIf((id) -> id <= floor);
			if (!this.feedReachable) {
				log.info("Revocation feed readable again");
				this.feedReachable = true;
			}
		}
		catch (RuntimeException ex) {
			// Tokens revoked elsewhere are not seen until the database answers again.
			if (this.feedReachable) {
				log.warn("Cannot read the revocation feed: " + ex.getMessage());
				this.feedReachable = false;
			}
		}
	}

	/** Feed entries outlive nothing: they go once the tokens they stop have expired. */
	@Scheduled(fixedDelayString = "${jwt.purge-interval:1h}", initialDelayString = "${jwt.purge-interval:1h}")
	void purge() {
		Instant now = this.clock.instant();
		this.transactions.executeWithoutResult((status) -> this.feed.deleteExpired(now));
	}

	private void apply(RevocationFeed.Event event) {
		switch (event.kind()) {
			case SESSION -> this.revokedSessions.put(UUID.fromString(event.subject()), event.expiresAt());
			case TOKEN -> this.deniedTokens.put(event.subject(), event.expiresAt());
			case ACCOUNT -> this.accounts.forget(UUID.fromString(event.subject()));
		}
	}

	private static String tokenKey(String issuer, String jti) {
		return issuer + " " + jti;
	}

	/** Each entry lives until the instant it holds, after which it no longer matters. */
	private <K> Expiry<K, Instant> untilValue() {
		return new Expiry<>() {
			@Override
			public long expireAfterCreate(K key, Instant until, long currentTime) {
				return remaining(until);
			}

			@Override
			public long expireAfterUpdate(K key, Instant until, long currentTime, long currentDuration) {
				return remaining(until);
			}

			@Override
			public long expireAfterRead(K key, Instant until, long currentTime, long currentDuration) {
				return currentDuration;
			}

			private long remaining(Instant until) {
				return Math.max(0, Duration.between(Revocations.this.clock.instant(), until).toNanos());
			}
		};
	}

}
