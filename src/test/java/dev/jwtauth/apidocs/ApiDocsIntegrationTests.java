package dev.jwtauth.apidocs;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

import dev.jwtauth.accounts.AccountDetails;
import dev.jwtauth.accounts.Accounts;
import dev.jwtauth.accounts.NewAccount;
import dev.jwtauth.accounts.Role;
import dev.jwtauth.testing.IntegrationTest;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

import org.springframework.beans.factory.annotation.Autowired;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The OpenAPI description checked against the contract's route table (API.md), copied
 * here so that the repository needs nothing outside itself: every route, every status
 * the contract names, a problem document for every error, the bearer scheme on exactly
 * the protected routes, and schemas named as the service really writes its JSON.
 */
class ApiDocsIntegrationTests extends IntegrationTest {

	private enum Access {

		PUBLIC, USER, ADMIN

	}

	private record Route(String method, String path, Access access, Set<Integer> statuses) {

		String key() {
			return this.method + " " + this.path;
		}

		/** The contract's own statuses, plus what "Presenting a token" promises every protected route. */
		Set<Integer> expectedStatuses() {
			Set<Integer> all = new TreeSet<>(this.statuses);
			if (this.access != Access.PUBLIC) {
				all.addAll(List.of(400, 401));
			}
			if (this.access == Access.ADMIN) {
				all.add(403);
			}
			return all;
		}

	}

	private static Route route(String method, String path, Access access, Integer... statuses) {
		return new Route(method, path, access, Set.of(statuses));
	}

	/** API.md, table by table. */
	private static final List<Route> CONTRACT = List.of(
			route("post", "/signup", Access.PUBLIC, 201, 400, 409, 413, 415),
			route("post", "/auth", Access.PUBLIC, 200, 401, 429),
			route("post", "/login", Access.PUBLIC, 200, 401, 429),
			route("post", "/token", Access.PUBLIC, 200, 401, 429),
			route("post", "/auth/refresh", Access.PUBLIC, 200, 401),
			route("post", "/logout", Access.USER, 204),
			route("get", "/me/sessions", Access.USER, 200),
			route("delete", "/me/sessions/{id}", Access.USER, 204),
			route("post", "/me/password", Access.USER, 204, 400),
			route("get", "/protected", Access.USER, 200),
			route("get", "/hello", Access.USER, 200),
			route("get", "/me", Access.USER, 200),
			route("get", "/users/{id}", Access.USER, 200, 404),
			route("get", "/users", Access.ADMIN, 200),
			route("get", "/user", Access.ADMIN, 200),
			route("post", "/users/{id}/revoke", Access.ADMIN, 204),
			route("post", "/users/{id}/disable", Access.ADMIN, 204),
			route("post", "/users/{id}/enable", Access.ADMIN, 204),
			route("get", "/work", Access.USER, 200),
			route("post", "/work", Access.USER, 201),
			route("get", "/work/{id}", Access.USER, 200, 404),
			route("delete", "/work/{id}", Access.USER, 204, 404),
			route("get", "/.well-known/jwks.json", Access.PUBLIC, 200, 404),
			route("post", "/recover", Access.PUBLIC, 202, 400),
			route("post", "/recover/confirm", Access.PUBLIC, 204, 400),
			route("post", "/verify", Access.PUBLIC, 204, 400, 409),
			route("post", "/me/email/verification", Access.USER, 202),
			route("post", "/me/email", Access.USER, 202, 400),
			route("get", "/me/export", Access.USER, 200),
			route("post", "/me/delete", Access.USER, 204, 400),
			route("post", "/me/mfa/totp", Access.USER, 200, 400),
			route("post", "/me/mfa/totp/confirm", Access.USER, 200, 400),
			route("post", "/me/mfa/totp/disable", Access.USER, 204, 400),
			route("post", "/me/mfa/recovery-codes", Access.USER, 200, 400),
			route("post", "/auth/mfa", Access.PUBLIC, 200, 401, 429),
			route("post", "/users/{id}/mfa/reset", Access.ADMIN, 204),
			route("post", "/me/passkeys/options", Access.USER, 200, 400, 404),
			route("post", "/me/passkeys", Access.USER, 201, 400, 404),
			route("get", "/me/passkeys", Access.USER, 200),
			route("delete", "/me/passkeys/{id}", Access.USER, 204, 404),
			route("post", "/auth/passkey/options", Access.PUBLIC, 200, 404),
			route("post", "/auth/passkey", Access.PUBLIC, 200, 400, 401, 429),
			route("get", "/userinfo", Access.USER, 200, 403),
			route("get", "/.well-known/oauth-authorization-server", Access.PUBLIC, 200, 404),
			route("get", "/.well-known/openid-configuration", Access.PUBLIC, 200, 404));

	/** Served and described, though the contract does not list them. */
	private static final List<Route> EXTRAS = List.of(route("get", "/ping", Access.PUBLIC, 200),
			route("patch", "/me/passkeys/{id}", Access.USER, 204, 400, 404));

	private static final Set<String> HTTP_METHODS = Set.of("get", "put", "post", "delete", "patch", "head",
			"options", "trace");

	private static final Path LINTED_COPY = Path.of("target", "openapi", "api-docs.json");

	@Autowired
	private Accounts accounts;

	private JsonNode description;

	@BeforeEach
	void fetchDescription() throws Exception {
		Reply reply = get("/v3/api-docs");
		assertThat(reply.status()).isEqualTo(200);
		assertThat(reply.contentType()).startsWith("application/json");
		this.description = this.json.readTree(reply.body());
		// .ci/openapi-lint lints this copy, so that CI starts nothing more for it
		Files.createDirectories(LINTED_COPY.getParent());
		Files.writeString(LINTED_COPY, reply.body());
	}

	@Test
	void descriptionWhenFetchedWithoutTokenThenIsOpenApi3() {
		assertThat(this.description.path("openapi").asString()).startsWith("3.");
		assertThat(this.description.path("info").path("title").asString()).isEqualTo("jwt-auth-service");
	}

	@Test
	void yamlWhenFetchedWithoutTokenThenServed() throws Exception {
		Reply yaml = get("/v3/api-docs.yaml");
		assertThat(yaml.status()).isEqualTo(200);
		assertThat(yaml.body()).startsWith("openapi: ");
	}

	@Test
	void routesWhenDescribedThenExactlyTheContractsAndTheExtras() {
		Set<String> described = new TreeSet<>();
		for (Map.Entry<String, JsonNode> path : this.description.path("paths").properties()) {
			for (String method : path.getValue().propertyNames()) {
				if (HTTP_METHODS.contains(method)) {
					described.add(method + " " + path.getKey());
				}
			}
		}
		Set<String> expected = new TreeSet<>();
		CONTRACT.forEach((route) -> expected.add(route.key()));
		EXTRAS.forEach((route) -> expected.add(route.key()));
		assertThat(described).isEqualTo(expected);
	}

	@Test
	void statusesWhenDescribedThenIncludeEveryStatusOfTheContract() {
		List<String> missing = new ArrayList<>();
		for (Route route : concat(CONTRACT, EXTRAS)) {
			Set<String> described = new LinkedHashSet<>(operation(route).path("responses").propertyNames());
			for (int status : route.expectedStatuses()) {
				if (!described.contains(String.valueOf(status))) {
					missing.add(route.key() + " " + status);
				}
			}
		}
		assertThat(missing).isEmpty();
	}

	@Test
	void errorsWhenDescribedThenAreProblemDocuments() {
		List<String> notProblems = new ArrayList<>();
		for (Route route : concat(CONTRACT, EXTRAS)) {
			for (Map.Entry<String, JsonNode> response : operation(route).path("responses").properties()) {
				if (Integer.parseInt(response.getKey()) < 400) {
					continue;
				}
				JsonNode content = response.getValue().path("content");
				String ref = content.path("application/problem+json").path("schema").path("$ref").asString("");
				if (!ref.equals("#/components/schemas/Problem") || content.size() != 1) {
					notProblems.add(route.key() + " " + response.getKey());
				}
			}
		}
		assertThat(notProblems).isEmpty();
	}

	@Test
	void problemSchemaWhenDescribedThenFollowsRfc9457WithFieldErrors() {
		JsonNode problem = schema("Problem");
		assertThat(problem.path("properties").propertyNames()).contains("type", "title", "status", "detail",
				"instance", "errors");
		assertThat(problem.path("properties").path("errors").path("items").path("$ref").asString())
			.isEqualTo("#/components/schemas/FieldProblem");
		assertThat(schema("FieldProblem").path("properties").propertyNames()).containsExactlyInAnyOrder("field",
				"message");
	}

	@Test
	void securityWhenDescribedThenBearerOnProtectedRoutesAndNoneOnPublicOnes() {
		JsonNode bearer = this.description.path("components").path("securitySchemes").path("bearer");
		assertThat(bearer.path("type").asString()).isEqualTo("http");
		assertThat(bearer.path("scheme").asString()).isEqualTo("bearer");
		assertThat(bearer.path("bearerFormat").asString()).isEqualTo("JWT");
		assertThat(this.description.has("security")).as("no global requirement").isFalse();
		for (Route route : concat(CONTRACT, EXTRAS)) {
			JsonNode security = operation(route).path("security");
			assertThat(security.isArray()).as(route.key() + " states its security").isTrue();
			if (route.access() == Access.PUBLIC) {
				assertThat(security.size()).as(route.key()).isZero();
			}
			else {
				assertThat(security.size()).as(route.key()).isEqualTo(1);
				assertThat(security.get(0).propertyNames()).as(route.key()).containsExactly("bearer");
			}
		}
	}

	@Test
	void bodiesWhenServedAsFormsThenDescribedInEveryMediaType() {
		for (String path : List.of("/signup", "/auth", "/login", "/token", "/auth/refresh")) {
			JsonNode content = this.description.path("paths").path(path).path("post").path("requestBody")
				.path("content");
			assertThat(content.propertyNames()).as(path)
				.containsExactlyInAnyOrder("application/json", "application/x-www-form-urlencoded",
						"multipart/form-data");
		}
		for (String path : List.of("/me/password", "/work")) {
			JsonNode content = this.description.path("paths").path(path).path("post").path("requestBody")
				.path("content");
			assertThat(content.propertyNames()).as(path).containsExactly("application/json");
		}
	}

	@Test
	void schemasWhenComparedWithRealAnswersThenNameTheSameFields() throws Exception {
		User user = signup("docs");
		Reply signup = postJson("/signup", map("username", uniqueName("docs"), "password", PASSWORD, "email",
				uniqueName("docs") + "@example.com", "name", "Docs"));
		assertFieldsMatch(signup.object(), responseSchema("post", "/signup", "201"));

		Reply login = postJson("/auth", map("username", user.username(), "password", PASSWORD));
		assertFieldsMatch(login.object(), responseSchema("post", "/auth", "200"));
		String token = login.string("access_token");

		assertFieldsMatch(getWithToken("/me", token).object(), responseSchema("get", "/me", "200"));
		assertFieldsMatch(getWithToken("/protected", token).object(), responseSchema("get", "/protected", "200"));
		assertFieldsMatch(getWithToken("/hello", token).object(), responseSchema("get", "/hello", "200"));
		assertFieldsMatch((Map<?, ?>) getWithToken("/me/sessions", token).list().get(0),
				itemSchema(responseSchema("get", "/me/sessions", "200")));
		Reply item = postJson("/work", map("title", "Document the API"), "Authorization", "Bearer " + token);
		assertFieldsMatch(item.object(), responseSchema("post", "/work", "201"));
		assertFieldsMatch(get("/ping").object(), responseSchema("get", "/ping", "200"));

		String adminToken = login(admin());
		assertFieldsMatch(getWithToken("/users", adminToken).object(), responseSchema("get", "/users", "200"));
		assertFieldsMatch(getWithToken("/user", adminToken).object(), responseSchema("get", "/user", "200"));

		Reply problem = postJson("/signup", map("username", user.username()));
		assertThat(problem.status()).isEqualTo(400);
		assertThat(schema("Problem").path("properties").propertyNames()).containsAll(problemFields(problem));
	}

	@Test
	void requestSchemasWhenUsedAsWrittenThenTheServiceAcceptsThem() throws Exception {
		User user = signup("docs");
		Reply login = postJson("/auth", map("username", user.username(), "password", PASSWORD));

		// The service refuses unknown fields, so these answers prove the described names are its names.
		Reply refreshed = postJson("/auth/refresh",
				map(onlyProperty(requestSchema("/auth/refresh")), login.string("refresh_token")));
		assertThat(refreshed.status()).isEqualTo(200);

		List<String> passwordFields = List.copyOf(requestSchema("/me/password").path("properties").propertyNames());
		assertThat(passwordFields).containsExactly("current_password", "new_password");
		Reply changed = postJson("/me/password", map(passwordFields.get(0), PASSWORD, passwordFields.get(1),
				"a fresh " + PASSWORD), "Authorization", "Bearer " + refreshed.string("access_token"));
		assertThat(changed.status()).isEqualTo(204);
	}

	@Test
	void headersWhenDescribedThenEachHasASchema() {
		List<String> withoutSchema = new ArrayList<>();
		for (Route route : concat(CONTRACT, EXTRAS)) {
			for (Map.Entry<String, JsonNode> response : operation(route).path("responses").properties()) {
				for (Map.Entry<String, JsonNode> header : response.getValue().path("headers").properties()) {
					if (!header.getValue().has("schema") && !header.getValue().has("content")) {
						withoutSchema.add(route.key() + " " + response.getKey() + " " + header.getKey());
					}
				}
			}
		}
		assertThat(withoutSchema).isEmpty();
		for (String path : List.of("/signup", "/work")) {
			JsonNode location = this.description.path("paths").path(path).path("post").path("responses").path("201")
				.path("headers").path("Location").path("schema");
			assertThat(location.path("type").asString()).as(path).isEqualTo("string");
			assertThat(location.path("format").asString()).as(path).isEqualTo("uri-reference");
		}
	}

	@Test
	void descriptionWhenServedThenNamesALicenseAndNoAbsoluteServer() {
		JsonNode license = this.description.path("info").path("license");
		assertThat(license.path("name").asString()).isNotBlank();
		assertThat(license.path("identifier").asString() + license.path("url").asString()).as("identifier or url")
			.isNotBlank();
		for (JsonNode server : this.description.path("servers")) {
			// the address of whichever machine generated it would be wrong everywhere else
			assertThat(server.path("url").asString()).doesNotContain("://");
		}
	}

	@Test
	void swaggerUiWhenServedThenOnlyItsPageAllowsTheLogoStyleByHash() throws Exception {
		String policy = get("/swagger-ui/index.html").header("Content-Security-Policy");
		assertThat(policy).contains("style-src 'self' 'sha256-").doesNotContain("unsafe-inline");
		assertThat(get("/").header("Content-Security-Policy")).contains("style-src 'self';");
		assertThat(get("/v3/api-docs").header("Content-Security-Policy")).contains("style-src 'self';");
	}

	@Test
	void swaggerUiWhenOpenedWithoutTokenThenServedAndPointedAtTheDescription() throws Exception {
		Reply redirect = get("/swagger-ui.html");
		assertThat(redirect.status()).isEqualTo(302);
		String page = redirect.header("Location");
		assertThat(page).endsWith("/swagger-ui/index.html");

		Reply html = get(page);
		assertThat(html.status()).isEqualTo(200);
		assertThat(html.body()).contains("swagger-ui-bundle.js", "swagger-initializer.js");
		assertThat(get("/swagger-ui/swagger-ui-bundle.js").status()).isEqualTo(200);

		Reply config = get("/v3/api-docs/swagger-config");
		assertThat(config.status()).isEqualTo(200);
		assertThat(config.string("url")).isEqualTo("/v3/api-docs");
	}

	private JsonNode operation(Route route) {
		JsonNode operation = this.description.path("paths").path(route.path()).path(route.method());
		assertThat(operation.isObject()).as(route.key() + " is described").isTrue();
		return operation;
	}

	private JsonNode schema(String name) {
		JsonNode schema = this.description.path("components").path("schemas").path(name);
		assertThat(schema.isObject()).as("schema " + name).isTrue();
		return schema;
	}

	private JsonNode resolve(JsonNode schema) {
		String ref = schema.path("$ref").asString("");
		return ref.isEmpty() ? schema : schema(ref.substring(ref.lastIndexOf('/') + 1));
	}

	private JsonNode responseSchema(String method, String path, String status) {
		return resolve(this.description.path("paths").path(path).path(method).path("responses").path(status)
			.path("content").path("application/json").path("schema"));
	}

	private JsonNode requestSchema(String path) {
		return resolve(this.description.path("paths").path(path).path("post").path("requestBody").path("content")
			.path("application/json").path("schema"));
	}

	private JsonNode itemSchema(JsonNode arraySchema) {
		return resolve(arraySchema.path("items"));
	}

	private static String onlyProperty(JsonNode schema) {
		assertThat(schema.path("properties").size()).isEqualTo(1);
		return schema.path("properties").propertyNames().iterator().next();
	}

	private static void assertFieldsMatch(Map<?, ?> answer, JsonNode schema) {
		assertThat(new TreeSet<>(schema.path("properties").propertyNames()))
			.isEqualTo(new TreeSet<>(answer.keySet().stream().map(String::valueOf).toList()));
	}

	private static Set<String> problemFields(Reply problem) {
		return new TreeSet<>(problem.object().keySet().stream().map(String::valueOf).toList());
	}

	private User admin() {
		String username = uniqueName("docs-admin");
		AccountDetails admin = this.accounts
			.signup(new NewAccount(username, PASSWORD, null, null, Set.of(Role.USER, Role.ADMIN)));
		return new User(admin.id(), username, PASSWORD);
	}

	private static List<Route> concat(List<Route> first, List<Route> second) {
		List<Route> all = new ArrayList<>(first);
		all.addAll(second);
		return all;
	}

}
