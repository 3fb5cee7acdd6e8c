package dev.jwtauth.security;

import dev.jwtauth.testing.IntegrationTest;
import org.junit.jupiter.api.Test;

import org.springframework.test.context.TestPropertySource;
import org.springframework.test.web.servlet.request.MockMvcRequestBuilders;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Security headers on every answer, and CORS for the configured front-end origin only.
 */
@TestPropertySource(properties = "web.cors-allowed-origins=https://app.example, https://admin.example")
class BrowserHeadersIntegrationTests extends IntegrationTest {

	private Reply preflight(String origin, String path) throws Exception {
		return perform(MockMvcRequestBuilders.options(path)
			.header("Origin", origin)
			.header("Access-Control-Request-Method", "GET")
			.header("Access-Control-Request-Headers", "authorization, x-access-token, x-refresh-token-delivery"));
	}

	@Test
	void answersWhenAnyThenCarrySecurityHeaders() throws Exception {
		for (Reply reply : new Reply[] { get("/ping"), get("/me"), postJson("/auth", "{}") }) {
			assertThat(reply.header("X-Content-Type-Options")).isEqualTo("nosniff");
			assertThat(reply.header("Content-Security-Policy")).contains("default-src 'self'")
				.contains("frame-ancestors 'none'")
				.doesNotContain("unsafe-inline");
			assertThat(reply.header("Referrer-Policy")).isEqualTo("no-referrer");
		}
	}

	@Test
	void tokenAnswerWhenIssuedThenNotStored() throws Exception {
		User user = signup("cache");
		Reply reply = postJson("/auth", map("username", user.username(), "password", PASSWORD));
		assertThat(reply.header("Cache-Control")).contains("no-store");
	}

	@Test
	void preflightWhenOriginAllowedThenTokenHeadersMayBeSent() throws Exception {
		Reply reply = preflight("https://app.example", "/me");
		assertThat(reply.status()).isEqualTo(200);
		assertThat(reply.header("Access-Control-Allow-Origin")).isEqualTo("https://app.example");
		assertThat(reply.header("Access-Control-Allow-Headers")).containsIgnoringCase("authorization")
			.containsIgnoringCase("x-access-token")
			.containsIgnoringCase("x-refresh-token-delivery");
		// credentials, so that a page there can refresh through the cookie: never with a wildcard
		assertThat(reply.header("Access-Control-Allow-Credentials")).isEqualTo("true");
		assertThat(reply.raw().getHeaders("Vary")).anySatisfy((vary) -> assertThat(vary).contains("Origin"));
	}

	@Test
	void refreshWhenFromAnAllowedOriginThenCredentialedAnswerForThatOriginOnly() throws Exception {
		Reply reply = perform(MockMvcRequestBuilders.post("/auth/refresh")
			.header("Origin", "https://admin.example")
			.header("X-Refresh-Token-Delivery", "cookie"));
		assertThat(reply.status()).isEqualTo(401);
		assertThat(reply.header("Access-Control-Allow-Origin")).isEqualTo("https://admin.example");
		assertThat(reply.header("Access-Control-Allow-Credentials")).isEqualTo("true");
		assertThat(reply.raw().getHeaders("Vary")).anySatisfy((vary) -> assertThat(vary).contains("Origin"));
	}

	@Test
	void requestWhenOriginAllowedThenTheAnswerIsReadable() throws Exception {
		User user = signup("cors");
		String token = login(user);
		Reply reply = get("/me", "Origin", "https://admin.example", "Authorization", "Bearer " + token);
		assertThat(reply.status()).isEqualTo(200);
		assertThat(reply.header("Access-Control-Allow-Origin")).isEqualTo("https://admin.example");
	}

	@Test
	void preflightWhenOriginNotAllowedThenRefused() throws Exception {
		for (String origin : new String[] { "https://evil.example", "null", "https://app.example.evil.example",
				"http://app.example" }) {
			Reply reply = preflight(origin, "/auth/refresh");
			assertThat(reply.status()).as(origin).isEqualTo(403);
			assertThat(reply.header("Access-Control-Allow-Origin")).isNull();
			assertThat(reply.header("Access-Control-Allow-Credentials")).isNull();
		}
	}

}
