package dev.jwtauth.selfservice;

import java.util.UUID;

import dev.jwtauth.testing.IntegrationTest;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.test.web.servlet.request.MockMvcRequestBuilders;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The owner's export and deletion of an account, checked in the answers and in the
 * database the service writes.
 */
class SelfServiceIntegrationTests extends IntegrationTest {

	@Autowired
	private JdbcTemplate jdbc;

	@Test
	void exportWhenSignedInThenEveryRecordAboutTheAccountAndNoSecret() throws Exception {
		String username = uniqueName("exa");
		Reply signup = postJson("/signup", map("username", username, "email", username + "@example.com", "password",
				PASSWORD));
		Reply login = postJson("/auth", map("username", username, "password", PASSWORD));
		String access = login.string("access_token");
		postJson("/work", map("title", "Export me"), "Authorization", "Bearer " + access);

		Reply export = getWithToken("/me/export", access);

		assertThat(export.status()).isEqualTo(200);
		assertThat(export.raw().getHeader("Cache-Control")).contains("no-store");
		assertThat(export.body()).contains("\"username\":\"" + username + "\"")
			.contains("\"email_verified\":false")
			.contains("\"title\":\"Export me\"")
			.contains("\"current\":true")
			.contains("\"factors\":[]")
			.contains("\"passkeys\":[]")
			.contains("\"event\":\"login\"")
			.contains(signup.string("id"));
		assertThat(export.body()).doesNotContain("argon2")
			.doesNotContain(PASSWORD)
			.doesNotContain(access)
			.doesNotContain(login.string("refresh_token"));
	}

	@Test
	void deleteWhenPasswordRightThenAccountGoneTokensRefusedAndNamesFree() throws Exception {
		String username = uniqueName("del");
		String email = username + "@example.com";
		Reply signup = postJson("/signup", map("username", username, "email", email, "password", PASSWORD));
		UUID id = UUID.fromString(signup.string("id"));
		Reply login = postJson("/auth", map("username", username, "password", PASSWORD));
		String access = login.string("access_token");
		postJson("/work", map("title", "Gone with it"), "Authorization", "Bearer " + access);

		assertThat(delete(access, PASSWORD).status()).isEqualTo(204);

		assertThat(getWithToken("/protected", access).status()).isEqualTo(401);
		assertThat(postJson("/auth/refresh", map("refresh_token", login.string("refresh_token"))).status())
			.isEqualTo(401);
		assertThat(postJson("/auth", map("username", username, "password", PASSWORD)).status()).isEqualTo(401);
		for (String table : new String[] { "account where id", "login_name where account_id",
				"work_item where owner_id", "login_session where account_id", "one_time_token where account_id" }) {
			assertThat(this.jdbc.queryForObject("select count(*) from " + table + " = ?", Integer.class, id))
				.as(table)
				.isZero();
		}
		assertThat(this.jdbc.queryForObject("select count(*) from audit_event where account_id = ?", Integer.class,
				id)).as("the audit trail keeps its events under the public id").isPositive();
		assertThat(postJson("/signup", map("username", username, "email", email, "password", PASSWORD)).status())
			.as("its names are free again")
			.isEqualTo(201);
	}

	@Test
	void deleteWhenPasswordWrongThenRefusedCountedAndKept() throws Exception {
		User user = signup("kee");
		String access = login(user);
		for (int i = 0; i < 5; i++) {
			Reply wrong = delete(access, "not the password " + i);
			assertThat(wrong.status()).isEqualTo(400);
			assertThat(wrong.body()).contains("current_password");
		}
		assertThat(getWithToken("/protected", access).status()).isEqualTo(200);
		assertThat(postJson("/auth", map("username", user.username(), "password", PASSWORD)).status())
			.as("wrong passwords count towards the lock")
			.isEqualTo(429);
	}

	@Test
	void exportAndDeleteWhenNoTokenThenUnauthorized() throws Exception {
		assertThat(get("/me/export").status()).isEqualTo(401);
		assertThat(postJson("/me/delete", map("current_password", PASSWORD)).status()).isEqualTo(401);
	}

	private Reply delete(String access, String password) throws Exception {
		return perform(MockMvcRequestBuilders.post("/me/delete")
			.contentType("application/json")
			.content("{\"current_password\":\"" + password + "\"}")
			.header("Authorization", "Bearer " + access));
	}

}
