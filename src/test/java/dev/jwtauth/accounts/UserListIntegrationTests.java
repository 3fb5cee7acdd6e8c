package dev.jwtauth.accounts;

import java.util.List;
import java.util.Map;
import java.util.Set;

import dev.jwtauth.testing.IntegrationTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.HttpMethod;
import org.springframework.test.web.servlet.request.MockMvcRequestBuilders;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * {@code GET /users} and the PyJWT tutorial's {@code GET /user}: one list, for admins
 * only, whatever the method a caller tries it with.
 */
class UserListIntegrationTests extends IntegrationTest {

	private static final String INSUFFICIENT_SCOPE = "Bearer error=\"insufficient_scope\"";

	@Autowired
	private Accounts accounts;

	@ParameterizedTest
	@ValueSource(strings = { "/user", "/users" })
	void listWhenAdminThen200WithPublicIdBesideId(String path) throws Exception {
		User listed = signup("listed");

		Reply reply = get(path, "x-access-token", login(admin()));

		assertThat(reply.status()).isEqualTo(200);
		Map<String, Object> entry = entryOf(reply, listed);
		assertThat(entry).containsOnlyKeys("id", "public_id", "username", "email", "name")
			.containsEntry("id", listed.id().toString())
			.containsEntry("public_id", listed.id().toString());
	}

	@Test
	void listWhenAskedAsUserOrAsUsersThenSameBody() throws Exception {
		signup("same");
		String token = login(admin());

		assertThat(getWithToken("/user", token).object()).isEqualTo(getWithToken("/users", token).object());
	}

	@ParameterizedTest
	@ValueSource(strings = { "/user", "/users" })
	void listWhenPlainUserThen403InsufficientScope(String path) throws Exception {
		Reply reply = get(path, "x-access-token", login(signup("plain")));

		assertThat(reply.status()).isEqualTo(403);
		assertThat(reply.header("WWW-Authenticate")).isEqualTo(INSUFFICIENT_SCOPE);
		assertThat(reply.contentType()).startsWith("application/problem+json");
	}

	@ParameterizedTest
	@ValueSource(strings = { "/user", "/users" })
	void listWhenNoTokenThen401(String path) throws Exception {
		assertThat(get(path).status()).isEqualTo(401);
	}

	@ParameterizedTest
	@ValueSource(strings = { "/user", "/users" })
	void headWhenPlainUserThen403(String path) throws Exception {
		String token = login(signup("head"));

		Reply reply = perform(MockMvcRequestBuilders.head(path).header("Authorization", "Bearer " + token));

		assertThat(reply.status()).isEqualTo(403);
		assertThat(reply.header("WWW-Authenticate")).isEqualTo(INSUFFICIENT_SCOPE);
	}

	@ParameterizedTest
	@ValueSource(strings = { "/user", "/users" })
	void headWhenAdminThen200(String path) throws Exception {
		String token = login(admin());

		Reply reply = perform(MockMvcRequestBuilders.head(path).header("Authorization", "Bearer " + token));

		assertThat(reply.status()).isEqualTo(200);
	}

	/** Admin-only routes refuse a plain user before any handler runs, whatever the method. */
	@Test
	void adminRoutesWhenPlainUserWithAnyMethodThen403() throws Exception {
		User target = signup("target");
		String token = login(signup("prober"));
		List<String> paths = List.of("/users", "/user", "/users/" + target.id() + "/revoke",
				"/users/" + target.id() + "/disable", "/users/" + target.id() + "/enable", "/actuator/prometheus");
		for (String path : paths) {
			for (HttpMethod method : List.of(HttpMethod.GET, HttpMethod.HEAD, HttpMethod.POST, HttpMethod.PUT,
					HttpMethod.PATCH, HttpMethod.DELETE)) {
				Reply reply = perform(
						MockMvcRequestBuilders.request(method, path).header("Authorization", "Bearer " + token));
				assertThat(reply.status()).as(method + " " + path).isEqualTo(403);
			}
		}
		assertThat(this.accounts.find(target.id()))
			.hasValueSatisfying((account) -> assertThat(account.enabled()).isTrue());
	}

	private User admin() {
		String username = uniqueName("list-admin");
		AccountDetails admin = this.accounts
			.signup(new NewAccount(username, PASSWORD, null, null, Set.of(Role.USER, Role.ADMIN)));
		return new User(admin.id(), username, PASSWORD);
	}

	@SuppressWarnings("unchecked")
	private static Map<String, Object> entryOf(Reply list, User user) {
		List<Map<String, Object>> users = (List<Map<String, Object>>) list.object().get("users");
		return users.stream()
			.filter((entry) -> user.username().equals(entry.get("username")))
			.findFirst()
			.orElseThrow(() -> new AssertionError(user.username() + " not listed"));
	}

}
