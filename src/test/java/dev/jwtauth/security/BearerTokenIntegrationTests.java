package dev.jwtauth.security;

import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import dev.jwtauth.testing.CraftedTokens;
import dev.jwtauth.testing.IntegrationTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The contract's "Presenting a token" table, each row tried as a client or an attacker
 * would, with real and crafted tokens.
 */
class BearerTokenIntegrationTests extends IntegrationTest {

	private static final String INVALID_TOKEN = "Bearer error=\"invalid_token\", error_description=\"";

	private Map<String, Object> claimsFor(User user) {
		long now = Instant.now().getEpochSecond();
		Map<String, Object> claims = new LinkedHashMap<>();
		claims.put("sub", user.id().toString());
		claims.put("iss", "jwt-auth-service");
		claims.put("iat", now);
		claims.put("nbf", now);
		claims.put("exp", now + 600);
		claims.put("jti", "crafted-" + now);
		claims.put("sid", java.util.UUID.randomUUID().toString());
		claims.put("roles", List.of("USER"));
		return claims;
	}

	private void assertInvalidToken(Reply reply) {
		assertThat(reply.status()).isEqualTo(401);
		assertThat(reply.header("WWW-Authenticate")).startsWith(INVALID_TOKEN);
		assertThat(reply.contentType()).startsWith("application/problem+json");
		assertThat(reply.object()).containsEntry("status", 401);
	}

	@ParameterizedTest
	@ValueSource(strings = { "Authorization:Bearer ", "Authorization:JWT ", "x-access-token:" })
	void protectedWhenTokenInAnyAcceptedHeaderThen200(String headerAndPrefix) throws Exception {
		User user = signup("ada");
		String token = login(user);
		String[] parts = headerAndPrefix.split(":", 2);
		Reply reply = get("/protected", parts[0], parts[1] + token);
		assertThat(reply.status()).isEqualTo(200);
		assertThat(reply.object()).isEqualTo(Map.of("id", user.id().toString(), "username", user.username()));
	}

	@Test
	void protectedWhenBearerSchemeInOtherCaseThen200() throws Exception {
		String token = login(signup("ben"));
		assertThat(get("/protected", "Authorization", "bearer " + token).status()).isEqualTo(200);
	}

	@Test
	void protectedWhenNoTokenThen401WithRealm() throws Exception {
		Reply reply = get("/protected");
		assertThat(reply.status()).isEqualTo(401);
		assertThat(reply.header("WWW-Authenticate")).isEqualTo("Bearer realm=\"api\"");
		assertThat(reply.contentType()).startsWith("application/problem+json");
	}

	@Test
	void protectedWhenOtherAuthorizationSchemeThen401WithRealm() throws Exception {
		Reply reply = get("/protected", "Authorization", "Basic YWxpY2U6c2VjcmV0");
		assertThat(reply.status()).isEqualTo(401);
		assertThat(reply.header("WWW-Authenticate")).isEqualTo("Bearer realm=\"api\"");
	}

	@Test
	void protectedWhenTokenOnlyInQueryStringThen401() throws Exception {
		String token = login(signup("cid"));
		for (String parameter : new String[] { "access_token", "token", "jwt" }) {
			Reply reply = get("/protected?" + parameter + "=" + token);
			assertThat(reply.status()).isEqualTo(401);
			assertThat(reply.header("WWW-Authenticate")).isEqualTo("Bearer realm=\"api\"");
		}
	}

	@Test
	void protectedWhenTokenLongerThan8KiBThen401TooLong() throws Exception {
		User user = signup("dee");
		Map<String, Object> claims = claimsFor(user);
		// signed with the service's secret, so that only the length stands in the way
		claims.put("note", "x".repeat(8 * 1024));
		String token = CraftedTokens.hs256(claims, CraftedTokens.serviceSecret());
		Reply reply = getWithToken("/protected", token);
		assertInvalidToken(reply);
		assertThat(reply.header("WWW-Authenticate")).isEqualTo(INVALID_TOKEN + "The token is too long.\"");
	}

	@Test
	void protectedWhenIssuedInTheFutureThen401() throws Exception {
		User user = signup("eli");
		Map<String, Object> claims = claimsFor(user);
		claims.put("iat", Instant.now().getEpochSecond() + 300);
		assertInvalidToken(get("/protected", "Authorization",
				"Bearer " + CraftedTokens.hs256(claims, CraftedTokens.serviceSecret())));
	}

	@Test
	void protectedWhenCraftedWithTheServiceSecretThen200() throws Exception {
		// the crafted tokens below are refused for what they change, not for being crafted
		User user = signup("fox");
		String token = CraftedTokens.hs256(claimsFor(user), CraftedTokens.serviceSecret());
		assertThat(getWithToken("/protected", token).status()).isEqualTo(200);
	}

	@Test
	void protectedWhenMalformedThen401() throws Exception {
		for (String token : new String[] { "abc", "a.b.c", "eyJhbGciOiJIUzI1NiJ9.e30", "x".repeat(100) }) {
			assertInvalidToken(getWithToken("/protected", token));
		}
		assertInvalidToken(get("/protected", "Authorization", "Bearer"));
	}

	@Test
	void protectedWhenBadlySignedThen401() throws Exception {
		User user = signup("gus");
		String token = CraftedTokens.hs256(claimsFor(user), "someone-elses-secret-of-32-bytes-or-more".getBytes());
		assertInvalidToken(getWithToken("/protected", token));
		String real = login(user);
		String flipped = real.substring(0, real.length() - 2) + (real.endsWith("AA") ? "BB" : "AA");
		assertInvalidToken(getWithToken("/protected", flipped));
	}

	@Test
	void protectedWhenPayloadSwappedToAdminThen401() throws Exception {
		User user = signup("hal");
		String[] parts = login(user).split("\\.");
		Map<String, Object> claims = claimsFor(user);
		claims.put("roles", List.of("USER", "ADMIN"));
		assertInvalidToken(get("/users", "Authorization",
				"Bearer " + parts[0] + "." + CraftedTokens.encode(claims) + "." + parts[2]));
	}

	@Test
	void protectedWhenExpiredThen401() throws Exception {
		User user = signup("ida");
		Map<String, Object> claims = claimsFor(user);
		long past = Instant.now().getEpochSecond() - 3600;
		claims.put("iat", past);
		claims.put("nbf", past);
		claims.put("exp", past + 900);
		Reply reply = getWithToken("/protected", CraftedTokens.hs256(claims, CraftedTokens.serviceSecret()));
		assertInvalidToken(reply);
		assertThat(reply.header("WWW-Authenticate")).contains("expired");
	}

	@Test
	void protectedWhenNotYetValidThen401() throws Exception {
		User user = signup("jay");
		Map<String, Object> claims = claimsFor(user);
		claims.put("nbf", Instant.now().getEpochSecond() + 600);
		assertInvalidToken(getWithToken("/protected", CraftedTokens.hs256(claims, CraftedTokens.serviceSecret())));
	}

	@Test
	void protectedWhenWrongIssuerThen401() throws Exception {
		User user = signup("kay");
		Map<String, Object> claims = claimsFor(user);
		claims.put("iss", "https://evil.example");
		Reply reply = getWithToken("/protected", CraftedTokens.hs256(claims, CraftedTokens.serviceSecret()));
		assertInvalidToken(reply);
		assertThat(reply.header("WWW-Authenticate")).contains("issuer");
	}

	@ParameterizedTest
	@ValueSource(strings = { "none", "None", "NONE", "nOnE", "HS512" })
	void protectedWhenAlgorithmIsNotTheConfiguredOneThen401(String alg) throws Exception {
		User user = signup("lee");
		Map<String, Object> header = Map.of("alg", alg, "typ", "at+jwt");
		String token = alg.startsWith("HS")
				? CraftedTokens.signed(header, claimsFor(user), alg, CraftedTokens.serviceSecret())
				: CraftedTokens.unsigned(header, claimsFor(user));
		assertInvalidToken(get("/protected", "Authorization", "Bearer " + token));
	}

	@Test
	void protectedWhenTokenOfUnknownAccountThen401() throws Exception {
		User user = signup("max");
		Map<String, Object> claims = claimsFor(user);
		claims.put("sub", java.util.UUID.randomUUID().toString());
		assertInvalidToken(getWithToken("/protected", CraftedTokens.hs256(claims, CraftedTokens.serviceSecret())));
	}

	@Test
	void protectedWhenTwoTokensInOneRequestThen400InvalidRequest() throws Exception {
		String mine = login(signup("ned"));
		String theirs = login(signup("ola"));
		Reply reply = get("/protected", "Authorization", "Bearer " + mine, "x-access-token", theirs);
		assertThat(reply.status()).isEqualTo(400);
		assertThat(reply.header("WWW-Authenticate")).isEqualTo("Bearer error=\"invalid_request\"");
		assertThat(reply.contentType()).startsWith("application/problem+json");
		// even the same token twice is ambiguous
		assertThat(get("/protected", "Authorization", "Bearer " + mine, "x-access-token", mine).status())
			.isEqualTo(400);
	}

	@Test
	void publicRouteWhenStaleTokenPresentedThenTokenIgnored() throws Exception {
		User user = signup("pam");
		Reply reply = postJson("/auth", map("username", user.username(), "password", PASSWORD), "Authorization",
				"Bearer not.a.token");
		assertThat(reply.status()).isEqualTo(200);
	}

	@Test
	void requestWhenHeadersOver16KiBThen431Problem() throws Exception {
		Reply reply = get("/protected", "X-Padding", "p".repeat(17 * 1024));
		assertThat(reply.status()).isEqualTo(431);
		assertThat(reply.contentType()).startsWith("application/problem+json");
	}

	@Test
	void adminRouteWhenUserLacksRoleThen403InsufficientScope() throws Exception {
		String token = login(signup("quin"));
		Reply reply = getWithToken("/users", token);
		assertThat(reply.status()).isEqualTo(403);
		assertThat(reply.header("WWW-Authenticate")).isEqualTo("Bearer error=\"insufficient_scope\"");
		assertThat(reply.contentType()).startsWith("application/problem+json");
	}

}
