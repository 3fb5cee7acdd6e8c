package dev.jwtauth.tokens;

import java.security.Key;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Instant;
import java.util.Base64;
import java.util.Collection;
import java.util.Date;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;
import java.util.regex.Pattern;

import dev.jwtauth.accounts.AccountDetails;
import dev.jwtauth.tokens.InvalidTokenException.Reason;
import dev.jwtauth.tokens.keys.SigningKeys;
import io.jsonwebtoken.Claims;
import io.jsonwebtoken.ExpiredJwtException;
import io.jsonwebtoken.IncorrectClaimException;
import io.jsonwebtoken.Jws;
import io.jsonwebtoken.JwsHeader;
import io.jsonwebtoken.JwtBuilder;
import io.jsonwebtoken.JwtException;
import io.jsonwebtoken.JwtParser;
import io.jsonwebtoken.JwtParserBuilder;
import io.jsonwebtoken.Jwts;
import io.jsonwebtoken.LocatorAdapter;
import io.jsonwebtoken.MissingClaimException;
import io.jsonwebtoken.PrematureJwtException;
import io.jsonwebtoken.UnsupportedJwtException;
import io.jsonwebtoken.security.SecureDigestAlgorithm;
import io.jsonwebtoken.security.SignatureException;
import org.jspecify.annotations.Nullable;

import org.springframework.stereotype.Component;

/**
 * Signs and verifies access tokens: the only class that uses the JWT library. Every
 * rejection names the check that failed, in words safe to send back to the client.
 */
@Component
class AccessTokenCodec {

	static final String ACCESS_TOKEN_TYPE = "at+jwt";

	/** The login (refresh-token family) a token was issued for, as in OpenID's {@code sid}. */
	static final String SESSION_ID = "sid";

	/** The service client a client-credentials token was issued to (RFC 9068, RFC 8693). */
	static final String CLIENT_ID = "client_id";

	/** A client token's scopes, space-separated (RFC 9068 section 2.2.3). */
	static final String SCOPE = "scope";

	/** What a service client's id looks like: its prefix, then base64url characters. */
	private static final Pattern CLIENT_ID_FORMAT = Pattern.compile("client_[A-Za-z0-9_-]{1,64}");

	private final SigningKeys keys;

	private final TokenProperties properties;

	private final Clock clock;

	private final JwtParser parser;

	private final SecureRandom random = new SecureRandom();

	@SuppressWarnings("unchecked")
	private final SecureDigestAlgorithm<Key, ?> algorithm;

	@SuppressWarnings("unchecked")
	AccessTokenCodec(SigningKeys keys, TokenProperties properties, Clock clock) {
		this.keys = keys;
		this.properties = properties;
		this.clock = clock;
		this.algorithm = (SecureDigestAlgorithm<Key, ?>) Jwts.SIG.get().forKey(keys.algorithm());

		JwtParserBuilder builder = Jwts.parser()
			.keyLocator(new PinnedAlgorithmKeyLocator(keys))
			.requireIssuer(properties.issuer())
			.clock(() -> Date.from(clock.instant()))
			.clockSkewSeconds(properties.clockSkew().toSeconds());
		if (properties.audience() != null) {
			builder.requireAudience(properties.audience());
		}
		this.parser = builder.build();
	}

	IssuedToken issue(AccountDetails account, UUID sessionId) {
		return issue(account, sessionId, List.of("pwd"));
	}

	IssuedToken issue(AccountDetails account, UUID sessionId, List<String> amr) {
		return sign(account.id().toString(), sessionId,
				Map.of("roles", account.roles().stream().map(Enum::name).sorted().toList(), "amr", amr));
	}

	/**
	 * A service client's token: {@code sub} and {@code client_id} are the client id, no
	 * roles, and {@code sid} the client's key, which its removal revokes.
	 */
	IssuedToken issueForClient(String clientId, UUID clientKey, List<String> scopes) {
		if (!CLIENT_ID_FORMAT.matcher(clientId).matches()) {
			throw new IllegalArgumentException("not a client id");
		}
		return sign(clientId, clientKey, Map.of(CLIENT_ID, clientId, SCOPE, String.join(" ", scopes)));
	}

	private IssuedToken sign(String subject, UUID sessionId, Map<String, Object> claims) {
		Instant now = this.clock.instant();
		Instant issuedAt = Instant.ofEpochSecond(now.getEpochSecond());
		Instant expiresAt = issuedAt.plus(this.properties.accessTokenTtl());
		String jti = newJti();
		SigningKeys.Current signing = this.keys.current();
		JwtBuilder builder = Jwts.builder()
			.header()
			.type(ACCESS_TOKEN_TYPE)
			.keyId(signing.kid())
			.and()
			.subject(subject)
			.issuer(this.properties.issuer())
			.issuedAt(Date.from(issuedAt))
			.notBefore(Date.from(issuedAt))
			.expiration(Date.from(expiresAt))
			.id(jti)
			.claim(SESSION_ID, sessionId.toString())
			.claims(claims);
		if (this.properties.audience() != null) {
			builder.audience().single(this.properties.audience());
		}
		String value = builder.signWith(signing.key(), this.algorithm).compact();
		return new IssuedToken(value, jti, issuedAt, expiresAt);
	}

	VerifiedToken verify(String token) {
		CompactJws.requireShape(token, this.properties.maxTokenLength());
		Jws<Claims> jws = parse(token);
		// RFC 8725 explicit typing: an ID token or any other JWT signed with the same key
		// must not pass as an access token.
		String type = jws.getHeader().getType();
		if (type == null || !(type.equalsIgnoreCase(ACCESS_TOKEN_TYPE)
				|| type.equalsIgnoreCase("application/" + ACCESS_TOKEN_TYPE))) {
			throw InvalidTokenException.afterSignatureCheck(Reason.WRONG_TYPE);
		}
		Claims claims = jws.getPayload();
		Instant now = this.clock.instant();
		Date issuedAt = claims.getIssuedAt();
		if (issuedAt == null || claims.getExpiration() == null || claims.getId() == null) {
			throw InvalidTokenException.afterSignatureCheck(Reason.MISSING_CLAIM);
		}
		// A token from the future was minted with a wrong clock or a stolen key.
		if (issuedAt.toInstant().isAfter(now.plus(this.properties.clockSkew()))) {
			throw new InvalidTokenException(Reason.ISSUED_IN_FUTURE);
		}
		if (claims.get(CLIENT_ID) != null) {
			return clientToken(claims, issuedAt.toInstant());
		}
		return new VerifiedToken(uuidClaim(claims, Claims.SUBJECT), uuidClaim(claims, SESSION_ID), claims.getId(),
				issuedAt.toInstant(), claims.getExpiration().toInstant(), roles(claims));
	}

	/** A client's token names the client twice, alike, and carries no roles. */
	private static VerifiedToken clientToken(Claims claims, Instant issuedAt) {
		Object clientId = claims.get(CLIENT_ID);
		if (!(clientId instanceof String id) || !CLIENT_ID_FORMAT.matcher(id).matches()
				|| !id.equals(claims.getSubject()) || claims.get("roles") != null) {
			throw InvalidTokenException.invalidClaim("client_id");
		}
		UUID clientKey = uuidClaim(claims, SESSION_ID);
		Object scope = claims.get(SCOPE);
		List<String> scopes = (scope instanceof String text && !text.isBlank()) ? List.of(text.strip().split(" +"))
				: List.of();
		return new VerifiedToken(clientKey, clientKey, claims.getId(), issuedAt, claims.getExpiration().toInstant(),
				List.of(), id, scopes);
	}

	private Jws<Claims> parse(String token) {
		try {
			return this.parser.parseSignedClaims(token);
		}
		catch (UnacceptableAlgorithmException ex) {
			throw new InvalidTokenException(Reason.ALGORITHM);
		}
		catch (ExpiredJwtException ex) {
			throw InvalidTokenException.afterSignatureCheck(Reason.EXPIRED);
		}
		catch (PrematureJwtException ex) {
			throw new InvalidTokenException(Reason.NOT_YET_VALID);
		}
		catch (MissingClaimException | IncorrectClaimException ex) {
			String claim = (ex instanceof MissingClaimException missing) ? missing.getClaimName()
					: ((IncorrectClaimException) ex).getClaimName();
			throw InvalidTokenException.afterSignatureCheck(switch (claim) {
				case Claims.ISSUER -> Reason.WRONG_ISSUER;
				case Claims.AUDIENCE -> Reason.WRONG_AUDIENCE;
				default -> Reason.WRONG_CLAIM;
			});
		}
		catch (UnsupportedJwtException ex) {
			// alg "none", unsigned or encrypted tokens
			throw new InvalidTokenException(Reason.NOT_SIGNED);
		}
		catch (UnknownKeyException ex) {
			throw new InvalidTokenException(Reason.BAD_SIGNATURE);
		}
		catch (SignatureException ex) {
			// an algorithm the library does not know ("hs256", "XYZ") fails before any key is looked for
			if (ex.getCause() instanceof UnsupportedJwtException) {
				throw new InvalidTokenException(Reason.ALGORITHM);
			}
			throw InvalidTokenException.afterSignatureCheck(Reason.BAD_SIGNATURE);
		}
		catch (io.jsonwebtoken.security.SecurityException ex) {
			throw new InvalidTokenException(Reason.BAD_SIGNATURE);
		}
		catch (JwtException | IllegalArgumentException | ClassCastException ex) {
			throw new InvalidTokenException(Reason.MALFORMED);
		}
	}

	private static UUID uuidClaim(Claims claims, String name) {
		Object value = claims.get(name);
		String what = Claims.SUBJECT.equals(name) ? "subject" : "session";
		if (value == null) {
			throw InvalidTokenException.afterSignatureCheck(Reason.MISSING_CLAIM);
		}
		if (!(value instanceof String text) || text.length() != 36) {
			throw InvalidTokenException.invalidClaim(what);
		}
		try {
			return UUID.fromString(text);
		}
		catch (IllegalArgumentException ex) {
			throw InvalidTokenException.invalidClaim(what);
		}
	}

	private static List<String> roles(Claims claims) {
		Object roles = claims.get("roles");
		if (roles instanceof Collection<?> collection) {
			return collection.stream().map(String::valueOf).map((role) -> role.toUpperCase(Locale.ROOT)).toList();
		}
		return List.of();
	}

	private String newJti() {
		byte[] bytes = new byte[16];
		this.random.nextBytes(bytes);
		return Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
	}

	/**
	 * Hands the parser a key only when the header names exactly the configured algorithm
	 * (case-sensitive: {@code none}, {@code None}, {@code HS512} are all refused) and a
	 * known key id. Key material named by the token itself ({@code jku}, {@code x5u},
	 * {@code jwk}) is never looked at.
	 */
	private static final class PinnedAlgorithmKeyLocator extends LocatorAdapter<Key> {

		private final SigningKeys keys;

		PinnedAlgorithmKeyLocator(SigningKeys keys) {
			this.keys = keys;
		}

		@Override
		protected Key locate(JwsHeader header) {
			if (!this.keys.algorithm().equals(header.getAlgorithm())) {
				throw new UnacceptableAlgorithmException();
			}
			@Nullable String keyId = header.getKeyId();
			return this.keys.verificationKey(keyId).orElseThrow(UnknownKeyException::new);
		}

	}

	private static final class UnacceptableAlgorithmException extends JwtException {

		UnacceptableAlgorithmException() {
			super("algorithm not accepted");
		}

	}

	private static final class UnknownKeyException extends JwtException {

		UnknownKeyException() {
			super("unknown key id");
		}

	}

}
