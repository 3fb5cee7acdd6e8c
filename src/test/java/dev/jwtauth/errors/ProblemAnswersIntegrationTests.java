package dev.jwtauth.errors;

import dev.jwtauth.testing.IntegrationTest;
import org.junit.jupiter.api.Test;

import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.context.annotation.Import;
import org.springframework.http.MediaType;
import org.springframework.test.web.servlet.request.MockMvcRequestBuilders;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RestController;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Every error is a problem document with {@code type}, {@code title}, {@code status} and
 * {@code detail}, and nothing internal leaks.
 */
@Import(ProblemAnswersIntegrationTests.FailingController.class)
class ProblemAnswersIntegrationTests extends IntegrationTest {

	private void assertProblem(Reply reply, int status) {
		assertThat(reply.status()).isEqualTo(status);
		assertThat(reply.contentType()).startsWith("application/problem+json");
		assertThat(reply.object()).containsEntry("status", status)
			.containsEntry("type", "about:blank")
			.containsKeys("title", "detail");
	}

	@Test
	void unknownRouteWhenAuthenticatedThen404Problem() throws Exception {
		assertProblem(getWithToken("/no/such/route", login(signup("nia"))), 404);
	}

	@Test
	void unknownRouteWhenNoTokenThen404ProblemNamingNoInternals() throws Exception {
		for (String path : new String[] { "/user-does-not-exist", "/nothing/here", "/index.htm", "/assets",
				"/assets/app.js/x", "/actuator/env" }) {
			assertNothingHere(get(path), path);
		}
	}

	@Test
	void unknownRouteWhenValidTokenThen404ProblemNamingNoInternals() throws Exception {
		String token = login(signup("lost"));
		for (String path : new String[] { "/user-does-not-exist", "/nothing/here", "/users/extra/segments" }) {
			assertNothingHere(getWithToken(path, token), path);
		}
	}

	@Test
	void unknownRouteWhenPostedToThen404Problem() throws Exception {
		String token = login(signup("poster"));
		assertNothingHere(postJson("/nothing/here", "{}"), "POST without token");
		assertNothingHere(postJson("/nothing/here", "{}", "Authorization", "Bearer " + token), "POST with token");
	}

	@Test
	void knownProtectedRouteWhenNoTokenThenStill401() throws Exception {
		for (String path : new String[] { "/me", "/work", "/users", "/me/sessions" }) {
			Reply reply = get(path);
			assertProblem(reply, 401);
			assertThat(reply.header("WWW-Authenticate")).as(path).isEqualTo("Bearer realm=\"api\"");
		}
		assertProblem(postJson("/logout", "{}"), 401);
		assertProblem(perform(MockMvcRequestBuilders.put("/work")), 401);
	}

	private void assertNothingHere(Reply reply, String what) {
		assertThat(reply.status()).as(what).isEqualTo(404);
		assertProblem(reply, 404);
		assertThat(reply.string("detail")).as(what)
			.isEqualTo("There is nothing at this path.")
			.doesNotContainIgnoringCase("static resource");
	}

	@Test
	void jsonRouteWhenOnlyAnotherFormatAcceptedThen406() throws Exception {
		// CBOR, YAML and XML writers come with libraries on the class path; none answers for the API.
		for (String accept : new String[] { "application/cbor", "application/yaml", "application/xml" }) {
			Reply reply = get("/ping", "Accept", accept);
			assertThat(reply.status()).as(accept).isEqualTo(406);
			assertThat(reply.contentType()).as(accept).doesNotStartWith(accept);
		}
		assertThat(get("/ping", "Accept", "application/cbor, application/json").contentType())
			.startsWith("application/json");
	}

	@Test
	void wrongMethodThen405Problem() throws Exception {
		Reply reply = perform(MockMvcRequestBuilders.put("/auth").contentType(MediaType.APPLICATION_JSON).content("{}"));
		assertProblem(reply, 405);
		assertThat(reply.header("Allow")).contains("POST");
	}

	@Test
	void unexpectedFailureThenGeneric500WithoutInternals() throws Exception {
		Reply reply = getWithToken("/test-only/explode", login(signup("oz")));
		assertProblem(reply, 500);
		assertThat(reply.body()).doesNotContain("IllegalStateException")
			.doesNotContain("database password")
			.doesNotContain("at dev.jwtauth");
	}

	@Test
	void errorPageWhenReachedThenProblemNotWhitelabel() throws Exception {
		Reply reply = perform(MockMvcRequestBuilders.get("/error")
			.requestAttr("jakarta.servlet.error.status_code", 400)
			.requestAttr("jakarta.servlet.error.request_uri", "/somewhere"));
		assertProblem(reply, 400);
		assertThat(reply.string("instance")).isEqualTo("/somewhere");
	}

	@Test
	void invalidUtf8BodyThen400Problem() throws Exception {
		byte[] body = { '{', '"', 'u', 's', 'e', 'r', 'n', 'a', 'm', 'e', '"', ':', '"', (byte) 0xC3, (byte) 0x28, '"',
				'}' };
		assertProblem(perform(MockMvcRequestBuilders.post("/signup").contentType(MediaType.APPLICATION_JSON).content(body)),
				400);
	}

	@Test
	void deeplyNestedJsonThen400Problem() throws Exception {
		String nested = "[".repeat(5000) + "]".repeat(5000);
		assertProblem(postJson("/signup", "{\"username\":" + nested + "}"), 400);
	}

	@Test
	void duplicateJsonKeysThen400Problem() throws Exception {
		assertProblem(postJson("/auth", "{\"username\":\"a\",\"username\":\"b\",\"password\":\"x\"}"), 400);
	}

	@Test
	void hugeNumberThen400Problem() throws Exception {
		assertProblem(postJson("/signup", "{\"username\":" + "9".repeat(5000) + "}"), 400);
	}

	@TestConfiguration
	@RestController
	static class FailingController {

		@GetMapping("/test-only/explode")
		String explode() {
			throw new IllegalStateException("database password is hunter2");
		}

	}

}
