package dev.jwtauth.tokens;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import dev.jwtauth.tokens.keys.SigningKeys;

import org.springframework.stereotype.Component;

/**
 * Remembers tokens whose signature and claims have been checked, so that a client
 * calling again with the same token costs a map lookup instead of a signature check and
 * a JSON parse. Only the exact string that was verified matches; a remembered token is
 * checked again once it has expired or the signing keys have changed, and revocation is
 * never remembered here (the caller checks it on every request).
 * <p>
 * Refusals that cost a signature check and will not change while the keys stay the
 * same (a bad signature, an expired token) are remembered too, so that replaying a
 * forged token costs no more than presenting a valid one. Cheap refusals (a string that
 * is not a JWT, an unknown key or algorithm) are not: checking them again costs less
 * than remembering them. A refusal that may turn into an acceptance (a token not valid
 * yet) is never remembered.
 */
@Component
class VerifiedTokens {

	// Tokens are about 400 bytes: 10,000 of them stay within a few MiB, and a busy
	// instance that sees more simply verifies the least used again.
	private static final int MAXIMUM_SIZE = 10_000;

	private final AccessTokenCodec codec;

	private final SigningKeys keys;

	private final Clock clock;

	private final Duration clockSkew;

	// Anyone can fill this memory with forged tokens of any length up to the longest
	// looked at, so it is bounded by what its entries cost the heap: a token's characters
	// (a byte each) plus what every entry costs besides (map node, string, record).
	private static final long REFUSED_MAXIMUM_BYTES = 4L * 1024 * 1024;

	private static final int REFUSED_ENTRY_BYTES = 200;

	private final Cache<String, Remembered> verified;

	private final Cache<String, Refused> refused;

	VerifiedTokens(AccessTokenCodec codec, SigningKeys keys, TokenProperties properties, Clock clock) {
		this.codec = codec;
		this.keys = keys;
		this.clock = clock;
		this.clockSkew = properties.clockSkew();
		// Entries leave after the longest a token can live; expiry itself is checked on
		// each hit against the service's clock.
		this.verified = Caffeine.newBuilder()
			.maximumSize(MAXIMUM_SIZE)
			.expireAfterWrite(properties.accessTokenTtl().plus(this.clockSkew))
			.build();
		this.refused = Caffeine.newBuilder()
			.maximumWeight(REFUSED_MAXIMUM_BYTES)
			.weigher((String token, Refused refusal) -> REFUSED_ENTRY_BYTES + token.length())
			.expireAfterWrite(properties.accessTokenTtl().plus(this.clockSkew))
			.build();
	}

	/**
	 * The token's verified content.
	 * @throws InvalidTokenException when the codec refuses it
	 */
	VerifiedToken verify(String token) {
		Remembered remembered = this.verified.getIfPresent(token);
		Instant now = this.clock.instant();
		if (remembered != null && remembered.generation() == this.keys.generation()
				&& now.isBefore(remembered.token().expiresAt().plus(this.clockSkew))) {
			return remembered.token();
		}
		int generation = this.keys.generation();
		Refused refusal = this.refused.getIfPresent(token);
		if (refusal != null && refusal.generation() == generation) {
			// Stackless and immutable, so one instance serves every replay.
			throw refusal.exception();
		}
		VerifiedToken checked;
		try {
			checked = this.codec.verify(token);
		}
		catch (InvalidTokenException ex) {
			if (ex.isWorthRemembering()) {
				this.refused.put(token, new Refused(ex, generation));
			}
			throw ex;
		}
		this.verified.put(token, new Remembered(checked, generation));
		return checked;
	}

	/** How many refusals are remembered, once pending evictions are done. */
	long rememberedRefusals() {
		this.refused.cleanUp();
		return this.refused.estimatedSize();
	}

	private record Remembered(VerifiedToken token, int generation) {
	}

	private record Refused(InvalidTokenException exception, int generation) {
	}

}
