package dev.jwtauth.accounts;

import java.util.List;
import java.util.Map;
import java.util.Set;

import dev.jwtauth.testing.IntegrationTest;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * {@code /me}, {@code /users} and {@code /users/{id}}: who may see whom.
 */
class ProfileIntegrationTests extends IntegrationTest {

	@Autowired
	private Accounts accounts;

	private User admin() throws Exception {
		String username = uniqueName("root");
		AccountDetails admin = this.accounts
			.signup(new NewAccount(username, PASSWORD, null, null, Set.of(Role.USER, Role.ADMIN)));
		return new User(admin.id(), username, PASSWORD);
	}

	@Test
	void meWhenAuthenticatedThenOwnProfile() throws Exception {
		String username = uniqueName("wes");
		postJson("/signup", map("username", username, "password", PASSWORD, "email", username + "@example.com",
				"name", "Wes"));
		Reply reply = getWithToken("/me", login(username, PASSWORD));
		assertThat(reply.status()).isEqualTo(200);
		assertThat(reply.object())
			.containsOnlyKeys("id", "username", "email", "email_verified", "name", "roles", "created_at", "mfa")
			.containsEntry("mfa", List.of())
			.containsEntry("username", username)
			.containsEntry("email", username + "@example.com")
			.containsEntry("email_verified", false)
			.containsEntry("name", "Wes")
			.containsEntry("roles", List.of("USER"));
		assertThat((String) reply.object().get("created_at")).matches("\\d{4}-\\d\\d-\\d\\dT[0-9:.]+Z");
	}

	@Test
	void helloWhenAuthenticatedThenGreetsByName() throws Exception {
		User user = signup("xia");
		assertThat(getWithToken("/hello", login(user)).object())
			.isEqualTo(Map.of("message", "Hello, " + user.username() + "!"));
	}

	@Test
	void userByIdWhenSelfThenProfile() throws Exception {
		User user = signup("yan");
		Reply reply = getWithToken("/users/" + user.id(), login(user));
		assertThat(reply.status()).isEqualTo(200);
		assertThat(reply.string("username")).isEqualTo(user.username());
	}

	@Test
	void userByIdWhenSomeoneElseThen404AsIfAbsent() throws Exception {
		User me = signup("zed");
		User other = signup("amy");
		Reply reply = getWithToken("/users/" + other.id(), login(me));
		assertThat(reply.status()).isEqualTo(404);
		assertThat(reply.contentType()).startsWith("application/problem+json");
		Reply absent = getWithToken("/users/" + java.util.UUID.randomUUID(), login(me));
		assertThat(absent.status()).isEqualTo(404);
		assertThat(absent.string("detail")).isEqualTo(reply.string("detail"));
	}

	@Test
	void userByIdWhenAdminThenAnyProfile() throws Exception {
		User other = signup("bea");
		Reply reply = getWithToken("/users/" + other.id(), login(admin()));
		assertThat(reply.status()).isEqualTo(200);
		assertThat(reply.string("username")).isEqualTo(other.username());
		assertThat(getWithToken("/users/" + java.util.UUID.randomUUID(), login(admin())).status()).isEqualTo(404);
	}

	@Test
	void userByIdWhenIdIsNotAUuidThen404() throws Exception {
		assertThat(getWithToken("/users/42", login(signup("cal"))).status()).isEqualTo(404);
	}

	@Test
	@SuppressWarnings("unchecked")
	void usersWhenAdminThenEveryoneWithPublicFieldsOnly() throws Exception {
		User listed = signup("dot");
		User admin = admin();
		Reply reply = getWithToken("/users", login(admin));
		assertThat(reply.status()).isEqualTo(200);
		List<Map<String, Object>> users = (List<Map<String, Object>>) reply.object().get("users");
		assertThat(users).extracting((user) -> user.get("username")).contains(listed.username(), admin.username());
		assertThat(users).allSatisfy((user) -> assertThat(user).containsOnlyKeys("id", "public_id", "username",
				"email", "name"));
	}

	@Test
	void adminTokenWhenRolesListedThenIncludesAdmin() throws Exception {
		Reply reply = getWithToken("/me", login(admin()));
		assertThat(reply.object()).containsEntry("roles", List.of("USER", "ADMIN"));
	}

}
