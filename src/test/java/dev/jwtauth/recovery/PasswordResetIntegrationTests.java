package dev.jwtauth.recovery;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;

import dev.jwtauth.accounts.Accounts;
import dev.jwtauth.accounts.NewAccount;
import dev.jwtauth.accounts.Role;
import dev.jwtauth.testing.SoftAuthenticator;
import dev.jwtauth.testing.TotpCodes;
import org.bouncycastle.util.encoders.Base32;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Password reset against a real SMTP server: the mail a person gets, the token in it,
 * and every way that token is refused.
 */
class PasswordResetIntegrationTests extends MailIntegrationTest {

	static final String RESET = "Reset your password";

	static final String NEW_PASSWORD = "marble kettle summit 77";

	@Autowired
	private Accounts accounts;

	@Autowired
	private JdbcTemplate jdbc;

	@Test
	void resetWhenLinkFollowedThenNewPasswordWorksOldOneAndEverySessionDoNot() throws Exception {
		Person person = person("ren");
		Reply session = postJson("/auth", map("username", person.email(), "password", PASSWORD));
		assertThat(postJson("/recover", map("email", person.email())).status()).isEqualTo(202);
		String mail = Mailbox.text(this.mailbox.await(person.email(), RESET));
		String token = this.mailbox.token(person.email(), RESET);
		assertThat(mail).contains("http://localhost:8080/#/reset?token=" + token);

		assertThat(confirm(token, NEW_PASSWORD).status()).isEqualTo(204);

		assertThat(getWithToken("/protected", session.string("access_token")).status()).isEqualTo(401);
		assertThat(postJson("/auth/refresh", map("refresh_token", session.string("refresh_token"))).status())
			.isEqualTo(401);
		assertThat(postJson("/auth", map("username", person.email(), "password", PASSWORD)).status()).isEqualTo(401);
		assertThat(postJson("/auth", map("username", person.email(), "password", NEW_PASSWORD)).status())
			.isEqualTo(200);
		assertThat(this.mailbox.await(person.email(), "Your password was reset")).isNotNull();
	}

	@Test
	void resetWhenEmailNeverVerifiedThenTotpFactorAndPasskeysRemovedAndWhenVerifiedThenKept() throws Exception {
		Person unproven = person("totp-unproven");
		Person proven = person("totp-proven");
		this.accounts.markEmailVerified(proven.id(), proven.email());
		for (Person person : List.of(unproven, proven)) {
			String token = postJson("/auth", map("username", person.username(), "password", PASSWORD))
				.string("access_token");
			Map<String, Object> options = postJson("/me/passkeys/options", map("current_password", PASSWORD),
					"Authorization", "Bearer " + token)
				.object();
			assertThat(postJson("/me/passkeys", map("credential", new SoftAuthenticator().create(options)),
					"Authorization", "Bearer " + token)
				.status()).isEqualTo(201);
			byte[] secret = Base32.decode(postJson("/me/mfa/totp", map("current_password", PASSWORD),
					"Authorization", "Bearer " + token)
				.string("secret"));
			assertThat(postJson("/me/mfa/totp/confirm", map("code", TotpCodes.code(secret, this.clock.instant())),
					"Authorization", "Bearer " + token)
				.status()).isEqualTo(200);
			assertThat(confirm(resetToken(person), NEW_PASSWORD).status()).isEqualTo(204);
		}
		Reply unprovenLogin = postJson("/auth", map("username", unproven.username(), "password", NEW_PASSWORD));
		assertThat(unprovenLogin.object()).containsKey("access_token").doesNotContainKey("mfa_required");
		assertThat(getWithToken("/me", unprovenLogin.string("access_token")).object()).containsEntry("mfa",
				List.of());
		assertThat(postJson("/auth", map("username", proven.username(), "password", NEW_PASSWORD)).object())
			.containsEntry("mfa_required", true)
			.doesNotContainKey("access_token");
		String passkeys = "select count(*) from passkey where account_id = ?";
		assertThat(this.jdbc.queryForObject(passkeys, Integer.class, unproven.id())).isZero();
		assertThat(this.jdbc.queryForObject(passkeys, Integer.class, proven.id())).isEqualTo(1);
	}

	@Test
	void recoverWhenAccountUnknownThenSameAnswerAndNoMail() throws Exception {
		Person person = person("sol");
		String unknown = uniqueName("nobody") + "@example.com";
		Reply known = postJson("/recover", map("email", person.email()));
		Reply absent = postJson("/recover", map("email", unknown));
		Reply byName = postJson("/recover", map("username", uniqueName("nobody")));
		assertThat(List.of(known.status(), absent.status(), byName.status())).containsOnly(202);
		assertThat(absent.body()).isEqualTo(known.body()).isEqualTo(byName.body());
		this.mailbox.await(person.email(), RESET);
		assertThat(this.mailbox.messages(unknown, RESET)).isEmpty();
	}

	@Test
	void recoverWhenTimedThenKnownAndUnknownAnswerAlike() throws Exception {
		List<Person> people = new ArrayList<>();
		for (int i = 0; i < 25; i++) {
			people.add(person("tim"));
		}
		for (int i = 0; i < 10; i++) {
			timed(uniqueName("warm") + "@example.com");
		}
		List<Long> known = new ArrayList<>();
		List<Long> unknown = new ArrayList<>();
		for (int i = 0; i < people.size(); i++) {
			// Each request alone, in alternating order: the mail work a request queued must
			// not be what slows the next one.
			String ghost = uniqueName("ghost") + "@example.com";
			if (i % 2 == 0) {
				known.add(timed(people.get(i).email()));
				unknown.add(timed(ghost));
			}
			else {
				unknown.add(timed(ghost));
				known.add(timed(people.get(i).email()));
			}
		}
		long knownMedian = median(known);
		long unknownMedian = median(unknown);
		// Work on the request path for known accounts only (a lookup and a token, or a
		// password hash to look busy) would stand out; the machine's noise should not.
		long tolerance = Math.max(Duration.ofMillis(5).toNanos(), Math.min(knownMedian, unknownMedian) / 2);
		assertThat(Math.abs(knownMedian - unknownMedian)).as("median nanos %s vs %s", knownMedian, unknownMedian)
			.isLessThan(tolerance);
	}

	@Test
	void recoverWhenAskedTwiceWithinTheIntervalThenOneMail() throws Exception {
		Person person = person("una");
		postJson("/recover", map("email", person.email()));
		this.mailbox.await(person.email(), RESET);
		postJson("/recover", map("username", person.username()));
		Thread.sleep(300);
		assertThat(this.mailbox.messages(person.email(), RESET)).hasSize(1);
	}

	@Test
	void confirmWhenTokenSpentThenRefused() throws Exception {
		String token = resetToken(person("vic"));
		assertThat(confirm(token, NEW_PASSWORD).status()).isEqualTo(204);
		assertTokenRefused(confirm(token, "another fine password 9"));
	}

	@Test
	void confirmWhenTokenExpiredThenRefused() throws Exception {
		String token = resetToken(person("wes"));
		this.clock.advance(Duration.ofMinutes(31));
		assertTokenRefused(confirm(token, NEW_PASSWORD));
	}

	@Test
	void confirmWhenANewerLinkWasMailedThenTheOlderIsRefused() throws Exception {
		Person person = person("xia");
		String older = resetToken(person);
		this.clock.advance(Duration.ofSeconds(61));
		postJson("/recover", map("email", person.email()));
		awaitMails(person.email(), RESET, 2);
		String newer = this.mailbox.token(person.email(), RESET);
		assertThat(newer).isNotEqualTo(older);
		assertTokenRefused(confirm(older, NEW_PASSWORD));
		assertThat(confirm(newer, NEW_PASSWORD).status()).isEqualTo(204);
	}

	@Test
	void confirmWhenPasswordChangedSinceTheMailThenRefused() throws Exception {
		Person person = person("yan");
		String token = resetToken(person);
		String access = login(person.email(), PASSWORD);
		this.clock.advance(Duration.ofSeconds(1));
		assertThat(postJson("/me/password", map("current_password", PASSWORD, "new_password", NEW_PASSWORD),
				"Authorization", "Bearer " + access)
			.status()).isEqualTo(204);
		assertTokenRefused(confirm(token, "yet another password 5"));
	}

	@Test
	void confirmWhenNewPasswordWeakThenRefusedAndTokenNotSpent() throws Exception {
		String token = resetToken(person("zed"));
		Reply weak = confirm(token, "short");
		assertThat(weak.status()).isEqualTo(400);
		assertThat(weak.body()).contains("new_password").doesNotContain("\"token\"");
		assertThat(confirm(token, NEW_PASSWORD).status()).isEqualTo(204);
	}

	@Test
	void confirmWhenTokenIsOfAnotherPurposeOrForgedThenRefused() throws Exception {
		Person person = person("abe");
		String verification = this.mailbox.token(person.email(), VERIFY);
		assertTokenRefused(confirm(verification, NEW_PASSWORD));
		assertTokenRefused(confirm("A".repeat(43), NEW_PASSWORD));
		assertTokenRefused(confirm("not-a-token", NEW_PASSWORD));
		String reset = resetToken(person);
		assertThat(postJson("/verify", map("token", reset)).status()).isEqualTo(400);
		assertThat(confirm(reset, NEW_PASSWORD).status()).isEqualTo(204);
	}

	@Test
	void resetWhenAccountLockedThenLockLiftedAndEmailVerified() throws Exception {
		Person person = person("bea");
		for (int i = 0; i < 6; i++) {
			postJson("/auth", map("username", person.username(), "password", "wrong password " + i));
		}
		assertThat(postJson("/auth", map("username", person.username(), "password", PASSWORD)).status())
			.isEqualTo(429);
		assertThat(confirm(resetToken(person), NEW_PASSWORD).status()).isEqualTo(204);
		String access = login(person.username(), NEW_PASSWORD);
		assertThat(getWithToken("/me", access).body()).contains("\"email_verified\":true");
	}

	@Test
	void recoverWhenAccountDisabledThenNoMail() throws Exception {
		Person person = person("cal");
		String adminName = uniqueName("admin");
		this.accounts.signup(new NewAccount(adminName, PASSWORD, null, null, Set.of(Role.USER, Role.ADMIN)));
		String admin = login(adminName, PASSWORD);
		assertThat(perform(org.springframework.test.web.servlet.request.MockMvcRequestBuilders
			.post("/users/" + person.id() + "/disable")
			.header("Authorization", "Bearer " + admin)).status()).isEqualTo(204);
		assertThat(postJson("/recover", map("email", person.email())).status()).isEqualTo(202);
		Thread.sleep(300);
		assertThat(this.mailbox.messages(person.email(), RESET)).isEmpty();
	}

	private long timed(String email) throws Exception {
		Thread.sleep(40);
		long start = System.nanoTime();
		Reply reply = postJson("/recover", map("email", email));
		long took = System.nanoTime() - start;
		assertThat(reply.status()).isEqualTo(202);
		return took;
	}

	private static long median(List<Long> values) {
		List<Long> sorted = values.stream().sorted().toList();
		return sorted.get(sorted.size() / 2);
	}

	private String resetToken(Person person) throws Exception {
		int before = this.mailbox.messages(person.email(), RESET).size();
		assertThat(postJson("/recover", map("email", person.email())).status()).isEqualTo(202);
		awaitMails(person.email(), RESET, before + 1);
		return this.mailbox.token(person.email(), RESET);
	}

	private Reply confirm(String token, String newPassword) throws Exception {
		return postJson("/recover/confirm", map("token", token, "new_password", newPassword));
	}

}
