package dev.jwtauth.passkeys;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Base64;
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
import dev.jwtauth.testing.SoftAuthenticator;
import dev.jwtauth.testing.TotpCodes;
import org.bouncycastle.util.encoders.Base32;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.annotation.Import;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.test.web.servlet.request.MockMvcRequestBuilders;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * Passkeys through real ceremonies, signed by a software authenticator with a real key:
 * adding, logging in, and every way an attacker bends an answer (replay, origin, RP id,
 * flags, user handle, counter, challenge), each refused with one and the same 401.
 */
@Import(AdjustableClock.Configuration.class)
class PasskeyIntegrationTests extends IntegrationTest {

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

	private String bearer(String token) {
		return "Bearer " + token;
	}

	private Map<String, Object> registrationOptions(String token, Object... body) throws Exception {
		Reply reply = postJson("/me/passkeys/options", map(body), "Authorization", bearer(token));
		assertThat(reply.status()).as(reply.body()).isEqualTo(200);
		return reply.object();
	}

	/** A signed-up user with a passkey on the given authenticator; returns its access token. */
	private String registered(User user, SoftAuthenticator authenticator) throws Exception {
		String token = login(user);
		Map<String, Object> options = registrationOptions(token, "current_password", PASSWORD);
		Reply added = postJson("/me/passkeys", map("credential", authenticator.create(options), "name", "Laptop"),
				"Authorization", bearer(token));
		assertThat(added.status()).as(added.body()).isEqualTo(201);
		return token;
	}

	/** A new user with a passkey on a new authenticator, and its access token. */
	private record Holder(User user, SoftAuthenticator authenticator, String token) {
	}

	private Holder holder(String prefix) throws Exception {
		User user = signup(prefix);
		SoftAuthenticator authenticator = new SoftAuthenticator();
		return new Holder(user, authenticator, registered(user, authenticator));
	}

	@SuppressWarnings("unchecked")
	private Challenge loginChallenge() throws Exception {
		Reply reply = perform(MockMvcRequestBuilders.post("/auth/passkey/options"));
		assertThat(reply.status()).isEqualTo(200);
		assertThat(reply.header("Cache-Control")).contains("no-store");
		return new Challenge(reply.string("challenge_id"), (Map<String, Object>) reply.object().get("options"));
	}

	private record Challenge(String id, Map<String, Object> options) {
	}

	private Reply passkeyLogin(String challengeId, Object credential, String... headers) throws Exception {
		return postJson("/auth/passkey", map("challenge_id", challengeId, "credential", credential), headers);
	}

	private Reply passkeyLogin(SoftAuthenticator authenticator, SoftAuthenticator.Bend bend) throws Exception {
		Challenge challenge = loginChallenge();
		return passkeyLogin(challenge.id(), authenticator.get(challenge.options(), bend));
	}

	@SuppressWarnings("unchecked")
	private List<String> amr(String accessToken) {
		String payload = new String(Base64.getUrlDecoder().decode(accessToken.split("\\.")[1]), StandardCharsets.UTF_8);
		return (List<String>) this.json.readValue(payload, Map.class).get("amr");
	}

	/** The one answer every refused passkey login gets. */
	private void assertRefused(Reply reply) {
		assertThat(reply.status()).as(reply.body()).isEqualTo(401);
		assertThat(reply.contentType()).startsWith("application/problem+json");
		assertThat(reply.object()).containsEntry("detail",
				"The passkey was not accepted. Start again with POST /auth/passkey/options.")
			.doesNotContainKeys("access_token", "refresh_token");
	}

	private int passkeysOf(UUID accountId) {
		return this.jdbc.queryForObject("select count(*) from passkey where account_id = ?", Integer.class, accountId);
	}

	@Test
	@SuppressWarnings("unchecked")
	void registerWhenPasswordRightThenOptionsForADiscoverableVerifiedPasskey() throws Exception {
		User user = signup("pk-options");
		Map<String, Object> options = registrationOptions(login(user), "current_password", PASSWORD);
		assertThat((Map<String, Object>) options.get("rp")).containsEntry("id", "localhost");
		assertThat((Map<String, Object>) options.get("authenticatorSelection")).containsEntry("residentKey", "required")
			.containsEntry("userVerification", "required");
		assertThat((Map<String, Object>) options.get("user")).containsEntry("name", user.username());
		assertThat(Base64.getUrlDecoder().decode((String) options.get("challenge"))).hasSize(32);
		assertThat(options).containsEntry("attestation", "none").containsEntry("excludeCredentials", List.of());
		assertThat(options.values()).doesNotContainNull();
	}

	@Test
	@SuppressWarnings("unchecked")
	void loginWhenPasskeyRegisteredThenTokensWithAmrSwkUserMfa() throws Exception {
		Holder holder = holder("pk-login");
		User user = holder.user();
		SoftAuthenticator authenticator = holder.authenticator();
		String token = holder.token();
		List<Object> listed = getWithToken("/me/passkeys", token).list();
		assertThat(listed).hasSize(1);
		assertThat((Map<String, Object>) listed.get(0)).containsOnlyKeys("id", "name", "created_at", "last_used_at")
			.containsEntry("name", "Laptop")
			.containsEntry("last_used_at", null);

		Reply reply = passkeyLogin(authenticator, SoftAuthenticator.assertion());
		assertThat(reply.status()).as(reply.body()).isEqualTo(200);
		assertThat(reply.header("Cache-Control")).contains("no-store");
		assertThat(reply.string("user_id")).isEqualTo(user.id().toString());
		assertThat(reply.string("refresh_token")).isNotBlank();
		assertThat(amr(reply.string("access_token"))).containsExactly("swk", "user", "mfa");
		// GET /me's mfa list names TOTP only (API.md); passkeys have their own list.
		assertThat(getWithToken("/me", reply.string("access_token")).object()).containsEntry("mfa", List.of());
		Reply refreshed = postJson("/auth/refresh", map("refresh_token", reply.string("refresh_token")));
		assertThat(amr(refreshed.string("access_token"))).containsExactly("swk", "user", "mfa");
		assertThat((Map<String, Object>) getWithToken("/me/passkeys", token).list().get(0)).doesNotContainEntry(
				"last_used_at", null);
	}

	@Test
	void loginWhenCookieDeliveryAskedForThenRefreshTokenInTheCookieOnly() throws Exception {
		Holder holder = holder("pk-cookie");
		SoftAuthenticator authenticator = holder.authenticator();
		Challenge challenge = loginChallenge();
		Reply reply = passkeyLogin(challenge.id(), authenticator.get(challenge.options()), "X-Refresh-Token-Delivery",
				"cookie");
		assertThat(reply.status()).isEqualTo(200);
		assertThat(reply.object()).containsKey("access_token").doesNotContainKey("refresh_token");
		assertThat(reply.raw().getHeaders("Set-Cookie")).singleElement()
			.satisfies((cookie) -> assertThat(cookie).startsWith("__Host-refresh=").contains("HttpOnly", "Secure"));
	}

	@Test
	void registerAndLoginWhenTotpOnThenCodeAskedToAddAndNotToLogIn() throws Exception {
		User user = signup("pk-totp");
		String token = login(user);
		byte[] secret = Base32.decode(postJson("/me/mfa/totp", map("current_password", PASSWORD), "Authorization",
				bearer(token)).string("secret"));
		assertThat(postJson("/me/mfa/totp/confirm",
				map("code", TotpCodes.code(secret, this.clock.instant().minusSeconds(30))), "Authorization",
				bearer(token)).status()).isEqualTo(200);

		Reply withoutCode = postJson("/me/passkeys/options", map("current_password", PASSWORD), "Authorization",
				bearer(token));
		assertThat(withoutCode.status()).isEqualTo(400);
		assertThat(withoutCode.errorFields()).containsExactly("code");
		Reply wrongCode = postJson("/me/passkeys/options", map("current_password", PASSWORD, "code", "000000"),
				"Authorization", bearer(token));
		assertThat(wrongCode.status()).isEqualTo(400);

		SoftAuthenticator authenticator = new SoftAuthenticator();
		Map<String, Object> options = registrationOptions(token, "current_password", PASSWORD, "code",
				TotpCodes.code(secret, this.clock.instant()));
		assertThat(postJson("/me/passkeys", map("credential", authenticator.create(options)), "Authorization",
				bearer(token)).status()).isEqualTo(201);

		Reply reply = passkeyLogin(authenticator, SoftAuthenticator.assertion());
		assertThat(reply.status()).isEqualTo(200);
		assertThat(reply.object()).doesNotContainKey("mfa_required").containsKey("access_token");
		assertThat(amr(reply.string("access_token"))).containsExactly("swk", "user", "mfa");
	}

	@Test
	void registerWhenPasswordMissingOrWrongOrNoTokenThenRefused() throws Exception {
		User user = signup("pk-reauth");
		String token = login(user);
		Reply missing = postJson("/me/passkeys/options", map(), "Authorization", bearer(token));
		assertThat(missing.status()).isEqualTo(400);
		assertThat(missing.errorFields()).containsExactly("current_password");
		String failures = "select count(*) from login_failure where subject = ?";
		int before = this.jdbc.queryForObject(failures, Integer.class, "account:" + user.id());
		Reply wrong = postJson("/me/passkeys/options", map("current_password", "not the password"), "Authorization",
				bearer(token));
		assertThat(wrong.status()).isEqualTo(400);
		assertThat(wrong.errorFields()).containsExactly("current_password");
		assertThat(this.jdbc.queryForObject(failures, Integer.class, "account:" + user.id()))
			.as("the wrong password counts as a failed login")
			.isEqualTo(before + 1);
		assertThat(postJson("/me/passkeys/options", map("current_password", PASSWORD)).status()).isEqualTo(401);
		assertThat(postJson("/me/passkeys", map("credential", map())).status()).isEqualTo(401);
	}

	@Test
	void registerWhenCredentialAnswersNoChallengeOfThisAccountThenRefused() throws Exception {
		User user = signup("pk-nochallenge");
		User other = signup("pk-otherchallenge");
		String token = login(user);
		Map<String, Object> othersOptions = registrationOptions(login(other), "current_password", PASSWORD);
		// Made for another account's challenge: the registration must not take it.
		Reply reply = postJson("/me/passkeys", map("credential", new SoftAuthenticator().create(othersOptions)),
				"Authorization", bearer(token));
		assertThat(reply.status()).isEqualTo(400);
		assertThat(reply.errorFields()).containsExactly("credential");
		assertThat(passkeysOf(user.id())).isZero();

		Map<String, Object> options = registrationOptions(token, "current_password", PASSWORD);
		SoftAuthenticator.Bend wrongOrigin = SoftAuthenticator.creation();
		wrongOrigin.origin = "https://evil.example";
		assertThat(postJson("/me/passkeys", map("credential", new SoftAuthenticator().create(options, wrongOrigin)),
				"Authorization", bearer(token)).status()).isEqualTo(400);
		// The challenge was spent by that attempt, right or wrong.
		assertThat(postJson("/me/passkeys", map("credential", new SoftAuthenticator().create(options)),
				"Authorization", bearer(token)).status()).isEqualTo(400);

		Map<String, Object> unverified = registrationOptions(token, "current_password", PASSWORD);
		SoftAuthenticator.Bend noUv = SoftAuthenticator.creation();
		noUv.flags = 0x01;
		assertThat(postJson("/me/passkeys", map("credential", new SoftAuthenticator().create(unverified, noUv)),
				"Authorization", bearer(token)).status()).isEqualTo(400);
		assertThat(passkeysOf(user.id())).isZero();
	}

	@Test
	void loginWhenAssertionReplayedThen401() throws Exception {
		Holder holder = holder("pk-replay");
		SoftAuthenticator authenticator = holder.authenticator();
		Challenge challenge = loginChallenge();
		Map<String, Object> captured = authenticator.get(challenge.options());
		assertThat(passkeyLogin(challenge.id(), captured).status()).isEqualTo(200);
		assertRefused(passkeyLogin(challenge.id(), captured));
		// Nor under a fresh challenge id: the signed challenge is the spent one.
		assertRefused(passkeyLogin(loginChallenge().id(), captured));
	}

	@Test
	void loginWhenOriginOrRpIdOrFlagsBentThen401() throws Exception {
		Holder holder = holder("pk-bent");
		SoftAuthenticator authenticator = holder.authenticator();
		SoftAuthenticator.Bend origin = SoftAuthenticator.assertion();
		origin.origin = "https://localhost.evil.example";
		assertRefused(passkeyLogin(authenticator, origin));
		SoftAuthenticator.Bend rpId = SoftAuthenticator.assertion();
		rpId.rpId = "evil.example";
		assertRefused(passkeyLogin(authenticator, rpId));
		SoftAuthenticator.Bend noUv = SoftAuthenticator.assertion();
		noUv.flags = 0x01;
		assertRefused(passkeyLogin(authenticator, noUv));
		SoftAuthenticator.Bend noUp = SoftAuthenticator.assertion();
		noUp.flags = 0x04;
		assertRefused(passkeyLogin(authenticator, noUp));
		SoftAuthenticator.Bend type = SoftAuthenticator.assertion();
		type.type = "webauthn.create";
		assertRefused(passkeyLogin(authenticator, type));
		assertThat(passkeyLogin(authenticator, SoftAuthenticator.assertion()).status()).isEqualTo(200);
	}

	@Test
	void loginWhenSignatureBelongsToAnotherKeyThen401() throws Exception {
		Holder holder = holder("pk-signature");
		SoftAuthenticator authenticator = holder.authenticator();
		Challenge challenge = loginChallenge();
		Map<String, Object> genuine = authenticator.get(challenge.options());
		@SuppressWarnings("unchecked")
		Map<String, Object> response = (Map<String, Object>) genuine.get("response");
		Map<String, Object> forgedResponse = new java.util.LinkedHashMap<>(response);
		@SuppressWarnings("unchecked")
		Map<String, Object> othersResponse = (Map<String, Object>) new SoftAuthenticator()
			.get(challenge.options())
			.get("response");
		forgedResponse.put("signature", othersResponse.get("signature"));
		Map<String, Object> forged = new java.util.LinkedHashMap<>(genuine);
		forged.put("response", forgedResponse);
		assertRefused(passkeyLogin(challenge.id(), forged));
	}

	@Test
	void loginWhenUserHandleIsAnotherUsersThen401AndNobodyLoggedIn() throws Exception {
		User victim = signup("pk-victim");
		User attacker = signup("pk-attacker");
		SoftAuthenticator victims = new SoftAuthenticator();
		SoftAuthenticator attackers = new SoftAuthenticator();
		registered(victim, victims);
		registered(attacker, attackers);
		SoftAuthenticator.Bend asVictim = SoftAuthenticator.assertion();
		asVictim.userHandle = uuidBytes(victim.id());
		assertRefused(passkeyLogin(attackers, asVictim));
		SoftAuthenticator.Bend noHandle = SoftAuthenticator.assertion();
		noHandle.userHandle = new byte[0];
		assertRefused(passkeyLogin(victims, noHandle));
		// An unknown credential: a passkey this service never registered.
		assertRefused(passkeyLogin(new SoftAuthenticator(), SoftAuthenticator.assertion()));
	}

	private static byte[] uuidBytes(UUID id) {
		return java.nio.ByteBuffer.allocate(16)
			.putLong(id.getMostSignificantBits())
			.putLong(id.getLeastSignificantBits())
			.array();
	}

	@Test
	void loginWhenCounterDoesNotGrowThen401AndZeroAndZeroAccepted() throws Exception {
		User user = signup("pk-counter");
		SoftAuthenticator counting = new SoftAuthenticator(1);
		registered(user, counting);
		assertThat(passkeyLogin(counting, SoftAuthenticator.assertion()).status()).isEqualTo(200);
		SoftAuthenticator.Bend same = SoftAuthenticator.assertion();
		same.counter = 2L;
		assertRefused(passkeyLogin(counting, same));
		SoftAuthenticator.Bend lower = SoftAuthenticator.assertion();
		lower.counter = 1L;
		assertRefused(passkeyLogin(counting, lower));
		SoftAuthenticator.Bend zero = SoftAuthenticator.assertion();
		zero.counter = 0L;
		assertRefused(passkeyLogin(counting, zero));

		User other = signup("pk-zero");
		SoftAuthenticator alwaysZero = new SoftAuthenticator(0);
		registered(other, alwaysZero);
		assertThat(passkeyLogin(alwaysZero, SoftAuthenticator.assertion()).status()).isEqualTo(200);
		assertThat(passkeyLogin(alwaysZero, SoftAuthenticator.assertion()).status()).isEqualTo(200);
	}

	@Test
	void loginWhenChallengeExpiredOrUnknownThen401() throws Exception {
		Holder holder = holder("pk-expired");
		SoftAuthenticator authenticator = holder.authenticator();
		Challenge challenge = loginChallenge();
		Map<String, Object> credential = authenticator.get(challenge.options());
		this.clock.advance(Duration.ofMinutes(5).plusSeconds(1));
		assertRefused(passkeyLogin(challenge.id(), credential));
		assertRefused(passkeyLogin(UUID.randomUUID().toString(), authenticator.get(loginChallenge().options())));
		SoftAuthenticator.Bend made = SoftAuthenticator.assertion();
		made.challenge = SoftAuthenticator.encode(new byte[32]);
		assertRefused(passkeyLogin(authenticator, made));
	}

	@Test
	void loginWhenAccountDisabledThen401() throws Exception {
		Holder holder = holder("pk-disabled");
		User user = holder.user();
		SoftAuthenticator authenticator = holder.authenticator();
		this.accounts.setEnabled(user.id(), false);
		assertRefused(passkeyLogin(authenticator, SoftAuthenticator.assertion()));
		this.accounts.setEnabled(user.id(), true);
		assertThat(passkeyLogin(authenticator, SoftAuthenticator.assertion()).status()).isEqualTo(200);
	}

	@Test
	void loginWhenRefusedThenCountedForTheAddressOnly() throws Exception {
		Holder holder = holder("pk-counted");
		User user = holder.user();
		SoftAuthenticator authenticator = holder.authenticator();
		String client = "client:127.0.0.1";
		int before = this.jdbc.queryForObject("select count(*) from login_failure where subject = ?", Integer.class,
				client);
		SoftAuthenticator.Bend origin = SoftAuthenticator.assertion();
		origin.origin = "https://evil.example";
		assertRefused(passkeyLogin(authenticator, origin));
		assertRefused(passkeyLogin(new SoftAuthenticator(), SoftAuthenticator.assertion()));
		assertThat(this.jdbc.queryForObject("select count(*) from login_failure where subject = ?", Integer.class,
				client)).isEqualTo(before + 2);
		assertThat(this.jdbc.queryForObject("select count(*) from login_failure where subject = ?", Integer.class,
				"account:" + user.id())).isZero();
	}

	@Test
	void removeWhenOwnerDeletesThenGoneAndNoLongerLogsIn() throws Exception {
		User user = signup("pk-remove");
		User other = signup("pk-remove-other");
		SoftAuthenticator authenticator = new SoftAuthenticator();
		String token = registered(user, authenticator);
		String id = (String) ((Map<?, ?>) getWithToken("/me/passkeys", token).list().get(0)).get("id");
		assertThat(perform(MockMvcRequestBuilders.delete("/me/passkeys/" + id)
			.header("Authorization", bearer(login(other)))).status()).as("another user's passkey").isEqualTo(404);
		assertThat(perform(MockMvcRequestBuilders.patch("/me/passkeys/" + id)
			.header("Authorization", bearer(token))
			.contentType("application/json")
			.content("{\"name\":\"Phone\"}")).status()).isEqualTo(204);
		assertThat(((Map<?, ?>) getWithToken("/me/passkeys", token).list().get(0)).get("name")).isEqualTo("Phone");
		assertThat(perform(MockMvcRequestBuilders.delete("/me/passkeys/" + id).header("Authorization", bearer(token)))
			.status()).isEqualTo(204);
		assertThat(getWithToken("/me/passkeys", token).list()).isEmpty();
		assertRefused(passkeyLogin(authenticator, SoftAuthenticator.assertion()));
		assertThat(perform(MockMvcRequestBuilders.delete("/me/passkeys/" + id).header("Authorization", bearer(token)))
			.status()).isEqualTo(404);
	}

	@Test
	void registerWhenSamePasskeyAgainThenExcludedAnd409() throws Exception {
		Holder holder = holder("pk-twice");
		SoftAuthenticator authenticator = holder.authenticator();
		String token = holder.token();
		Map<String, Object> options = registrationOptions(token, "current_password", PASSWORD);
		assertThat((List<?>) options.get("excludeCredentials")).singleElement()
			.satisfies((item) -> assertThat(item).isEqualTo(Map.of("id", authenticator.credentialId(), "type",
					"public-key", "transports", List.of("hybrid", "internal"))));
		assertThat(postJson("/me/passkeys", map("credential", authenticator.create(options)), "Authorization",
				bearer(token)).status()).isEqualTo(409);
	}

	@Test
	void addAndRemoveWhenEmailVerifiedThenNoticesMailed() throws Exception {
		User user = signup("pk-notice");
		String email = user.username() + "@example.com";
		this.accounts.changeEmail(user.id(), email);
		this.accounts.markEmailVerified(user.id(), email);
		String token = registered(user, new SoftAuthenticator());
		await().atMost(Duration.ofSeconds(5))
			.until(() -> Outbox.mailsTo(email).stream().anyMatch((mail) -> mail.contains("Subject: A passkey was added")));
		String id = (String) ((Map<?, ?>) getWithToken("/me/passkeys", token).list().get(0)).get("id");
		assertThat(perform(MockMvcRequestBuilders.delete("/me/passkeys/" + id).header("Authorization", bearer(token)))
			.status()).isEqualTo(204);
		await().atMost(Duration.ofSeconds(5))
			.until(() -> Outbox.mailsTo(email).stream().anyMatch((mail) -> mail.contains("Subject: A passkey was removed")));
	}

	@Test
	void deleteAccountWhenPasskeysThenGone() throws Exception {
		Holder holder = holder("pk-delete");
		User user = holder.user();
		SoftAuthenticator authenticator = holder.authenticator();
		String token = holder.token();
		assertThat(postJson("/me/delete", map("current_password", PASSWORD), "Authorization", bearer(token)).status())
			.isEqualTo(204);
		assertThat(passkeysOf(user.id())).isZero();
		assertRefused(passkeyLogin(authenticator, SoftAuthenticator.assertion()));
	}

	@Test
	void adminMfaResetWhenPasskeysThenGone() throws Exception {
		Holder holder = holder("pk-reset");
		User user = holder.user();
		SoftAuthenticator authenticator = holder.authenticator();
		String adminName = uniqueName("pk-admin");
		this.accounts.signup(new NewAccount(adminName, PASSWORD, null, null, Set.of(Role.USER, Role.ADMIN)));
		assertThat(postJson("/users/" + user.id() + "/mfa/reset", "{}", "Authorization",
				bearer(login(adminName, PASSWORD))).status()).isEqualTo(204);
		assertThat(passkeysOf(user.id())).isZero();
		assertRefused(passkeyLogin(authenticator, SoftAuthenticator.assertion()));
	}

	@Test
	@SuppressWarnings("unchecked")
	void exportWhenPasskeysThenListedWithoutKeyMaterial() throws Exception {
		Holder holder = holder("pk-export");
		User user = holder.user();
		SoftAuthenticator authenticator = holder.authenticator();
		String token = holder.token();
		Reply export = getWithToken("/me/export", token);
		assertThat(export.status()).isEqualTo(200);
		List<Map<String, Object>> passkeys = (List<Map<String, Object>>) export.object().get("passkeys");
		assertThat(passkeys).singleElement()
			.satisfies((item) -> assertThat(item).containsOnlyKeys("id", "name", "created_at", "last_used_at"));
		String publicKey = this.jdbc.queryForObject("select public_key from passkey where account_id = ?",
				String.class, user.id());
		assertThat(export.body()).doesNotContain(publicKey).doesNotContain(authenticator.credentialId());
	}

	@Test
	void passkeyRoutesWhenInputMalformedThen400NeverA500() throws Exception {
		User user = signup("pk-malformed");
		String token = login(user);
		for (Object credential : List.<Object>of("text", 12, List.of(), map("id", "x"),
				map("id", "x", "rawId", "x", "type", "public-key", "response", map("clientDataJSON", "!!!")),
				map("id", "x", "type", "public-key", "response", "nope"))) {
			Reply add = postJson("/me/passkeys", map("credential", credential), "Authorization", bearer(token));
			assertThat(add.status()).as(String.valueOf(credential)).isEqualTo(400);
			assertThat(add.errorFields()).containsExactly("credential");
			Reply login = passkeyLogin(loginChallenge().id(), credential);
			assertThat(login.status()).as(String.valueOf(credential)).isEqualTo(400);
			assertThat(login.errorFields()).containsExactly("credential");
		}
		SoftAuthenticator authenticator = new SoftAuthenticator();
		Map<String, Object> credential = authenticator.get(loginChallenge().options());
		for (Object id : List.<Object>of("not-a-uuid", 42, "")) {
			Reply reply = passkeyLogin(String.valueOf(id), credential);
			assertThat(reply.status()).isEqualTo(400);
		}
		assertThat(postJson("/auth/passkey", map("credential", credential)).errorFields())
			.containsExactly("challenge_id");
		assertThat(postJson("/auth/passkey", "{\"challenge_id\": 42, \"credential\": {}}").status()).isEqualTo(400);
		assertThat(postJson("/auth/passkey", "{not json").status()).isEqualTo(400);
		assertThat(postJson("/me/passkeys", "{\"credential\": {}, \"name\": 12345}", "Authorization", bearer(token))
			.status()).isEqualTo(400);
		Map<String, Object> options = registrationOptions(token, "current_password", PASSWORD);
		Reply longName = postJson("/me/passkeys",
				map("credential", new SoftAuthenticator().create(options), "name", "x".repeat(65)), "Authorization",
				bearer(token));
		assertThat(longName.errorFields()).containsExactly("name");

		Map<String, Object> oddTransports = new SoftAuthenticator()
			.create(registrationOptions(token, "current_password", PASSWORD));
		@SuppressWarnings("unchecked")
		Map<String, Object> response = (Map<String, Object>) oddTransports.get("response");
		response.put("transports", List.of("x".repeat(300), "usb", "y".repeat(300)));
		assertThat(postJson("/me/passkeys", map("credential", oddTransports), "Authorization", bearer(token)).status())
			.as("unknown transports are dropped, not stored")
			.isEqualTo(201);
		assertThat(this.jdbc.queryForObject("select transports from passkey where account_id = ?", String.class,
				user.id())).isEqualTo("usb");
	}

}
