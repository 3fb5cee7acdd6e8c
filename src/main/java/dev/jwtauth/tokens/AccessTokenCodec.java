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
import java.util.UUID;

import dev.jwtauth.accounts.AccountDetails;
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
			.subject(account.id().toString())
			.issuer(this.properties.issuer())
			.issuedAt(Date.from(issuedAt))
			.notBefore(Date.from(issuedAt))
			.expiration(Date.from(expiresAt))
			.id(jti)
			.claim(SESSION_ID, sessionId.toString())
			.claim("roles", account.roles().stream().map(Enum::name).sorted().toList());
		if (this.properties.audience() != null) {
			builder.audience().single(this.properties.audience());
		}
		String value = builder.signWith(signing.key(), this.algorithm).compact();
		return new IssuedToken(value, jti, issuedAt, expiresAt);
	}

	VerifiedToken verify(String token) {
		if (token.length() > this.properties.maxTokenLength()) {
			throw new InvalidTokenException("The token is too long.");
		}
		if (!isCompactJws(token)) {
			throw new InvalidTokenException("The token is not a compact signed JWT.");
		}
		Jws<Claims> jws = parse(token);
		// RFC 8725 explicit typing: an ID token or any other JWT signed with the same key
		// must not pass as an access token.
		String type = jws.getHeader().getType();
		if (type == null || !(type.equalsIgnoreCase(ACCESS_TOKEN_TYPE)
				|| type.equalsIgnoreCase("application/" + ACCESS_TOKEN_TYPE))) {
			throw InvalidTokenException.afterSignatureCheck("The token is not an access token.");
		}
		Claims claims = jws.getPayload();
		Instant now = this.clock.instant();
		Date issuedAt = claims.getIssuedAt();
		if (issuedAt == null || claims.getExpiration() == null || claims.getId() == null) {
			throw InvalidTokenException.afterSignatureCheck("The token lacks a required claim.");
		}
		// A token from the future was minted with a wrong clock or a stolen key.
		if (issuedAt.toInstant().isAfter(now.plus(this.properties.clockSkew()))) {
			throw new InvalidTokenException("The token was issued in the future.");
		}
		return new VerifiedToken(uuidClaim(claims, Claims.SUBJECT), uuidClaim(claims, SESSION_ID), claims.getId(),
				issuedAt.toInstant(), claims.getExpiration().toInstant(), roles(claims));
	}

	private Jws<Claims> parse(String token) {
		try {
			return this.parser.parseSignedClaims(token);
		}
		catch (UnacceptableAlgorithmException ex) {
			throw new InvalidTokenException("The token's algorithm is not accepted.");
		}
		catch (ExpiredJwtException ex) {
			throw InvalidTokenException.afterSignatureCheck("The token has expired.");
		}
		catch (PrematureJwtException ex) {
			throw new InvalidTokenException("The token is not valid yet.");
		}
		catch (MissingClaimException | IncorrectClaimException ex) {
			String claim = (ex instanceof MissingClaimException missing) ? missing.getClaimName()
					: ((IncorrectClaimException) ex).getClaimName();
			throw InvalidTokenException.afterSignatureCheck(switch (claim) {
				case Claims.ISSUER -> "The token has the wrong issuer.";
				case Claims.AUDIENCE -> "The token has the wrong audience.";
				default -> "The token has a wrong claim.";
			});
		}
		catch (UnsupportedJwtException ex) {
			// alg "none", unsigned or encrypted tokens
			throw new InvalidTokenException("The token is not a signed JWT.");
		}
		catch (UnknownKeyException ex) {
			throw new InvalidTokenException("The token's signature is invalid.");
		}
		catch (SignatureException ex) {
			// an algorithm the library does not know ("hs256", "XYZ") fails before any key is looked for
			if (ex.getCause() instanceof UnsupportedJwtException) {
				throw new InvalidTokenException("The token's algorithm is not accepted.");
			}
			throw InvalidTokenException.afterSignatureCheck("The token's signature is invalid.");
		}
		catch (io.jsonwebtoken.security.SecurityException ex) {
			throw new InvalidTokenException("The token's signature is invalid.");
		}
		catch (JwtException | IllegalArgumentException | ClassCastException ex) {
			throw new InvalidTokenException("The token is malformed.");
		}
	}

	/**
	 * Compact JWS only: three non-empty base64url parts, no padding, no whitespace, no JSON
	 * serialisation, no five-part JWE. A loop rather than a regular expression, the cheaper:
	 * every token not seen before passes here, forged ones included.
	 */
	static boolean isCompactJws(String token) {
		int dots = 0;
		int partLength = 0;
		for (int i = 0; i < token.length(); i++) {
			char c = token.charAt(i);
			if (c == '.') {
				if (partLength == 0 || ++dots > 2) {
					return false;
				}
				partLength = 0;
			}
			else if ((c >= 'A' && c <= 'Z') || (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9') || c == '-'
					|| c == '_') {
				partLength++;
			}
			else {
				return false;
			}
		}
		return dots == 2 && partLength > 0;
	}

	private static UUID uuidClaim(Claims claims, String name) {
		Object value = claims.get(name);
		String what = Claims.SUBJECT.equals(name) ? "subject" : "session";
		if (value == null) {
			throw InvalidTokenException.afterSignatureCheck("The token lacks a required claim.");
		}
		if (!(value instanceof String text) || text.length() != 36) {
			throw InvalidTokenException.afterSignatureCheck("The token's " + what + " is not valid.");
		}
		try {
			return UUID.fromString(text);
		}
		catch (IllegalArgumentException ex) {
			throw InvalidTokenException.afterSignatureCheck("The token's " + what + " is not valid.");
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
