package dev.jwtauth.recovery;

import java.util.Map;

import dev.jwtauth.accounts.Accounts;
import dev.jwtauth.testing.SoftAuthenticator;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.test.context.TestPropertySource;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * {@code REQUIRE_VERIFIED_EMAIL}: the right password is not enough until the address is
 * proven, and a wrong one still answers as it always does; a passkey, however right, is
 * no exception.
 */
@TestPropertySource(properties = "login.require-verified-email=true")
class RequiredVerificationIntegrationTests extends MailIntegrationTest {

	@Autowired
	private JdbcTemplate jdbc;

	@Autowired
	private Accounts accounts;

	@Test
	void loginWhenEmailUnverifiedThenForbiddenWithCodeUntilVerified() throws Exception {
		Person person = person("kim");
		Reply refused = postJson("/auth", map("username", person.username(), "password", PASSWORD));
		assertThat(refused.status()).isEqualTo(403);
		assertThat(refused.string("code")).isEqualTo("email_not_verified");
		assertThat(refused.body()).doesNotContain("access_token");

		Reply wrong = postJson("/auth", map("username", person.username(), "password", "not the password"));
		assertThat(wrong.status()).isEqualTo(401);

		assertThat(postJson("/verify", map("token", this.mailbox.token(person.email(), VERIFY))).status())
			.isEqualTo(204);
		assertThat(postJson("/auth", map("username", person.username(), "password", PASSWORD)).status())
			.isEqualTo(200);
	}

	@Test
	@SuppressWarnings("unchecked")
	void passkeyLoginWhenEmailUnprovenThenForbiddenLikeAPasswordLogin() throws Exception {
		Person person = person("kit");
		assertThat(postJson("/verify", map("token", this.mailbox.token(person.email(), VERIFY))).status())
			.isEqualTo(204);
		String token = postJson("/auth", map("username", person.username(), "password", PASSWORD))
			.string("access_token");
		SoftAuthenticator authenticator = new SoftAuthenticator();
		Map<String, Object> creation = postJson("/me/passkeys/options", map("current_password", PASSWORD),
				"Authorization", "Bearer " + token)
			.object();
		assertThat(postJson("/me/passkeys", map("credential", authenticator.create(creation)), "Authorization",
				"Bearer " + token)
			.status()).isEqualTo(201);
		// As when the setting is turned on after people have added passkeys.
		assertThat(this.jdbc.update("update account set email_verified = false where id = ?", person.id())).isOne();
		this.accounts.forget(person.id());

		Reply options = postJson("/auth/passkey/options", map());
		Reply refused = postJson("/auth/passkey", map("challenge_id", options.string("challenge_id"), "credential",
				authenticator.get((Map<String, Object>) options.object().get("options"))));
		assertThat(refused.status()).isEqualTo(403);
		assertThat(refused.string("code")).isEqualTo("email_not_verified");
		assertThat(refused.body()).doesNotContain("access_token");
	}

	@Test
	void loginWhenNoEmailThenNothingToVerify() throws Exception {
		User user = signup("lou");
		assertThat(postJson("/auth", map("username", user.username(), "password", PASSWORD)).status())
			.isEqualTo(200);
	}

}
