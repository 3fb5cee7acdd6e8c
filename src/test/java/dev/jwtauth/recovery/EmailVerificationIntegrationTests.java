package dev.jwtauth.recovery;

import java.time.Duration;

import org.junit.jupiter.api.Test;

import org.springframework.test.web.servlet.request.MockMvcRequestBuilders;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Proving and changing an email address against a real SMTP server: the proof mailed at
 * signup, its resend, the change that waits for the new address, and its undoing.
 */
class EmailVerificationIntegrationTests extends MailIntegrationTest {

	static final String CHANGED = "Your email address was changed";

	@Test
	void verifyWhenSignupMailFollowedThenEmailVerifiedAndTokenSpent() throws Exception {
		Person person = person("ada");
		String access = login(person.username(), PASSWORD);
		assertThat(getWithToken("/me", access).body()).contains("\"email_verified\":false");
		String mail = Mailbox.text(this.mailbox.await(person.email(), VERIFY));
		String token = this.mailbox.token(person.email(), VERIFY);
		assertThat(mail).contains("http://localhost:8080/#/verify?token=" + token);

		assertThat(verify(token).status()).isEqualTo(204);

		assertThat(getWithToken("/me", access).body()).contains("\"email_verified\":true");
		assertTokenRefused(verify(token));
	}

	@Test
	void meWhenNoEmailThenEmailVerifiedIsNull() throws Exception {
		User user = signup("bob");
		assertThat(getWithToken("/me", login(user)).body()).contains("\"email\":null,\"email_verified\":null");
	}

	@Test
	void verifyWhenTokenExpiredOrForgedThenRefused() throws Exception {
		Person person = person("cyd");
		String token = this.mailbox.token(person.email(), VERIFY);
		assertTokenRefused(verify("B".repeat(43)));
		assertTokenRefused(verify(null));
		this.clock.advance(Duration.ofHours(25));
		assertTokenRefused(verify(token));
	}

	@Test
	void resendWhenUnverifiedThenOneMoreMailOncePerInterval() throws Exception {
		Person person = person("dov");
		String access = login(person.username(), PASSWORD);
		this.mailbox.await(person.email(), VERIFY);
		assertThat(resend(access).status()).isEqualTo(202);
		Thread.sleep(300);
		assertThat(this.mailbox.messages(person.email(), VERIFY)).as("within the interval").hasSize(1);
		this.clock.advance(Duration.ofSeconds(61));
		assertThat(resend(access).status()).isEqualTo(202);
		awaitMails(person.email(), VERIFY, 2);
		String newest = this.mailbox.token(person.email(), VERIFY);
		assertThat(verify(newest).status()).isEqualTo(204);
	}

	@Test
	void changeWhenConfirmedByTheNewAddressThenItIsTheLoginNameAndTheOldOneCanUndoIt() throws Exception {
		Person person = person("eve");
		String access = login(person.username(), PASSWORD);
		String newEmail = uniqueName("eve-new") + "@example.com";
		assertThat(change(access, newEmail, PASSWORD).status()).isEqualTo(202);
		assertThat(getWithToken("/me", access).body()).as("not before it is confirmed").contains(person.email());

		assertThat(verify(this.mailbox.token(newEmail, VERIFY)).status()).isEqualTo(204);

		assertThat(getWithToken("/me", access).body()).contains("\"email\":\"" + newEmail + "\"")
			.contains("\"email_verified\":true");
		assertThat(postJson("/auth", map("username", newEmail, "password", PASSWORD)).status()).isEqualTo(200);
		assertThat(postJson("/auth", map("username", person.email(), "password", PASSWORD)).status()).isEqualTo(401);

		String revert = this.mailbox.token(person.email(), CHANGED);
		assertThat(verify(revert).status()).isEqualTo(204);
		assertThat(getWithToken("/protected", access).status()).as("every session ends").isEqualTo(401);
		assertThat(postJson("/auth", map("username", person.email(), "password", PASSWORD)).status()).isEqualTo(200);
		assertThat(postJson("/auth", map("username", newEmail, "password", PASSWORD)).status()).isEqualTo(401);
	}

	@Test
	void changeWhenAddressTakenThenSameAnswerAndNoMail() throws Exception {
		Person owner = person("fay");
		Person other = person("gil");
		String access = login(other.username(), PASSWORD);
		int before = this.mailbox.messages(owner.email(), VERIFY).size();
		assertThat(change(access, owner.email(), PASSWORD).status()).isEqualTo(202);
		Thread.sleep(300);
		assertThat(this.mailbox.messages(owner.email(), VERIFY)).hasSize(before);
	}

	@Test
	void changeWhenAddressTakenBeforeConfirmationThenConflict() throws Exception {
		Person person = person("hal");
		String access = login(person.username(), PASSWORD);
		String wanted = uniqueName("wanted") + "@example.com";
		assertThat(change(access, wanted, PASSWORD).status()).isEqualTo(202);
		String token = this.mailbox.token(wanted, VERIFY);
		assertThat(postJson("/signup", map("username", uniqueName("quick"), "email", wanted, "password", PASSWORD))
			.status()).isEqualTo(201);
		assertThat(verify(token).status()).isEqualTo(409);
	}

	@Test
	void changeWhenPasswordWrongThenRefusedAndCountedTowardsTheLock() throws Exception {
		Person person = person("ivy");
		String access = login(person.username(), PASSWORD);
		for (int i = 0; i < 5; i++) {
			Reply wrong = change(access, uniqueName("x") + "@example.com", "not my password " + i);
			assertThat(wrong.status()).isEqualTo(400);
			assertThat(wrong.body()).contains("current_password");
		}
		assertThat(postJson("/auth", map("username", person.username(), "password", PASSWORD)).status())
			.isEqualTo(429);
	}

	@Test
	void changeWhenNewEmailMalformedThenRefused() throws Exception {
		Person person = person("jon");
		Reply reply = change(login(person.username(), PASSWORD), "not an address", PASSWORD);
		assertThat(reply.status()).isEqualTo(400);
		assertThat(reply.body()).contains("new_email");
	}

	@Test
	void passwordChangeWhenEmailProvenThenNoticeMailedAndNotBefore() throws Exception {
		Person person = person("kai");
		String subject = "Your password was changed";
		String access = login(person.username(), PASSWORD);
		assertThat(postJson("/me/password", map("current_password", PASSWORD, "new_password", "first new password 1"),
				"Authorization", "Bearer " + access).status()).isEqualTo(204);
		Thread.sleep(300);
		assertThat(this.mailbox.messages(person.email(), subject)).as("unproven address").isEmpty();

		// the change voided the proof mailed before it: a new one
		access = login(person.username(), "first new password 1");
		this.clock.advance(Duration.ofSeconds(61));
		assertThat(resend(access).status()).isEqualTo(202);
		awaitMails(person.email(), VERIFY, 2);
		assertThat(verify(this.mailbox.token(person.email(), VERIFY)).status()).isEqualTo(204);
		assertThat(postJson("/me/password",
				map("current_password", "first new password 1", "new_password", "second new password 2"),
				"Authorization", "Bearer " + access).status()).isEqualTo(204);
		assertThat(this.mailbox.await(person.email(), subject)).isNotNull();
	}

	private Reply verify(String token) throws Exception {
		return postJson("/verify", map("token", token));
	}

	private Reply resend(String access) throws Exception {
		return perform(MockMvcRequestBuilders.post("/me/email/verification").header("Authorization", "Bearer " + access));
	}

	private Reply change(String access, String newEmail, String password) throws Exception {
		return postJson("/me/email", map("new_email", newEmail, "current_password", password), "Authorization",
				"Bearer " + access);
	}

}
