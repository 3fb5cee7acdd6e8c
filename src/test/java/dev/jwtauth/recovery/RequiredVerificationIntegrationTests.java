package dev.jwtauth.recovery;

import org.junit.jupiter.api.Test;

import org.springframework.test.context.TestPropertySource;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * {@code REQUIRE_VERIFIED_EMAIL}: the right password is not enough until the address is
 * proven, and a wrong one still answers as it always does.
 */
@TestPropertySource(properties = "login.require-verified-email=true")
class RequiredVerificationIntegrationTests extends MailIntegrationTest {

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
	void loginWhenNoEmailThenNothingToVerify() throws Exception {
		User user = signup("lou");
		assertThat(postJson("/auth", map("username", user.username(), "password", PASSWORD)).status())
			.isEqualTo(200);
	}

}
