package dev.jwtauth.mfa;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

import dev.jwtauth.accounts.Accounts;
import dev.jwtauth.accounts.NewAccount;
import dev.jwtauth.accounts.Role;
import dev.jwtauth.testing.AdjustableClock;
import dev.jwtauth.testing.IntegrationTest;
import dev.jwtauth.testing.Outbox;
import dev.jwtauth.testing.TotpCodes;
import org.bouncycastle.util.encoders.Base32;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.context.annotation.Import;
import org.springframework.jdbc.core.JdbcTemplate;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * The TOTP second factor as a person and an attacker use it: enrolment, the login's
 * second step, replays, drift, guessing, the mfa_token presented where it does not
 * belong, recovery codes, and what the database and the answers never show.
 */
@Import(AdjustableClock.Configuration.class)
@ExtendWith(OutputCaptureExtension.class)
class MfaIntegrationTests extends IntegrationTest {

	@Autowired
	private AdjustableClock clock;

	@Autowired
	private JdbcTemplate jdbc;

	@Autowired
	private Accounts accounts;

	@AfterEach
	void resetClock() {
		this.clock.reset();
	}

	/**
	 * A user with TOTP on: its secret, its recovery codes, an access token, and the instant
	 * whose code confirmed the factor.
	 */
	private record Enrolled(User user, byte[] secret, String base32, List<String> recoveryCodes, String token,
			Instant confirmedAt) {
	}

	private Enrolled enrolled(String prefix) throws Exception {
		User user = signup(prefix);
		String token = login(user);
		Reply enrolment = postJson("/me/mfa/totp", map("current_password", PASSWORD), "Authorization",
				"Bearer " + token);
		assertThat(enrolment.status()).isEqualTo(200);
		assertThat(enrolment.header("Cache-Control")).contains("no-store");
		String base32 = enrolment.string("secret");
		byte[] secret = Base32.decode(base32);
		assertThat(secret).hasSize(20);
		Instant confirmedAt = now();
		Reply confirmed = postJson("/me/mfa/totp/confirm", map("code", code(secret, confirmedAt)), "Authorization",
				"Bearer " + token);
		assertThat(confirmed.status()).isEqualTo(200);
		@SuppressWarnings("unchecked")
		List<String> codes = (List<String>) confirmed.object().get("recovery_codes");
		return new Enrolled(user, secret, base32, codes, token, confirmedAt);
	}

	private Instant now() {
		return this.clock.instant();
	}

	private static String code(byte[] secret, Instant at) throws Exception {
		return TotpCodes.code(secret, at);
	}

	private String mfaToken(User user) throws Exception {
		Reply reply = postJson("/auth", map("username", user.username(), "password", user.password()));
		assertThat(reply.status()).isEqualTo(200);
		assertThat(reply.object()).containsEntry("mfa_required", true)
			.containsEntry("methods", List.of("totp", "recovery_code"))
			.containsEntry("expires_in", 300)
			.doesNotContainKeys("access_token", "token", "refresh_token");
		assertThat(reply.header("Cache-Control")).contains("no-store");
		return reply.string("mfa_token");
	}

	private Reply secondStep(String mfaToken, String field, String value) throws Exception {
		return postJson("/auth/mfa", map("mfa_token", mfaToken, field, value));
	}

	@SuppressWarnings("unchecked")
	private List<String> amr(String accessToken) {
		String payload = new String(Base64.getUrlDecoder().decode(accessToken.split("\\.")[1]),
				StandardCharsets.UTF_8);
		return (List<String>) this.json.readValue(payload, Map.class).get("amr");
	}

	@Test
	void loginWhenNoFactorThenTokensStraightAwayWithPasswordAmr() throws Exception {
		User user = signup("mfa-none");
		Reply reply = postJson("/auth", map("username", user.username(), "password", PASSWORD));
		assertThat(reply.status()).isEqualTo(200);
		assertThat(reply.object()).doesNotContainKey("mfa_required");
		assertThat(amr(reply.string("access_token"))).containsExactly("pwd");
		assertThat(getWithToken("/me", reply.string("access_token")).object()).containsEntry("mfa", List.of());
	}

	@Test
	void loginWhenCookieAskedForThenNoCookieUntilTheSecondStepWhichSetsIt() throws Exception {
		Enrolled enrolled = enrolled("mfa-cookie");
		Reply first = postJson("/auth", map("username", enrolled.user().username(), "password", PASSWORD),
				"X-Refresh-Token-Delivery", "cookie");
		assertThat(first.object()).containsEntry("mfa_required", true);
		assertThat(first.raw().getHeaders("Set-Cookie")).as("no session yet, so no cookie").isEmpty();

		Reply second = postJson("/auth/mfa",
				map("mfa_token", first.string("mfa_token"), "code", code(enrolled.secret(), now().plusSeconds(30))),
				"X-Refresh-Token-Delivery", "cookie");
		assertThat(second.status()).isEqualTo(200);
		assertThat(second.object()).containsKey("access_token").doesNotContainKey("refresh_token");
		assertThat(second.raw().getHeaders("Set-Cookie")).singleElement()
			.satisfies((cookie) -> assertThat(cookie).startsWith("__Host-refresh=")
				.contains("; Secure")
				.contains("; HttpOnly")
				.contains("; SameSite=Strict"));
		assertThat(amr(second.string("access_token"))).containsExactly("pwd", "otp", "mfa");
	}

	@Test
	void enrolmentWhenConfirmedThenMeShowsTotpAndTenRecoveryCodes() throws Exception {
		User user = signup("mfa-enrol");
		String token = login(user);
		Reply enrolment = postJson("/me/mfa/totp", map("current_password", PASSWORD), "Authorization",
				"Bearer " + token);
		String base32 = enrolment.string("secret");
		assertThat(base32).matches("[A-Z2-7]{32}");
		assertThat(enrolment.string("otpauth_uri")).startsWith("otpauth://totp/jwt-auth-service:" + user.username())
			.contains("secret=" + base32, "issuer=jwt-auth-service", "algorithm=SHA1", "digits=6", "period=30");
		assertThat(enrolment.string("qr_svg")).startsWith("<svg").contains("<path d=\"M").endsWith("</svg>");
		// Pending: logins still need the password only.
		assertThat(getWithToken("/me", token).object()).containsEntry("mfa", List.of());
		assertThat(postJson("/auth", map("username", user.username(), "password", PASSWORD)).object())
			.containsKey("access_token");

		byte[] secret = Base32.decode(base32);
		String wrong = code(secret, now().minusSeconds(300));
		Reply refused = postJson("/me/mfa/totp/confirm", map("code", wrong), "Authorization", "Bearer " + token);
		assertThat(refused.status()).isEqualTo(400);
		assertThat(refused.errorFields()).containsExactly("code");

		Reply confirmed = postJson("/me/mfa/totp/confirm", map("code", code(secret, now())), "Authorization",
				"Bearer " + token);
		assertThat(confirmed.status()).isEqualTo(200);
		assertThat(confirmed.header("Cache-Control")).contains("no-store");
		@SuppressWarnings("unchecked")
		List<String> codes = (List<String>) confirmed.object().get("recovery_codes");
		assertThat(codes).hasSize(10).doesNotHaveDuplicates().allMatch((code) -> code.matches("[A-Z2-7]{10}"));
		assertThat(getWithToken("/me", token).object()).containsEntry("mfa", List.of("totp"));
		// A second enrolment while one is on is refused, and tells no secret.
		Reply again = postJson("/me/mfa/totp", map("current_password", PASSWORD), "Authorization", "Bearer " + token);
		assertThat(again.status()).isEqualTo(409);
	}

	@Test
	void loginWhenRightCodeThenTokensWithOtpAmrKeptAcrossRefresh() throws Exception {
		Enrolled enrolled = enrolled("mfa-login");
		this.clock.advance(Duration.ofSeconds(30));
		String code = code(enrolled.secret(), now());
		// Typed as the app shows it.
		Reply tokens = secondStep(mfaToken(enrolled.user()), "code", code.substring(0, 3) + " " + code.substring(3));
		assertThat(tokens.status()).isEqualTo(200);
		assertThat(tokens.header("Cache-Control")).contains("no-store");
		assertThat(tokens.object()).containsKeys("access_token", "token", "refresh_token", "expires_in");
		assertThat(tokens.object()).containsEntry("token_type", "Bearer")
			.containsEntry("user_id", enrolled.user().id().toString());
		assertThat(amr(tokens.string("access_token"))).containsExactly("pwd", "otp", "mfa");
		assertThat(getWithToken("/me", tokens.string("access_token")).status()).isEqualTo(200);

		Reply refreshed = postJson("/auth/refresh", map("refresh_token", tokens.string("refresh_token")));
		assertThat(refreshed.status()).isEqualTo(200);
		assertThat(amr(refreshed.string("access_token"))).containsExactly("pwd", "otp", "mfa");
	}

	@Test
	void codeWhenReplayedThenRefusedEvenWithAFreshMfaToken() throws Exception {
		Enrolled enrolled = enrolled("mfa-replay");
		this.clock.advance(Duration.ofSeconds(30));
		String code = code(enrolled.secret(), now());
		assertThat(secondStep(mfaToken(enrolled.user()), "code", code).status()).isEqualTo(200);
		assertThat(secondStep(mfaToken(enrolled.user()), "code", code).status()).isEqualTo(401);
		// The code that confirmed the factor was spent too: the very code, computed at the
		// confirming instant, since the wall clock may cross into the next step meanwhile.
		Enrolled other = enrolled("mfa-replay-confirm");
		String confirming = code(other.secret(), other.confirmedAt());
		assertThat(secondStep(mfaToken(other.user()), "code", confirming).status()).isEqualTo(401);
	}

	@Test
	void codeWhenOneStepOffThenAcceptedAndTwoStepsOffThenRefused() throws Exception {
		Enrolled enrolled = enrolled("mfa-drift");
		// Two steps on: the last accepted step is behind, so a code of one step ago is new.
		this.clock.advance(Duration.ofSeconds(60));
		Reply late = secondStep(mfaToken(enrolled.user()), "code", code(enrolled.secret(), now().minusSeconds(30)));
		assertThat(late.status()).isEqualTo(200);
		this.clock.advance(Duration.ofSeconds(120));
		Reply tooLate = secondStep(mfaToken(enrolled.user()), "code",
				code(enrolled.secret(), now().minusSeconds(60)));
		assertThat(tooLate.status()).isEqualTo(401);
		Reply early = secondStep(mfaToken(enrolled.user()), "code", code(enrolled.secret(), now().plusSeconds(30)));
		assertThat(early.status()).isEqualTo(200);
	}

	@Test
	void guessingCodesWhenAccountLimitReachedThen429EvenForTheRightCodeAndPassword() throws Exception {
		Enrolled enrolled = enrolled("mfa-guess");
		this.clock.advance(Duration.ofSeconds(30));
		String right = code(enrolled.secret(), now());
		String first = mfaToken(enrolled.user());
		for (int i = 0; i < 3; i++) {
			Reply wrong = secondStep(first, "code", wrongCode(right, i));
			assertThat(wrong.status()).isEqualTo(401);
			assertThat(wrong.contentType()).startsWith("application/problem+json");
		}
		// Three wrong codes end the mfa_token, the right code too.
		assertThat(secondStep(first, "code", right).status()).isEqualTo(401);
		// A right password does not reset the count: only a completed login does.
		String second = mfaToken(enrolled.user());
		for (int i = 3; i < 5; i++) {
			assertThat(secondStep(second, "code", wrongCode(right, i)).status()).isEqualTo(401);
		}
		Reply locked = secondStep(second, "code", right);
		assertThat(locked.status()).isEqualTo(429);
		assertThat(locked.header("Retry-After")).isNotNull();
		assertThat(postJson("/auth", map("username", enrolled.user().username(), "password", PASSWORD)).status())
			.isEqualTo(429);
	}

	private static String wrongCode(String right, int i) {
		String wrong = String.format("%06d", (Integer.parseInt(right) + 1 + i * 7919) % 1_000_000);
		assertThat(wrong).isNotEqualTo(right);
		return wrong;
	}

	@Test
	void wrongCodeWhenEmailVerifiedThenNoticeMailedWithoutTheCode() throws Exception {
		Enrolled enrolled = enrolled("mfa-notice");
		String email = enrolled.user().username() + "@example.com";
		this.accounts.changeEmail(enrolled.user().id(), email);
		this.accounts.markEmailVerified(enrolled.user().id(), email);
		this.clock.advance(Duration.ofSeconds(30));
		String wrong = wrongCode(code(enrolled.secret(), now()), 0);
		assertThat(secondStep(mfaToken(enrolled.user()), "code", wrong).status()).isEqualTo(401);
		await().atMost(Duration.ofSeconds(5)).until(() -> Outbox.mailsTo(email).stream()
			.anyMatch((mail) -> mail.contains("Subject: A wrong login code was entered")));
		assertThat(Outbox.mailsTo(email)).noneMatch((mail) -> mail.contains(wrong));
	}

	@Test
	void mfaTokenWhenPresentedAsAccessOrRefreshTokenThenRefused() throws Exception {
		Enrolled enrolled = enrolled("mfa-misuse");
		String mfaToken = mfaToken(enrolled.user());
		Reply asBearer = getWithToken("/me", mfaToken);
		assertThat(asBearer.status()).isEqualTo(401);
		assertThat(asBearer.header("WWW-Authenticate")).contains("invalid_token");
		assertThat(get("/me", "x-access-token", mfaToken).status()).isEqualTo(401);
		assertThat(postJson("/auth/refresh", map("refresh_token", mfaToken)).status()).isEqualTo(401);
		// Still good for what it is for.
		this.clock.advance(Duration.ofSeconds(30));
		assertThat(secondStep(mfaToken, "code", code(enrolled.secret(), now())).status()).isEqualTo(200);
	}

	@Test
	void mfaTokenWhenUsedOrExpiredOrPasswordChangedThenRefused() throws Exception {
		Enrolled enrolled = enrolled("mfa-spent");
		this.clock.advance(Duration.ofSeconds(30));
		String used = mfaToken(enrolled.user());
		assertThat(secondStep(used, "code", code(enrolled.secret(), now())).status()).isEqualTo(200);
		this.clock.advance(Duration.ofSeconds(30));
		assertThat(secondStep(used, "code", code(enrolled.secret(), now())).status()).isEqualTo(401);

		String expiring = mfaToken(enrolled.user());
		this.clock.advance(Duration.ofMinutes(5).plusSeconds(1));
		assertThat(secondStep(expiring, "code", code(enrolled.secret(), now())).status()).isEqualTo(401);

		String beforeChange = mfaToken(enrolled.user());
		this.clock.advance(Duration.ofSeconds(1));
		Reply changed = postJson("/me/password",
				map("current_password", PASSWORD, "new_password", "another violet staple 43"), "Authorization",
				"Bearer " + enrolled.token());
		assertThat(changed.status()).isEqualTo(204);
		this.clock.advance(Duration.ofSeconds(30));
		assertThat(secondStep(beforeChange, "code", code(enrolled.secret(), now())).status()).isEqualTo(401);

		assertThat(secondStep("mfa_" + "A".repeat(43), "code", "123456").status()).isEqualTo(401);
		assertThat(secondStep("not even shaped", "code", "123456").status()).isEqualTo(401);
		assertThat(postJson("/auth/mfa", map("mfa_token", used)).errorFields()).containsExactly("code");
	}

	@Test
	void recoveryCodeWhenUsedThenWorksOnceWithOtpAmr() throws Exception {
		Enrolled enrolled = enrolled("mfa-recovery");
		String recoveryCode = enrolled.recoveryCodes().get(3);
		Reply tokens = secondStep(mfaToken(enrolled.user()), "recovery_code", recoveryCode.toLowerCase());
		assertThat(tokens.status()).isEqualTo(200);
		assertThat(amr(tokens.string("access_token"))).containsExactly("pwd", "otp", "mfa");
		assertThat(secondStep(mfaToken(enrolled.user()), "recovery_code", recoveryCode).status()).isEqualTo(401);
		assertThat(secondStep(mfaToken(enrolled.user()), "recovery_code", enrolled.recoveryCodes().get(4)).status())
			.isEqualTo(200);
	}

	/** Every row of every table of the service's schema, on H2 and PostgreSQL alike, upper-cased. */
	private String databaseDump() {
		StringBuilder dump = new StringBuilder();
		for (String table : this.jdbc.queryForList("select table_name from information_schema.tables "
				+ "where table_schema = current_schema and table_type = 'BASE TABLE'", String.class)) {
			dump.append(table.toUpperCase()).append('\n');
			dump.append(this.jdbc.queryForList("select * from \"" + table + "\"").toString().toUpperCase()).append('\n');
		}
		return dump.toString();
	}

	@Test
	void secretWhenEnrolledThenInNoDatabaseDumpNoLaterAnswerAndNoLog(CapturedOutput output) throws Exception {
		Enrolled enrolled = enrolled("mfa-dump");
		String mfaToken = mfaToken(enrolled.user());
		String code = code(enrolled.secret(), now().plusSeconds(30));
		assertThat(secondStep(mfaToken, "code", code).status()).isEqualTo(200);
		assertThat(output.getAll()).contains("event=mfa_confirm")
			.doesNotContain(enrolled.base32())
			.doesNotContain(mfaToken)
			.doesNotContain(mfaToken.substring(4))
			.doesNotContain(enrolled.recoveryCodes().get(0))
			.doesNotContain("code=" + code);
		String hex = HexFormat.of().formatHex(enrolled.secret());
		String dump = databaseDump();
		assertThat(dump).contains("TOTP_FACTOR");
		assertThat(dump.toUpperCase()).doesNotContain(enrolled.base32()).doesNotContain(hex.toUpperCase());
		String rows = this.jdbc.queryForList("select * from totp_factor").toString()
				+ this.jdbc.queryForList("select * from recovery_code").toString();
		assertThat(rows.toUpperCase()).doesNotContain(enrolled.base32()).doesNotContain(hex.toUpperCase());
		for (String recoveryCode : enrolled.recoveryCodes()) {
			assertThat(dump).doesNotContain(recoveryCode.toUpperCase());
		}

		Reply me = getWithToken("/me", enrolled.token());
		Reply export = getWithToken("/me/export", enrolled.token());
		assertThat(export.status()).isEqualTo(200);
		assertThat(export.body()).contains("\"type\":\"totp\"", "\"recovery_codes_left\":10");
		for (Reply reply : List.of(me, export)) {
			assertThat(reply.body().toUpperCase()).doesNotContain(enrolled.base32())
				.doesNotContain(enrolled.recoveryCodes().get(0));
		}
	}

	@Test
	void disableAndNewRecoveryCodesWhenPasswordOrCodeMissingOrWrongThenRefused() throws Exception {
		Enrolled enrolled = enrolled("mfa-disable");
		String bearer = "Bearer " + enrolled.token();
		for (String path : List.of("/me/mfa/totp/disable", "/me/mfa/recovery-codes")) {
			Reply noCode = postJson(path, map("current_password", PASSWORD), "Authorization", bearer);
			assertThat(noCode.status()).isEqualTo(400);
			assertThat(noCode.errorFields()).containsExactly("code");
		}
		Reply wrongPassword = postJson("/me/mfa/recovery-codes",
				map("current_password", "not my password", "recovery_code", enrolled.recoveryCodes().get(0)),
				"Authorization", bearer);
		assertThat(wrongPassword.status()).isEqualTo(400);
		assertThat(wrongPassword.errorFields()).containsExactly("current_password");
		// Each refusal above counted as a failed login (three of the five the account may have).
		// The refused attempts spent no recovery code.
		Reply renewed = postJson("/me/mfa/recovery-codes",
				map("current_password", PASSWORD, "recovery_code", enrolled.recoveryCodes().get(0)), "Authorization",
				bearer);
		assertThat(renewed.status()).isEqualTo(200);
		@SuppressWarnings("unchecked")
		List<String> fresh = (List<String>) renewed.object().get("recovery_codes");
		assertThat(fresh).hasSize(10).doesNotContainAnyElementsOf(enrolled.recoveryCodes());
		assertThat(secondStep(mfaToken(enrolled.user()), "recovery_code", enrolled.recoveryCodes().get(1)).status())
			.as("an old code after renewal")
			.isEqualTo(401);

		this.clock.advance(Duration.ofSeconds(30));
		String waiting = mfaToken(enrolled.user());
		Reply disabled = postJson("/me/mfa/totp/disable",
				map("current_password", PASSWORD, "code", code(enrolled.secret(), now())), "Authorization", bearer);
		assertThat(disabled.status()).isEqualTo(204);
		assertThat(getWithToken("/me", enrolled.token()).object()).containsEntry("mfa", List.of());
		// The login that was waiting for a code died with the factor.
		assertThat(secondStep(waiting, "recovery_code", fresh.get(0)).status()).isEqualTo(401);
		assertThat(postJson("/auth", map("username", enrolled.user().username(), "password", PASSWORD)).object())
			.containsKey("access_token");
	}

	@Test
	void emailChangeAndDeletionWhenTotpOnThenNeedACodeToo() throws Exception {
		Enrolled enrolled = enrolled("mfa-reauth");
		String bearer = "Bearer " + enrolled.token();
		String newEmail = enrolled.user().username() + "@example.org";
		Reply emailWithoutCode = postJson("/me/email", map("new_email", newEmail, "current_password", PASSWORD),
				"Authorization", bearer);
		assertThat(emailWithoutCode.status()).isEqualTo(400);
		assertThat(emailWithoutCode.errorFields()).containsExactly("code");
		assertThat(postJson("/me/email", map("new_email", newEmail, "current_password", PASSWORD, "recovery_code",
				enrolled.recoveryCodes().get(0)), "Authorization", bearer)
			.status()).isEqualTo(202);

		Reply deleteWithoutCode = postJson("/me/delete", map("current_password", PASSWORD), "Authorization", bearer);
		assertThat(deleteWithoutCode.status()).isEqualTo(400);
		assertThat(deleteWithoutCode.errorFields()).containsExactly("code");
		this.clock.advance(Duration.ofSeconds(30));
		assertThat(postJson("/me/delete", map("current_password", PASSWORD, "code", code(enrolled.secret(), now())),
				"Authorization", bearer)
			.status()).isEqualTo(204);
		// The factor and its codes went with the account.
		assertThat(this.jdbc.queryForObject("select count(*) from totp_factor where account_id = ?", Integer.class,
				enrolled.user().id())).isZero();
		assertThat(this.jdbc.queryForObject("select count(*) from recovery_code where account_id = ?",
				Integer.class, enrolled.user().id())).isZero();
	}

	@Test
	void adminResetWhenCalledThenFactorsGoneAndSessionsEnded() throws Exception {
		Enrolled enrolled = enrolled("mfa-reset");
		String adminName = uniqueName("mfa-admin");
		this.accounts.signup(new NewAccount(adminName, PASSWORD, null, null, Set.of(Role.USER, Role.ADMIN)));
		String adminToken = login(adminName, PASSWORD);

		Reply byUser = postJson("/users/" + enrolled.user().id() + "/mfa/reset", "{}", "Authorization",
				"Bearer " + enrolled.token());
		assertThat(byUser.status()).isEqualTo(403);
		Reply reset = postJson("/users/" + enrolled.user().id() + "/mfa/reset", "{}", "Authorization",
				"Bearer " + adminToken);
		assertThat(reset.status()).isEqualTo(204);
		assertThat(getWithToken("/me", enrolled.token()).status()).isEqualTo(401);
		String token = login(enrolled.user());
		assertThat(getWithToken("/me", token).object()).containsEntry("mfa", List.of());
		assertThat(postJson("/users/" + UUID.randomUUID() + "/mfa/reset", "{}", "Authorization", "Bearer " + adminToken)
			.status()).isEqualTo(404);
		assertThat(this.jdbc.queryForList("select event from audit_event where account_id = ?", String.class,
				enrolled.user().id()))
			.contains("mfa_enrol", "mfa_confirm", "admin_mfa_reset");
	}

}
