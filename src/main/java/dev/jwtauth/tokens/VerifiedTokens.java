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

	private final Cache<String, Remembered> verified;

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
		VerifiedToken checked = this.codec.verify(token);
		this.verified.put(token, new Remembered(checked, generation));
		return checked;
	}

	private record Remembered(VerifiedToken token, int generation) {
	}

}
