package dev.jwtauth.security;

import java.net.URI;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.concurrent.ThreadLocalRandom;

import dev.jwtauth.testing.TwoInstancesTest;
import org.junit.jupiter.api.Test;

import org.springframework.context.ConfigurableApplicationContext;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Two instances of the service on one database, over real HTTP: a client's budget is one
 * for the whole service, so requests spent on one instance are missing on the other.
 * Each test comes from an address of its own, forwarded by a proxy the instances trust
 * (Tomcat trusts 127.0.0.1), so no other test's requests count.
 */
@TwoInstancesTest.Settings({ "web.signups-per-period=4", "web.refreshes-per-period=4",
		"web.oauth-requests-per-period=4", "server.forward-headers-strategy=native" })
class ClientLimitsAcrossInstancesTests extends TwoInstancesTest {

	/** Well formed and unknown: answered 401 by the handler, so cheap to repeat. */
	private static final String UNKNOWN_REFRESH = "{\"refresh_token\":\"" + "A".repeat(43) + "\"}";

	private static String newAddress() {
		ThreadLocalRandom random = ThreadLocalRandom.current();
		return "198.18." + random.nextInt(256) + "." + (1 + random.nextInt(254));
	}

	private static String newSignup() {
		String name = "spread-" + Long.toString(ThreadLocalRandom.current().nextLong() & Long.MAX_VALUE, 36);
		return "{\"username\":\"" + name + "\",\"password\":\"" + PASSWORD + "\"}";
	}

	private static HttpResponse<String> post(ConfigurableApplicationContext instance, String address, String path,
			String contentType, String body) throws Exception {
		HttpRequest request = HttpRequest.newBuilder(URI.create(base(instance) + path))
			.header("Content-Type", contentType)
			.header("X-Forwarded-For", address)
			.POST(HttpRequest.BodyPublishers.ofString(body))
			.build();
		return HTTP.send(request, HttpResponse.BodyHandlers.ofString());
	}

	private static HttpResponse<String> postJson(ConfigurableApplicationContext instance, String address,
			String path, String body) throws Exception {
		return post(instance, address, path, "application/json", body);
	}

	@Test
	void signupsWhenTwoOnEachInstanceThenFifthOnEither429WithRetryAfter() throws Exception {
		String address = newAddress();
		for (ConfigurableApplicationContext instance : new ConfigurableApplicationContext[] { first, first, second,
				second }) {
			HttpResponse<String> created = postJson(instance, address, "/signup", newSignup());
			assertThat(created.statusCode()).as(created.body()).isEqualTo(201);
		}
		for (ConfigurableApplicationContext instance : new ConfigurableApplicationContext[] { first, second }) {
			HttpResponse<String> refused = postJson(instance, address, "/signup", newSignup());
			assertLimited(refused);
			assertThat(refused.headers().firstValue("Content-Type")).hasValueSatisfying(
					(type) -> assertThat(type).startsWith("application/problem+json"));
		}
		assertThat(postJson(first, newAddress(), "/signup", newSignup()).statusCode()).as("another address")
			.isEqualTo(201);
	}

	@Test
	void refreshesWhenTwoOnEachInstanceThenFifthOnEither429WithRetryAfter() throws Exception {
		String address = newAddress();
		for (ConfigurableApplicationContext instance : new ConfigurableApplicationContext[] { first, second, first,
				second }) {
			assertThat(postJson(instance, address, "/auth/refresh", UNKNOWN_REFRESH).statusCode()).isEqualTo(401);
		}
		assertLimited(postJson(second, address, "/auth/refresh", UNKNOWN_REFRESH));
		assertLimited(postJson(first, address, "/auth/refresh", UNKNOWN_REFRESH));
	}

	@Test
	void oauthWhenTwoOnEachInstanceThenFifthOnEitherOAuthError429() throws Exception {
		String address = newAddress();
		String form = "grant_type=client_credentials&client_id=nobody-" + ThreadLocalRandom.current().nextInt(1 << 30)
				+ "&client_secret=wrong";
		for (ConfigurableApplicationContext instance : new ConfigurableApplicationContext[] { first, first, second,
				second }) {
			assertThat(post(instance, address, "/oauth/token", "application/x-www-form-urlencoded", form).statusCode())
				.isNotEqualTo(429);
		}
		for (ConfigurableApplicationContext instance : new ConfigurableApplicationContext[] { first, second }) {
			HttpResponse<String> refused = post(instance, address, "/oauth/token", "application/x-www-form-urlencoded",
					form);
			assertLimited(refused);
			assertThat(refused.body()).contains("\"error\":\"temporarily_unavailable\"");
		}
	}

	/** 429, and a wait no longer than one token's share of the period (5 min / 4). */
	private static void assertLimited(HttpResponse<String> reply) {
		assertThat(reply.statusCode()).as(reply.body()).isEqualTo(429);
		assertThat(reply.headers().firstValue("Retry-After")).hasValueSatisfying(
				(seconds) -> assertThat(Integer.parseInt(seconds)).isBetween(1, 76));
	}

}
