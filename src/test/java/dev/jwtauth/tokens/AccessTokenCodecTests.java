package dev.jwtauth.tokens;

import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.Base64;
import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import dev.jwtauth.accounts.AccountDetails;
import dev.jwtauth.accounts.Role;
import dev.jwtauth.testing.CraftedTokens;
import dev.jwtauth.tokens.keys.TestSigningKeys;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import tools.jackson.databind.json.JsonMapper;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * The codec against tokens it made and tokens an attacker made: each check in
 * {@link AccessTokenCodec#verify} is broken once here.
 */
class AccessTokenCodecTests {

	private static final byte[] SECRET = "0123456789abcdef0123456789abcdef-test-only".getBytes(StandardCharsets.UTF_8);

	private static final Instant NOW = Instant.parse("2026-03-01T12:00:00Z");

	private static final UUID ACCOUNT = UUID.randomUUID();

	private static final UUID SESSION = UUID.randomUUID();

	private final AccessTokenCodec codec = codec(Clock.fixed(NOW, ZoneOffset.UTC), null);

	private static AccessTokenCodec codec(Clock clock, String audience) {
		TokenProperties properties = TestTokenProperties.with(null, Path.of("unused"), audience, "HS256",
				Path.of("unused"));
		return new AccessTokenCodec(TestSigningKeys.hmac(SECRET), properties, clock);
	}

	private static AccountDetails account() {
		return new AccountDetails(ACCOUNT, "alice", null, null, EnumSet.of(Role.USER), true, NOW);
	}

	private static Map<String, Object> claims() {
		Map<String, Object> claims = new LinkedHashMap<>();
		claims.put("sub", ACCOUNT.toString());
		claims.put("iss", "jwt-auth-service");
		claims.put("iat", NOW.getEpochSecond());
		claims.put("nbf", NOW.getEpochSecond());
		claims.put("exp", NOW.plusSeconds(900).getEpochSecond());
		claims.put("jti", "abc");
		claims.put("sid", SESSION.toString());
		claims.put("roles", List.of("USER"));
		return claims;
	}

	private static Map<String, Object> header(String alg) {
		Map<String, Object> header = new LinkedHashMap<>();
		header.put("alg", alg);
		header.put("typ", "at+jwt");
		return header;
	}

	private void assertRejected(String token, String description) {
		assertThatThrownBy(() -> this.codec.verify(token)).isInstanceOf(InvalidTokenException.class)
			.hasMessage(description);
	}

	@Test
	void issueThenVerifyRoundTripsEveryClaim() {
		IssuedToken issued = this.codec.issue(account(), SESSION);
		VerifiedToken verified = this.codec.verify(issued.value());
		assertThat(verified.accountId()).isEqualTo(ACCOUNT);
		assertThat(verified.sessionId()).isEqualTo(SESSION);
		assertThat(verified.jti()).isEqualTo(issued.jti());
		assertThat(verified.roles()).containsExactly("USER");
		assertThat(verified.expiresAt()).isEqualTo(NOW.plus(Duration.ofMinutes(15)));
	}

	@Test
	@SuppressWarnings("unchecked")
	void issueWhenCalledThenHeaderAndClaimsAreThoseOfTheContract() {
		String[] parts = this.codec.issue(account(), SESSION).value().split("\\.");
		JsonMapper json = JsonMapper.builder().build();
		Map<String, Object> header = json.readValue(Base64.getUrlDecoder().decode(parts[0]), Map.class);
		Map<String, Object> claims = json.readValue(Base64.getUrlDecoder().decode(parts[1]), Map.class);
		assertThat(header).containsEntry("alg", "HS256").containsEntry("typ", "at+jwt").doesNotContainKey("kid");
		assertThat(claims).containsEntry("sub", ACCOUNT.toString())
			.containsEntry("iss", "jwt-auth-service")
			.containsEntry("roles", List.of("USER"))
			.containsEntry("sid", SESSION.toString())
			.containsKeys("iat", "nbf", "exp", "jti")
			.doesNotContainKey("aud");
		// 128 bits of randomness, base64url: ASVS says a UUID is not enough
		assertThat(Base64.getUrlDecoder().decode((String) claims.get("jti"))).hasSize(16);
	}

	@Test
	void verifyWhenCraftedWithTheSameSecretThenAccepted() {
		// proves the crafted tokens below fail for the reason each test names, not by accident
		assertThat(this.codec.verify(CraftedTokens.hs256(claims(), SECRET)).accountId()).isEqualTo(ACCOUNT);
	}

	@ParameterizedTest
	@ValueSource(strings = { "none", "None", "NONE", "nOnE", "noNE" })
	void verifyWhenAlgNoneInAnySpellingThenRejected(String alg) {
		// a signature part present and correct, so that only the refusal of unsigned tokens stands in the way
		assertRejected(CraftedTokens.signed(header(alg), claims(), "HS256", SECRET), "The token is not a signed JWT.");
	}

	@Test
	void verifyWhenSignaturePartEmptyThenRejectedUnparsed() {
		assertRejected(CraftedTokens.unsigned(header("none"), claims()), "The token is not a compact signed JWT.");
	}

	@ParameterizedTest
	@ValueSource(strings = { "HS384", "HS512" })
	void verifyWhenOtherAlgorithmWithTheSameSecretThenRejected(String alg) {
		assertRejected(CraftedTokens.signed(header(alg), claims(), alg, SECRET),
				"The token's algorithm is not accepted.");
	}

	@ParameterizedTest
	@ValueSource(strings = { "hs256", "Hs256", "HS256 " })
	void verifyWhenAlgorithmSpelledDifferentlyThenRejected(String alg) {
		// the allow-list is case-sensitive: a correct MAC under a variant spelling fails
		assertRejected(CraftedTokens.signed(header(alg), claims(), "HS256", SECRET),
				"The token's algorithm is not accepted.");
	}

	@Test
	void verifyWhenPayloadTamperedThenRejected() {
		String token = this.codec.issue(account(), SESSION).value();
		String[] parts = token.split("\\.");
		Map<String, Object> forged = claims();
		forged.put("roles", List.of("USER", "ADMIN"));
		assertRejected(parts[0] + "." + CraftedTokens.encode(forged) + "." + parts[2],
				"The token's signature is invalid.");
	}

	@Test
	void verifyWhenSignedWithAnotherKeyThenRejected() {
		byte[] other = "another-secret-of-more-than-32-bytes!!".getBytes(StandardCharsets.UTF_8);
		assertRejected(CraftedTokens.hs256(claims(), other), "The token's signature is invalid.");
	}

	@Test
	void verifyWhenExpiredThenRejected() {
		Map<String, Object> claims = claims();
		claims.put("iat", NOW.minusSeconds(1000).getEpochSecond());
		claims.put("nbf", NOW.minusSeconds(1000).getEpochSecond());
		claims.put("exp", NOW.minusSeconds(31).getEpochSecond());
		assertRejected(CraftedTokens.hs256(claims, SECRET), "The token has expired.");
	}

	@Test
	void verifyWhenExpiredWithinClockSkewThenAccepted() {
		Map<String, Object> claims = claims();
		claims.put("exp", NOW.minusSeconds(20).getEpochSecond());
		assertThat(this.codec.verify(CraftedTokens.hs256(claims, SECRET)).expiresAt()).isEqualTo(NOW.minusSeconds(20));
	}

	@Test
	void verifyWhenIssuedTokenOutlivesItsLifetimeThenRejected() {
		String token = this.codec.issue(account(), SESSION).value();
		AccessTokenCodec later = codec(Clock.fixed(NOW.plus(Duration.ofMinutes(16)), ZoneOffset.UTC), null);
		assertThatThrownBy(() -> later.verify(token)).hasMessage("The token has expired.");
	}

	@Test
	void verifyWhenNotBeforeIsInTheFutureThenRejected() {
		Map<String, Object> claims = claims();
		claims.put("nbf", NOW.plusSeconds(120).getEpochSecond());
		assertRejected(CraftedTokens.hs256(claims, SECRET), "The token is not valid yet.");
	}

	@Test
	void verifyWhenIssuedInTheFutureBeyondSkewThenRejected() {
		Map<String, Object> claims = claims();
		claims.put("iat", NOW.plusSeconds(120).getEpochSecond());
		assertRejected(CraftedTokens.hs256(claims, SECRET), "The token was issued in the future.");
	}

	@Test
	void verifyWhenWrongIssuerThenRejected() {
		Map<String, Object> claims = claims();
		claims.put("iss", "someone-else");
		assertRejected(CraftedTokens.hs256(claims, SECRET), "The token has the wrong issuer.");
		claims.remove("iss");
		assertRejected(CraftedTokens.hs256(claims, SECRET), "The token has the wrong issuer.");
	}

	@Test
	void verifyWhenAudienceConfiguredAndTokenForAnotherThenRejected() {
		AccessTokenCodec withAudience = codec(Clock.fixed(NOW, ZoneOffset.UTC), "orders-api");
		Map<String, Object> claims = claims();
		claims.put("aud", "billing-api");
		assertThatThrownBy(() -> withAudience.verify(CraftedTokens.hs256(claims, SECRET)))
			.hasMessage("The token has the wrong audience.");
		claims.put("aud", "orders-api");
		assertThat(withAudience.verify(CraftedTokens.hs256(claims, SECRET)).accountId()).isEqualTo(ACCOUNT);
		assertThat(withAudience.verify(withAudience.issue(account(), SESSION).value()).accountId()).isEqualTo(ACCOUNT);
	}

	@Test
	void verifyWhenTypeIsNotAccessTokenThenRejected() {
		Map<String, Object> header = new LinkedHashMap<>(Map.of("alg", "HS256", "typ", "JWT"));
		assertRejected(CraftedTokens.signed(header, claims(), "HS256", SECRET), "The token is not an access token.");
		header.remove("typ");
		assertRejected(CraftedTokens.signed(header, claims(), "HS256", SECRET), "The token is not an access token.");
	}

	@Test
	void verifyWhenRequiredClaimMissingThenRejected() {
		for (String claim : List.of("exp", "iat", "jti", "sub", "sid")) {
			Map<String, Object> claims = claims();
			claims.remove(claim);
			assertRejected(CraftedTokens.hs256(claims, SECRET), "The token lacks a required claim.");
		}
	}

	@Test
	void verifyWhenSubjectIsNotAStringUuidThenRejected() {
		// the JWT library itself refuses a subject that is not a string
		assertRejectedWithClaim("sub", 12345, "The token is malformed.");
		assertRejectedWithClaim("sub", "../admin", "The token's subject is not valid.");
		assertRejectedWithClaim("sub", "z".repeat(36), "The token's subject is not valid.");
		// which java.util.UUID would read as 00000001-0001-0001-0001-000000000001
		assertRejectedWithClaim("sub", "1-1-1-1-1", "The token's subject is not valid.");
	}

	@Test
	void verifyWhenSessionIsNotAStringUuidThenRejected() {
		assertRejectedWithClaim("sid", 12345, "The token's session is not valid.");
		assertRejectedWithClaim("sid", "g".repeat(36), "The token's session is not valid.");
		assertRejectedWithClaim("sid", "1-1-1-1-1", "The token's session is not valid.");
	}

	private void assertRejectedWithClaim(String name, Object value, String description) {
		Map<String, Object> claims = claims();
		claims.put(name, value);
		assertRejected(CraftedTokens.hs256(claims, SECRET), description);
	}

	@Test
	void verifyWhenKidNamesAFileOrUnknownKeyThenRejected() {
		Map<String, Object> header = header("HS256");
		header.put("kid", "../../dev/null");
		// signed with an empty key, as a kid pointing at /dev/null would yield if trusted
		String token = CraftedTokens.signed(header, claims(), "HS256", new byte[32]);
		assertRejected(token, "The token's signature is invalid.");
		String sameSecret = CraftedTokens.signed(header, claims(), "HS256", SECRET);
		assertRejected(sameSecret, "The token's signature is invalid.");
	}

	@Test
	void verifyWhenHeaderPointsAtForeignKeysThenTheyAreIgnored() {
		byte[] attackerKey = "attacker-controlled-secret-32-bytes-long".getBytes(StandardCharsets.UTF_8);
		Map<String, Object> header = header("HS256");
		header.put("jku", "https://attacker.example/jwks.json");
		header.put("x5u", "https://attacker.example/cert.pem");
		assertRejected(CraftedTokens.signed(header, claims(), "HS256", attackerKey),
				"The token's signature is invalid.");
	}

	@Test
	void verifyWhenHeaderEmbedsItsOwnKeyThenRejected() {
		byte[] attackerKey = "attacker-controlled-secret-32-bytes-long".getBytes(StandardCharsets.UTF_8);
		Map<String, Object> header = header("HS256");
		header.put("jwk",
				Map.of("kty", "oct", "k", Base64.getUrlEncoder().withoutPadding().encodeToString(attackerKey)));
		// the JWT library refuses a secret key in a header outright
		assertRejected(CraftedTokens.signed(header, claims(), "HS256", attackerKey), "The token is malformed.");
	}

	@ParameterizedTest
	@ValueSource(strings = { "a.b", "a.b.c.d.e", "a.b.c.d", "", ".", "..", "a..c", ".b.c", "a.b.", "not a token",
			"eyJ.eyJ.sig=", " eyJ.eyJ.sig", "eyJ.eyJ.sig ", "eyJ.e yJ.sig", "eyJ.eyJ.si+g", "eyJ.eyJ.si/g",
			"eyJ.eyJ.sig\n", "eyJ.eyJ.s\u00efg", "{\"payload\":\"x\",\"signatures\":[]}" })
	void verifyWhenNotCompactJwsThenRejected(String token) {
		assertRejected(token, "The token is not a compact signed JWT.");
	}

	@Test
	void verifyWhenPaddedThenRejected() {
		String token = this.codec.issue(account(), SESSION).value();
		String[] parts = token.split("\\.");
		assertRejected(parts[0] + "=." + parts[1] + "." + parts[2], "The token is not a compact signed JWT.");
	}

	@Test
	void verifyWhenLongerThanTheLimitThenRejectedUnparsed() {
		// validly signed, so that only the length stands in the way
		Map<String, Object> claims = claims();
		claims.put("note", "");
		int room = 8192 - CraftedTokens.hs256(claims, SECRET).length();
		claims.put("note", "x".repeat(room * 3 / 4));
		String longest = CraftedTokens.hs256(claims, SECRET);
		assertThat(longest).hasSizeLessThanOrEqualTo(8192);
		assertThat(this.codec.verify(longest).accountId()).isEqualTo(ACCOUNT);
		claims.put("note", "x".repeat(room * 3 / 4 + 3));
		String tooLong = CraftedTokens.hs256(claims, SECRET);
		assertThat(tooLong).hasSizeGreaterThan(8192);
		assertRejected(tooLong, "The token is too long.");
	}

	@Test
	void verifyWhenSegmentsAreGarbageThenRejectedAsMalformed() {
		assertRejected("eyJhbGciOi.eyJzdWIiOi.c2lnbmF0dXJl", "The token is malformed.");
	}

}
