package dev.jwtauth.sessions;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

import dev.jwtauth.audit.AuditLog;
import dev.jwtauth.client.ClientInfo;
import dev.jwtauth.revocation.Revocations;
import dev.jwtauth.tokens.TokenProperties;
import org.apache.commons.logging.Log;
import org.apache.commons.logging.LogFactory;
import org.jspecify.annotations.Nullable;

import org.springframework.dao.ConcurrencyFailureException;
import org.springframework.dao.DataIntegrityViolationException;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Logins and their refresh-token families: start one, rotate its refresh token, end
 * one or all. A spent refresh token presented again after the grace interval is taken
 * for a stolen one, and its whole login is revoked.
 */
@Component
class RefreshRotation {

	private static final Log log = LogFactory.getLog(RefreshRotation.class);

	private static final int ATTEMPTS = 3;

	private final LoginSessionRepository sessions;

	private final RefreshTokenRepository refreshTokens;

	private final RefreshTokenCodec codec;

	private final Revocations revocations;

	private final TransactionTemplate transactions;

	private final Clock clock;

	private final AuditLog audit;

	private final Duration lifetime;

	private final Duration reuseGrace;

	private final Duration spentRetention;

	private final Duration accessTokenReach;

	RefreshRotation(LoginSessionRepository sessions, RefreshTokenRepository refreshTokens, RefreshTokenCodec codec,
			Revocations revocations, TransactionTemplate transactions, Clock clock, TokenProperties properties,
			AuditLog audit) {
		this.audit = audit;
		this.sessions = sessions;
		this.refreshTokens = refreshTokens;
		this.codec = codec;
		this.revocations = revocations;
		this.transactions = transactions;
		this.clock = clock;
		this.lifetime = properties.refreshTokenTtl();
		this.reuseGrace = properties.refreshReuseGrace();
		this.spentRetention = properties.spentRefreshRetention();
		this.accessTokenReach = properties.accessTokenReach();
	}

	/** A login's session and its first refresh token. */
	Started start(UUID accountId, ClientInfo client, List<String> amr) {
		Instant now = now();
		LoginSession session = new LoginSession(accountId, now, now.plus(this.lifetime), client.address(),
				client.userAgent(), amr);
		String refreshToken = this.codec.newToken();
		this.transactions.executeWithoutResult((status) -> {
			this.sessions.save(session);
			this.refreshTokens.save(new RefreshToken(this.codec.hash(refreshToken), session.getId(), now));
		});
		return new Started(session.getId(), accountId, refreshToken, session.getAmr(), this.lifetime);
	}

	/**
	 * Spends a refresh token and returns its successor, or throws when it cannot be spent.
	 * Two concurrent calls with one token both get the same successor.
	 */
	Started refresh(@Nullable String presented) {
		if (presented == null || !this.codec.isWellFormed(presented)) {
			throw new InvalidRefreshTokenException();
		}
		for (int attempt = 1;; attempt++) {
			try {
				Outcome outcome = this.transactions.execute((status) -> spend(presented));
				if (outcome.reusedSession() != null) {
					revoke(outcome.reusedSession());
					UUID account = this.sessions.findById(outcome.reusedSession())
						.map(LoginSession::getAccountId)
						.orElse(null);
					this.audit.record("refresh_reuse", account, null, "session_revoked");
				}
				if (outcome.started() == null) {
					throw new InvalidRefreshTokenException();
				}
				return outcome.started();
			}
			catch (ConcurrencyFailureException | DataIntegrityViolationException ex) {
				// A concurrent refresh of the same token held the row: read again.
				if (attempt == ATTEMPTS) {
					throw new InvalidRefreshTokenException();
				}
			}
		}
	}

	private Outcome spend(String presented) {
		Instant now = now();
		String hash = this.codec.hash(presented);
		Optional<RefreshToken> token = this.refreshTokens.findById(hash);
		if (token.isEmpty()) {
			return Outcome.refused();
		}
		LoginSession session = this.sessions.findById(token.get().getSessionId()).orElse(null);
		if (session == null || !session.isLive(now) || this.revocations.isSessionRevoked(session.getId())) {
			return Outcome.refused();
		}
		String successor = this.codec.successorOf(presented);
		if (this.refreshTokens.spend(hash, now) == 1) {
			this.refreshTokens.save(new RefreshToken(this.codec.hash(successor), session.getId(), now));
			this.sessions.refreshed(session.getId(), now);
			return Outcome.of(Started.of(session, successor, now));
		}
		// Spent before: by a concurrent tab moments ago (same successor), or stolen. Only
		// the parent of the live token qualifies: once the successor is spent too, a
		// repeat is a replay, grace or not.
		RefreshToken spent = this.refreshTokens.findById(hash).orElseThrow();
		Instant spentAt = spent.getSpentAt();
		boolean successorLive = this.refreshTokens.findById(this.codec.hash(successor))
			.map((next) -> next.getSpentAt() == null)
			.orElse(false);
		if (spentAt != null && !now.isAfter(spentAt.plus(this.reuseGrace)) && successorLive) {
			return Outcome.of(Started.of(session, successor, now));
		}
		return Outcome.reuse(session.getId());
	}

	/** The refresh token when it is unspent and its login live and not revoked; nothing is spent. */
	Optional<LiveRefreshToken> inspect(String presented) {
		if (!this.codec.isWellFormed(presented)) {
			return Optional.empty();
		}
		Instant now = now();
		return this.refreshTokens.findById(this.codec.hash(presented))
			.filter((token) -> token.getSpentAt() == null)
			.flatMap((token) -> this.sessions.findById(token.getSessionId())
				.filter((session) -> session.isLive(now) && !this.revocations.isSessionRevoked(session.getId()))
				.map((session) -> new LiveRefreshToken(session.getAccountId(), session.getId(), token.getIssuedAt(),
						session.getExpiresAt())));
	}

	/** The login a refresh token belongs to, spent or not. */
	Optional<LoginSession> sessionOf(String presented) {
		if (!this.codec.isWellFormed(presented)) {
			return Optional.empty();
		}
		return this.refreshTokens.findById(this.codec.hash(presented))
			.flatMap((token) -> this.sessions.findById(token.getSessionId()));
	}

	List<LoginSession> live(UUID accountId) {
		return this.sessions.findLive(accountId, now());
	}

	/** Ends one login; false when it was not live or not this account's. */
	boolean revoke(UUID accountId, UUID sessionId) {
		Optional<LoginSession> session = this.sessions.findById(sessionId);
		if (session.isEmpty() || !session.get().getAccountId().equals(accountId) || !session.get().isLive(now())) {
			return false;
		}
		revoke(sessionId);
		return true;
	}

	/**
	 * Ends every login of the account but {@code keep}, including those that reached
	 * their lifetime so recently that an access token issued in them still works.
	 */
	void revokeAll(UUID accountId, @Nullable UUID keep) {
		for (LoginSession session : this.sessions.findUnrevokedEndingAfter(accountId,
				now().minus(this.accessTokenReach))) {
			if (!session.getId().equals(keep)) {
				revoke(session.getId());
			}
		}
	}

	private void revoke(UUID sessionId) {
		this.transactions.executeWithoutResult((status) -> this.sessions.revoke(sessionId, now()));
		this.revocations.sessionRevoked(sessionId);
	}

	/** Keeps the tables bounded: ended logins and long-spent refresh tokens go. */
	@Scheduled(fixedDelayString = "${jwt.purge-interval:1h}", initialDelayString = "${jwt.purge-interval:1h}")
	void purge() {
		Instant now = now();
		this.transactions.executeWithoutResult((status) -> {
			int spent = this.refreshTokens.deleteSpentBefore(now.minus(this.spentRetention));
			// Kept while their last access tokens live, so that revoking them still counts.
			int ended = this.sessions.deleteExpired(now.minus(this.accessTokenReach));
			if (spent + ended > 0) {
				log.info("Purged " + ended + " expired sessions and " + spent + " spent refresh tokens");
			}
		});
	}

	private Instant now() {
		return this.clock.instant().truncatedTo(ChronoUnit.MICROS);
	}

	/**
	 * A session with the refresh token to hand out for it, how its login was made, and
	 * how long the session has left.
	 */
	record Started(UUID sessionId, UUID accountId, String refreshToken, List<String> amr, Duration remaining) {

		static Started of(LoginSession session, String refreshToken, Instant now) {
			return new Started(session.getId(), session.getAccountId(), refreshToken, session.getAmr(),
					Duration.between(now, session.getExpiresAt()));
		}

	}

	private record Outcome(@Nullable Started started, @Nullable UUID reusedSession) {

		static Outcome of(Started started) {
			return new Outcome(started, null);
		}

		static Outcome refused() {
			return new Outcome(null, null);
		}

		static Outcome reuse(UUID session) {
			return new Outcome(null, session);
		}

	}

}
