package dev.jwtauth.security;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.concurrent.ThreadLocalRandom;

import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.SpringBootTest.WebEnvironment;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.ActiveProfiles;
import org.springframework.test.context.TestPropertySource;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The signup and refresh limits on the real server, where Tomcat parses the request line
 * and applies the forwarded-headers setting: every request here comes from 127.0.0.1, so
 * each test first spends that address's budget and then tries to get past it.
 */
@SpringBootTest(webEnvironment = WebEnvironment.RANDOM_PORT,
		properties = { "web.signups-per-period=2", "web.refreshes-per-period=2" })
@ActiveProfiles("test")
class ClientLimitsOverHttpIntegrationTests {

	private static final HttpClient CLIENT = HttpClient.newHttpClient();

	/** Well formed and unknown: answered 401 by the handler, so cheap to repeat. */
	private static final String UNKNOWN_REFRESH = "{\"refresh_token\":\"" + "A".repeat(43) + "\"}";

	@LocalServerPort
	private int port;

	@Test
	void refreshWhenLimitSpentThenPercentEncodedPathAlso429() throws Exception {
		spend(this.port, "/auth/refresh", UNKNOWN_REFRESH);
		HttpResponse<String> reply = post(this.port, "/auth/%72efresh", UNKNOWN_REFRESH);
		assertThat(reply.statusCode()).isEqualTo(429);
		assertThat(reply.headers().firstValue("Retry-After")).isPresent();
	}

	@Test
	void signupWhenLimitSpentThenPercentEncodedPathAlso429() throws Exception {
		spend(this.port, "/signup", newSignup());
		assertThat(post(this.port, "/%73ignup", newSignup()).statusCode()).isEqualTo(429);
	}

	/**
	 * Each spelling is either refused before the handler (firewall 400, or 401/404 for a
	 * path that is not the signup route) or counted: none creates an account.
	 */
	@ParameterizedTest
	@ValueSource(strings = { "//signup", "/signup/", "/signup;x=y", "/SIGNUP", "/%73ignup;x=y", "/./signup",
			"/x/../signup", "/%2Fsignup", "/signup%2F", "/sign%75p/" })
	void signupWhenLimitSpentThenNoSpellingOfThePathCreatesAnAccount(String path) throws Exception {
		spend(this.port, "/signup", newSignup());
		assertThat(post(this.port, path, newSignup()).statusCode()).isIn(400, 401, 404, 429);
	}

	@Test
	void refreshWhenForwardedForRotatesThenNoFreshBudget() throws Exception {
		int status = 0;
		for (int i = 0; i < 3; i++) {
			status = post(this.port, "/auth/refresh", UNKNOWN_REFRESH, "X-Forwarded-For", randomAddress()).statusCode();
		}
		assertThat(status).isEqualTo(429);
	}

	/**
	 * The same requests behind a proxy the operator trusts (Tomcat trusts 127.0.0.1): now the
	 * forwarded address is the client's, so the test above is able to tell the two apart.
	 * It is also the one way to reach the server from many IPv6 addresses of one /64.
	 */
	@Nested
	@TestPropertySource(properties = "server.forward-headers-strategy=native")
	class BehindTrustedProxy {

		@LocalServerPort
		private int proxiedPort;

		@Test
		void refreshWhenForwardedForRotatesThenEachAddressHasItsOwnBudget() throws Exception {
			for (int i = 0; i < 4; i++) {
				assertThat(post(this.proxiedPort, "/auth/refresh", UNKNOWN_REFRESH, "X-Forwarded-For",
						"198.51.100." + (10 + i))
					.statusCode()).isEqualTo(401);
			}
		}

		@Test
		void refreshWhenForwardedForRotatesWithinOneIpv6PrefixThen429() throws Exception {
			int status = 0;
			for (int i = 1; i <= 3; i++) {
				status = post(this.proxiedPort, "/auth/refresh", UNKNOWN_REFRESH, "X-Forwarded-For", "2001:db8:77:1::" + i)
					.statusCode();
			}
			assertThat(status).isEqualTo(429);
		}

	}

	/** Posts until the address's budget answers 429. */
	private static void spend(int port, String path, String body) throws Exception {
		int status = 0;
		for (int i = 0; i < 5 && status != 429; i++) {
			status = post(port, path, body).statusCode();
		}
		assertThat(status).as("budget of %s spent", path).isEqualTo(429);
	}

	private static String newSignup() {
		String name = "edge-" + Long.toString(ThreadLocalRandom.current().nextLong() & Long.MAX_VALUE, 36);
		return "{\"username\":\"" + name + "\",\"password\":\"violet staple orbit 42\"}";
	}

	private static String randomAddress() {
		return "203.0.113." + (1 + ThreadLocalRandom.current().nextInt(250));
	}

	private static HttpResponse<String> post(int port, String path, String json, String... headers) throws Exception {
		HttpRequest.Builder request = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + path))
			.header("Content-Type", "application/json")
			.POST(HttpRequest.BodyPublishers.ofString(json));
		for (int i = 0; i + 1 < headers.length; i += 2) {
			request.header(headers[i], headers[i + 1]);
		}
		return CLIENT.send(request.build(), HttpResponse.BodyHandlers.ofString());
	}

}
