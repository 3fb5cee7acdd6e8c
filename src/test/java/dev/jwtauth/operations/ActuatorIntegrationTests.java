package dev.jwtauth.operations;

import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.Set;

import dev.jwtauth.accounts.AccountDetails;
import dev.jwtauth.accounts.Accounts;
import dev.jwtauth.accounts.NewAccount;
import dev.jwtauth.accounts.Role;
import dev.jwtauth.testing.CraftedTokens;
import dev.jwtauth.testing.IntegrationTest;
import org.junit.jupiter.api.Test;
import tools.jackson.core.type.TypeReference;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.context.ApplicationContext;
import org.springframework.core.annotation.AnnotationAwareOrderComparator;
import org.springframework.mock.web.MockHttpServletRequest;
import org.springframework.security.config.observation.SecurityObservationSettings;
import org.springframework.test.context.TestPropertySource;
import org.springframework.web.servlet.HandlerMapping;
import org.springframework.web.servlet.mvc.method.RequestMappingInfo;
import org.springframework.web.servlet.mvc.method.annotation.RequestMappingHandlerMapping;
import org.springframework.web.util.ServletRequestPathUtils;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The health groups anyone may read, and the Prometheus scrape that only an ADMIN token
 * reads: the standard JVM, HTTP and pool metrics and the service's own counters, which
 * move when the events they count happen. Spring Security's own observations are off
 * (see SecurityConfiguration), so the HTTP metrics here cannot come from them.
 */
@TestPropertySource(properties = { "jwt.refresh-reuse-grace=0s", "jwt.audience=orders-api" })
class ActuatorIntegrationTests extends IntegrationTest {

	@Autowired
	private Accounts accounts;

	@Test
	void healthWhenAnonymousThenUpWithGroupsAndNoDetails() throws Exception {
		Reply health = get("/actuator/health");
		assertThat(health.status()).isEqualTo(200);
		assertThat(health.object()).containsOnlyKeys("status", "groups")
			.containsEntry("status", "UP")
			.containsEntry("groups", List.of("liveness", "readiness"));
		for (String group : List.of("liveness", "readiness")) {
			Reply reply = get("/actuator/health/" + group);
			assertThat(reply.status()).as(group).isEqualTo(200);
			assertThat(reply.object()).as(group).containsOnlyKeys("status").containsEntry("status", "UP");
		}
	}

	@Test
	void prometheusWhenNoTokenOrNoAdminThenRefused() throws Exception {
		assertThat(get("/actuator/prometheus").status()).isEqualTo(401);
		User user = signup("scraper");
		assertThat(getWithToken("/actuator/prometheus", login(user)).status()).isEqualTo(403);
	}

	@Test
	void otherActuatorEndpointsWhenCalledThenNotServed() throws Exception {
		String admin = login(admin());
		for (String endpoint : List.of("env", "beans", "metrics", "loggers", "heapdump", "threaddump", "info")) {
			assertThat(get("/actuator/" + endpoint).status()).as(endpoint).isEqualTo(404);
			assertThat(getWithToken("/actuator/" + endpoint, admin).status()).as(endpoint).isEqualTo(404);
		}
	}

	@Test
	void prometheusWhenAdminThenStandardMetricsAndServiceCounters() throws Exception {
		String admin = login(admin());
		get("/ping");
		String scrape = scrape(admin);
		assertThat(scrape).contains("jvm_memory_used_bytes{", "jvm_threads_live_threads", "process_cpu_usage",
				"http_server_requests_seconds_count{", "hikaricp_connections_active{", "hikaricp_connections_max{",
				"jwtauth_logins_total{outcome=\"success\"}", "jwtauth_logins_total{outcome=\"failure\"}",
				"jwtauth_logins_total{outcome=\"locked\"}", "jwtauth_tokens_issued_total{grant=\"password\"}",
				"jwtauth_tokens_issued_total{grant=\"refresh_token\"}", "jwtauth_token_rejections_total{reason=\"expired\"}",
				"jwtauth_refresh_reuse_total", "jwtauth_lockouts_total");
		assertThat(series(scrape, "http_server_requests_seconds_count", "uri=\"/ping\"", "status=\"200\""))
			.isPositive();
		// Timed once ended, never tracked in flight: that timer cost every request for no reader.
		assertThat(scrape).doesNotContain("http_server_requests_active");
	}

	// The service's routes are looked up before the actuator's (ApiRoutesFirst), which is
	// safe only while none of them can answer a path under /actuator.
	@Test
	void handlerMappingsWhenOrderedThenApiRoutesFirstAndNoneUnderActuator(
			@Autowired ApplicationContext context, @Autowired @Qualifier("requestMappingHandlerMapping") RequestMappingHandlerMapping api) {
		// Sorted as the DispatcherServlet sorts them when it starts.
		List<HandlerMapping> mappings = new ArrayList<>(context.getBeansOfType(HandlerMapping.class).values());
		AnnotationAwareOrderComparator.sort(mappings);
		assertThat(mappings.get(0)).isSameAs(api);
		assertThat(mappings).anyMatch((mapping) -> mapping.getClass().getSimpleName().contains("Endpoint"));
		for (String path : List.of("/actuator", "/actuator/health", "/actuator/health/readiness",
				"/actuator/prometheus", "/actuator/env")) {
			for (RequestMappingInfo route : api.getHandlerMethods().keySet()) {
				MockHttpServletRequest request = new MockHttpServletRequest("GET", path);
				ServletRequestPathUtils.parseAndCache(request);
				assertThat(route.getPathPatternsCondition()).isNotNull();
				assertThat(route.getPathPatternsCondition().getMatchingCondition(request)).as("%s for %s", route, path)
					.isNull();
			}
		}
	}

	// Switched off by name only, Spring Security's observations still wrapped every filter
	// of every request. Its settings bean is what keeps the filter chain undecorated (the
	// test context's registry is a no-op, so the chain itself cannot show it here).
	@Test
	void securityObservationsWhenConfiguredThenNoneAtAll(@Autowired SecurityObservationSettings settings) {
		assertThat(settings.shouldObserveRequests()).isFalse();
		assertThat(settings.shouldObserveAuthentications()).isFalse();
		assertThat(settings.shouldObserveAuthorizations()).isFalse();
	}

	@Test
	void countersWhenEventsHappenThenMove() throws Exception {
		String admin = login(admin());
		String before = scrape(admin);

		User user = signup("counted");
		Map<String, Object> pair = postJson("/auth", map("username", user.username(), "password", PASSWORD))
			.object();
		String refresh = (String) pair.get("refresh_token");
		assertThat(postJson("/auth/refresh", map("refresh_token", refresh)).status()).isEqualTo(200);
		assertThat(postJson("/auth/refresh", map("refresh_token", refresh)).status()).isEqualTo(401);
		for (int i = 0; i < 5; i++) {
			postJson("/auth", map("username", user.username(), "password", "wrong " + PASSWORD));
		}
		assertThat(postJson("/auth", map("username", user.username(), "password", PASSWORD)).status())
			.isEqualTo(429);
		assertThat(getWithToken("/protected", "not.a.token").status()).isEqualTo(401);
		String token = (String) pair.get("access_token");
		String tampered = token.substring(0, token.length() - 4) + (token.endsWith("AAAA") ? "BBBB" : "AAAA");
		assertThat(getWithToken("/protected", tampered).status()).isEqualTo(401);

		String after = scrape(admin);
		assertThat(delta(before, after, "jwtauth_logins_total", "outcome=\"success\"")).isEqualTo(1);
		assertThat(delta(before, after, "jwtauth_logins_total", "outcome=\"failure\"")).isEqualTo(5);
		assertThat(delta(before, after, "jwtauth_logins_total", "outcome=\"locked\"")).isEqualTo(1);
		assertThat(delta(before, after, "jwtauth_lockouts_total")).isEqualTo(1);
		assertThat(delta(before, after, "jwtauth_tokens_issued_total", "grant=\"password\"")).isEqualTo(1);
		assertThat(delta(before, after, "jwtauth_tokens_issued_total", "grant=\"refresh_token\"")).isEqualTo(1);
		assertThat(delta(before, after, "jwtauth_refresh_reuse_total")).isEqualTo(1);
		assertThat(delta(before, after, "jwtauth_token_rejections_total", "reason=\"malformed\"")).isEqualTo(1);
		assertThat(delta(before, after, "jwtauth_token_rejections_total", "reason=\"bad_signature\"")).isEqualTo(1);
	}

	// Tokens signed with the service's own key but made out by, or for, another party:
	// refused for that claim, and counted under it.
	@Test
	void rejectionsWhenIssuerOrAudienceWrongThenCountedByReason() throws Exception {
		String admin = login(admin());
		String before = scrape(admin);

		Map<String, Object> claims = claimsOf(login(signup("misdirected")));
		claims.put("iss", "someone-else");
		assertThat(getWithToken("/protected", CraftedTokens.hs256(claims, CraftedTokens.serviceSecret())).status())
			.isEqualTo(401);
		claims = claimsOf(login(signup("misaddressed")));
		claims.put("aud", "billing-api");
		assertThat(getWithToken("/protected", CraftedTokens.hs256(claims, CraftedTokens.serviceSecret())).status())
			.isEqualTo(401);

		String after = scrape(admin);
		assertThat(delta(before, after, "jwtauth_token_rejections_total", "reason=\"wrong_issuer\"")).isEqualTo(1);
		assertThat(delta(before, after, "jwtauth_token_rejections_total", "reason=\"wrong_audience\"")).isEqualTo(1);
	}

	private Map<String, Object> claimsOf(String token) {
		byte[] payload = Base64.getUrlDecoder().decode(token.split("\\.")[1]);
		return this.json.readValue(payload, new TypeReference<Map<String, Object>>() {
		});
	}

	private String scrape(String adminToken) throws Exception {
		Reply reply = getWithToken("/actuator/prometheus", adminToken);
		assertThat(reply.status()).isEqualTo(200);
		assertThat(reply.contentType()).startsWith("text/plain");
		return reply.body();
	}

	private User admin() throws Exception {
		String username = uniqueName("metrics-admin");
		AccountDetails admin = this.accounts
			.signup(new NewAccount(username, PASSWORD, null, null, Set.of(Role.USER, Role.ADMIN)));
		return new User(admin.id(), username, PASSWORD);
	}

	private static double delta(String before, String after, String name, String... labels) {
		return series(after, name, labels) - series(before, name, labels);
	}

	/** The sum of the samples of {@code name} that carry every one of {@code labels}. */
	private static double series(String scrape, String name, String... labels) {
		double sum = 0;
		boolean found = false;
		for (String line : scrape.split("\n")) {
			if (!line.startsWith(name + "{") && !line.startsWith(name + " ")) {
				continue;
			}
			String labelPart = line.contains("}") ? line.substring(0, line.indexOf('}')) : "";
			if (List.of(labels).stream().allMatch(labelPart::contains)) {
				sum += Double.parseDouble(line.substring(line.lastIndexOf(' ') + 1));
				found = true;
			}
		}
		assertThat(found).as(name + " " + List.of(labels)).isTrue();
		return sum;
	}

}
