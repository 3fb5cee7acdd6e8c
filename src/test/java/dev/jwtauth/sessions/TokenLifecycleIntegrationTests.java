package dev.jwtauth.sessions;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import dev.jwtauth.accounts.AccountDetails;
import dev.jwtauth.accounts.Accounts;
import dev.jwtauth.accounts.NewAccount;
import dev.jwtauth.accounts.Role;
import dev.jwtauth.testing.AdjustableClock;
import dev.jwtauth.testing.IntegrationTest;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.annotation.Import;
import org.springframework.http.MediaType;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.test.context.bean.override.mockito.MockitoSpyBean;
import org.springframework.test.web.servlet.request.MockMvcRequestBuilders;

import static org.assertj.core.api.Assertions.assertThat;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.Mockito.atMost;
import static org.mockito.Mockito.verify;

/**
 * Refresh with rotation and reuse detection, logout, sessions, password change and
 * admin revocation, each tried end to end with real tokens.
 */
@Import(AdjustableClock.Configuration.class)
class TokenLifecycleIntegrationTests extends IntegrationTest {

	@Autowired
	private AdjustableClock clock;

	@Autowired
	private JdbcTemplate jdbc;

	@Autowired
	private RefreshRotation sessions;

	@MockitoSpyBean
	private Accounts accounts;

	@AfterEach
	void resetClock() {
		this.clock.reset();
	}

	private Reply loginReply(User user, String... headers) throws Exception {
		return postJson("/auth", map("username", user.username(), "password", user.password()), headers);
	}

	private Reply refresh(String refreshToken) throws Exception {
		return postJson("/auth/refresh", map("refresh_token", refreshToken));
	}

	private Reply post(String path, String token) throws Exception {
		return perform(MockMvcRequestBuilders.post(path).header("Authorization", "Bearer " + token));
	}

	private int status(String token) throws Exception {
		return getWithToken("/protected", token).status();
	}

	private User admin() {
		String username = uniqueName("admin");
		AccountDetails admin = this.accounts
			.signup(new NewAccount(username, PASSWORD, null, null, Set.of(Role.USER, Role.ADMIN)));
		return new User(admin.id(), username, PASSWORD);
	}

	@Test
	void loginWhenSucceededThenAnswerCarriesAnOpaqueRefreshToken() throws Exception {
		Reply login = loginReply(signup("ana"));
		String refreshToken = login.string("refresh_token");
		assertThat(refreshToken).matches("[A-Za-z0-9_-]{43}").doesNotContain(".");
		assertThat(login.string("access_token")).isNotEqualTo(refreshToken);
		// only a hash is stored
		assertThat(this.jdbc.queryForObject("select count(*) from refresh_token where token_hash = ?", Integer.class,
				refreshToken)).isZero();
	}

	@Test
	void refreshWhenValidThenNewPairAndTheOldOneIsSpent() throws Exception {
		Reply login = loginReply(signup("bea"));
		Reply refreshed = refresh(login.string("refresh_token"));
		assertThat(refreshed.status()).isEqualTo(200);
		assertThat(refreshed.header("Cache-Control")).contains("no-store");
		assertThat(refreshed.object()).containsKeys("access_token", "token", "token_type", "expires_in",
				"refresh_token", "user_id");
		assertThat(refreshed.string("refresh_token")).isNotEqualTo(login.string("refresh_token"));
		assertThat(status(refreshed.string("access_token"))).isEqualTo(200);
		assertThat(refresh(refreshed.string("refresh_token")).status()).isEqualTo(200);
	}

	@Test
	void refreshWhenFormBodyThen200() throws Exception {
		Reply login = loginReply(signup("cy"));
		Reply refreshed = perform(MockMvcRequestBuilders.post("/auth/refresh")
			.contentType(MediaType.APPLICATION_FORM_URLENCODED)
			.param("refresh_token", login.string("refresh_token")));
		assertThat(refreshed.status()).isEqualTo(200);
	}

	@Test
	void refreshWhenSpentTokenRepeatedWithinGraceThenSameSuccessor() throws Exception {
		Reply login = loginReply(signup("dee"));
		String first = refresh(login.string("refresh_token")).string("refresh_token");
		this.clock.advance(Duration.ofSeconds(5));
		Reply again = refresh(login.string("refresh_token"));
		assertThat(again.status()).isEqualTo(200);
		assertThat(again.string("refresh_token")).isEqualTo(first);
		assertThat(status(again.string("access_token"))).isEqualTo(200);
		assertThat(refresh(first).status()).isEqualTo(200);
	}

	@Test
	void refreshWhenSpentTokenReusedAfterGraceThenWholeFamilyRevoked() throws Exception {
		User user = signup("eve");
		Reply login = loginReply(user);
		Reply rotated = refresh(login.string("refresh_token"));
		String otherLogin = loginReply(user).string("access_token");
		this.clock.advance(Duration.ofSeconds(11));
		Reply theft = refresh(login.string("refresh_token"));
		assertThat(theft.status()).isEqualTo(401);
		assertThat(theft.contentType()).startsWith("application/problem+json");
		// every refresh and access token of that login is dead...
		assertThat(refresh(rotated.string("refresh_token")).status()).isEqualTo(401);
		assertThat(status(rotated.string("access_token"))).isEqualTo(401);
		assertThat(status(login.string("access_token"))).isEqualTo(401);
		// ...and the user's other login is not
		assertThat(status(otherLogin)).isEqualTo(200);
	}

	@Test
	void refreshWhenATokenWhoseSuccessorIsSpentRepeatedWithinGraceThenTheftAndFamilyRevoked() throws Exception {
		Reply login = loginReply(signup("eli"));
		Reply second = refresh(login.string("refresh_token"));
		Reply third = refresh(second.string("refresh_token"));
		assertThat(third.status()).isEqualTo(200);
		this.clock.advance(Duration.ofSeconds(2));
		// Only the parent of the live token may get its successor again: the first
		// token's successor has been spent, so its repeat is a replay.
		Reply replay = refresh(login.string("refresh_token"));
		assertThat(replay.status()).isEqualTo(401);
		assertThat(status(third.string("access_token"))).isEqualTo(401);
		assertThat(refresh(third.string("refresh_token")).status()).isEqualTo(401);
	}

	@Test
	void revocationWhenALoginJustReachedItsLifetimeThenItsLastAccessTokenStopsToo() throws Exception {
		for (String how : List.of("password change", "admin revoke", "global logout")) {
			User user = signup("ned");
			Reply ending = loginReply(user);
			this.clock.advance(Duration.ofDays(14).minusMinutes(1));
			String lastAccess = refresh(ending.string("refresh_token")).string("access_token");
			this.clock.advance(Duration.ofMinutes(2));
			assertThat(status(lastAccess)).as(how).isEqualTo(200);
			String current = loginReply(user).string("access_token");
			switch (how) {
				case "password change" -> assertThat(changePassword(current,
						map("current_password", PASSWORD, "new_password", "n3w-Garden-path")).status())
					.isEqualTo(204);
				case "admin revoke" -> assertThat(
						post("/users/" + user.id() + "/revoke", loginReply(admin()).string("access_token")).status())
					.isEqualTo(204);
				default -> assertThat(post("/logout?scope=global", current).status()).isEqualTo(204);
			}
			assertThat(status(lastAccess)).as(how).isEqualTo(401);
			this.clock.reset();
		}
	}

	@Test
	void refreshWhenConcurrentWithTheSameTokenThenOneSuccessorAndNoFork() throws Exception {
		String refreshToken = loginReply(signup("fay")).string("refresh_token");
		int callers = 8;
		ExecutorService pool = Executors.newFixedThreadPool(callers);
		CountDownLatch start = new CountDownLatch(1);
		try {
			List<Future<Reply>> replies = new ArrayList<>();
			for (int i = 0; i < callers; i++) {
				Callable<Reply> call = () -> {
					start.await();
					return refresh(refreshToken);
				};
				replies.add(pool.submit(call));
			}
			start.countDown();
			Set<String> successors = new java.util.HashSet<>();
			for (Future<Reply> reply : replies) {
				Reply answer = reply.get();
				assertThat(answer.status()).as(answer.body()).isEqualTo(200);
				successors.add(answer.string("refresh_token"));
			}
			assertThat(successors).hasSize(1);
			assertThat(refresh(successors.iterator().next()).status()).isEqualTo(200);
		}
		finally {
			pool.shutdownNow();
		}
	}

	@Test
	void refreshWhenTokenUnknownMalformedOrMissingThen401() throws Exception {
		assertThat(refresh("A".repeat(43)).status()).isEqualTo(401);
		assertThat(refresh("short").status()).isEqualTo(401);
		assertThat(postJson("/auth/refresh", Map.of()).status()).isEqualTo(401);
	}

	@Test
	void tokensWhenSwappedThenEachIsRefusedInTheOthersPlace() throws Exception {
		Reply login = loginReply(signup("gil"));
		assertThat(refresh(login.string("access_token")).status()).isEqualTo(401);
		Reply asAccess = getWithToken("/protected", login.string("refresh_token"));
		assertThat(asAccess.status()).isEqualTo(401);
		assertThat(asAccess.header("WWW-Authenticate")).startsWith("Bearer error=\"invalid_token\"");
	}

	@Test
	void refreshWhenLoginOlderThanItsAbsoluteLifetimeThen401() throws Exception {
		Reply login = loginReply(signup("hal"));
		String current = login.string("refresh_token");
		for (int day = 0; day < 13; day++) {
			this.clock.advance(Duration.ofDays(1));
			Reply rotated = refresh(current);
			assertThat(rotated.status()).isEqualTo(200);
			current = rotated.string("refresh_token");
		}
		this.clock.advance(Duration.ofDays(1).plusSeconds(1));
		assertThat(refresh(current).status()).isEqualTo(401);
	}

	@Test
	void logoutThenTokenAndItsRefreshStopButOtherLoginsGoOn() throws Exception {
		User user = signup("ida");
		Reply mine = loginReply(user);
		Reply other = loginReply(user);
		assertThat(post("/logout", mine.string("access_token")).status()).isEqualTo(204);
		assertThat(status(mine.string("access_token"))).isEqualTo(401);
		assertThat(getWithToken("/protected", mine.string("access_token")).header("WWW-Authenticate"))
			.contains("revoked");
		assertThat(refresh(mine.string("refresh_token")).status()).isEqualTo(401);
		assertThat(status(other.string("access_token"))).isEqualTo(200);
		// denied by (jti, iss), not by the token's text
		assertThat(this.jdbc.queryForObject(
				"select count(*) from revocation_event where kind = 'TOKEN' and subject like ?", Integer.class,
				"jwt-auth-service %")).isPositive();
	}

	@Test
	void logoutWhenScopeGlobalThenEveryLoginEnds() throws Exception {
		User user = signup("jo");
		Reply first = loginReply(user);
		Reply second = loginReply(user);
		assertThat(post("/logout?scope=global", first.string("access_token")).status()).isEqualTo(204);
		assertThat(status(first.string("access_token"))).isEqualTo(401);
		assertThat(status(second.string("access_token"))).isEqualTo(401);
		assertThat(refresh(second.string("refresh_token")).status()).isEqualTo(401);
		assertThat(loginReply(user).status()).isEqualTo(200);
	}

	@Test
	void logoutWhenScopeOthersThenOnlyThisLoginRemains() throws Exception {
		User user = signup("kit");
		Reply keep = loginReply(user);
		Reply drop = loginReply(user);
		assertThat(post("/logout?scope=others", keep.string("access_token")).status()).isEqualTo(204);
		assertThat(status(keep.string("access_token"))).isEqualTo(200);
		assertThat(status(drop.string("access_token"))).isEqualTo(401);
		assertThat(refresh(keep.string("refresh_token")).status()).isEqualTo(200);
	}

	@Test
	void logoutWhenScopeUnknownThen400AndNothingEnds() throws Exception {
		Reply login = loginReply(signup("lin"));
		assertThat(post("/logout?scope=everyone", login.string("access_token")).status()).isEqualTo(400);
		assertThat(status(login.string("access_token"))).isEqualTo(200);
		assertThat(post("/logout", "not.a.token").status()).isEqualTo(401);
	}

	@Test
	@SuppressWarnings("unchecked")
	void sessionsWhenListedThenLiveLoginsWithTheCurrentOneMarked() throws Exception {
		User user = signup("max");
		Reply first = loginReply(user, "User-Agent", "curl/8.5");
		loginReply(user, "User-Agent", "Firefox");
		List<Object> sessions = getWithToken("/me/sessions", first.string("access_token")).list();
		assertThat(sessions).hasSize(2);
		List<Map<String, Object>> views = sessions.stream().map((s) -> (Map<String, Object>) s).toList();
		assertThat(views).allSatisfy((view) -> assertThat(view).containsOnlyKeys("id", "created_at",
				"last_refreshed_at", "client_address", "user_agent", "current"));
		assertThat(views).filteredOn((view) -> Boolean.TRUE.equals(view.get("current")))
			.singleElement()
			.satisfies((view) -> assertThat(view).containsEntry("user_agent", "curl/8.5")
				.containsEntry("client_address", "127.0.0.1"));
	}

	@Test
	@SuppressWarnings("unchecked")
	void sessionWhenDeletedThenItsTokensStop() throws Exception {
		User user = signup("ned");
		Reply keep = loginReply(user);
		Reply drop = loginReply(user);
		String dropId = getWithToken("/me/sessions", drop.string("access_token")).list()
			.stream()
			.map((s) -> (Map<String, Object>) s)
			.filter((s) -> Boolean.TRUE.equals(s.get("current")))
			.map((s) -> (String) s.get("id"))
			.findFirst()
			.orElseThrow();
		Reply deleted = perform(MockMvcRequestBuilders.delete("/me/sessions/" + dropId)
			.header("Authorization", "Bearer " + keep.string("access_token")));
		assertThat(deleted.status()).isEqualTo(204);
		assertThat(status(drop.string("access_token"))).isEqualTo(401);
		assertThat(refresh(drop.string("refresh_token")).status()).isEqualTo(401);
		assertThat(status(keep.string("access_token"))).isEqualTo(200);
		assertThat(getWithToken("/me/sessions", keep.string("access_token")).list()).hasSize(1);
	}

	@Test
	void sessionWhenSomeoneElsesThen404AndItLives() throws Exception {
		Reply victim = loginReply(signup("oli"));
		String victimSession = getWithToken("/me/sessions", victim.string("access_token")).list()
			.stream()
			.map((s) -> (String) ((Map<?, ?>) s).get("id"))
			.findFirst()
			.orElseThrow();
		String attacker = loginReply(signup("pip")).string("access_token");
		Reply attempt = perform(MockMvcRequestBuilders.delete("/me/sessions/" + victimSession)
			.header("Authorization", "Bearer " + attacker));
		assertThat(attempt.status()).isEqualTo(404);
		assertThat(status(victim.string("access_token"))).isEqualTo(200);
	}

	private Reply changePassword(String token, Object body) throws Exception {
		return postJson("/me/password", body, "Authorization", "Bearer " + token);
	}

	@Test
	void passwordChangeWhenCurrentPasswordWrongThen400AndNothingChanges() throws Exception {
		User user = signup("quin");
		String token = loginReply(user).string("access_token");
		Reply reply = changePassword(token, map("current_password", "not-it-at-all", "new_password", "n3w-Garden-path"));
		assertThat(reply.status()).isEqualTo(400);
		assertThat(reply.errorFields()).containsExactly("current_password");
		assertThat(status(token)).isEqualTo(200);
		assertThat(loginReply(user).status()).isEqualTo(200);
	}

	@Test
	void passwordChangeWhenNewPasswordBreaksARuleThen400() throws Exception {
		User user = signup("rex");
		String token = loginReply(user).string("access_token");
		Reply reply = changePassword(token, map("current_password", PASSWORD, "new_password", "password1"));
		assertThat(reply.status()).isEqualTo(400);
		assertThat(reply.errorFields()).containsExactly("new_password");
	}

	@Test
	void passwordChangeThenEveryEarlierTokenStopsAndTheNewPasswordLogsIn() throws Exception {
		User user = signup("sal");
		Reply first = loginReply(user);
		Reply second = loginReply(user);
		Reply reply = changePassword(first.string("access_token"),
				map("current_password", PASSWORD, "new_password", "n3w-Garden-path"));
		assertThat(reply.status()).isEqualTo(204);
		assertThat(status(first.string("access_token"))).isEqualTo(401);
		assertThat(status(second.string("access_token"))).isEqualTo(401);
		assertThat(refresh(second.string("refresh_token")).status()).isEqualTo(401);
		assertThat(loginReply(user).status()).isEqualTo(401);
		Reply fresh = loginReply(new User(user.id(), user.username(), "n3w-Garden-path"));
		assertThat(fresh.status()).isEqualTo(200);
		assertThat(status(fresh.string("access_token"))).isEqualTo(200);
	}

	@Test
	void adminRevokeThenEveryTokenOfTheUserStops() throws Exception {
		User user = signup("tom");
		Reply login = loginReply(user);
		String admin = loginReply(admin()).string("access_token");
		assertThat(post("/users/" + user.id() + "/revoke", admin).status()).isEqualTo(204);
		assertThat(status(login.string("access_token"))).isEqualTo(401);
		assertThat(refresh(login.string("refresh_token")).status()).isEqualTo(401);
		assertThat(loginReply(user).status()).isEqualTo(200);
		assertThat(post("/users/" + UUID.randomUUID() + "/revoke", admin).status()).isEqualTo(404);
	}

	@Test
	void adminRoutesWhenNotAdminThen403() throws Exception {
		User victim = signup("uma");
		String token = loginReply(signup("vic")).string("access_token");
		for (String action : List.of("revoke", "disable", "enable")) {
			Reply reply = post("/users/" + victim.id() + "/" + action, token);
			assertThat(reply.status()).isEqualTo(403);
			assertThat(reply.header("WWW-Authenticate")).isEqualTo("Bearer error=\"insufficient_scope\"");
		}
		assertThat(status(loginReply(victim).string("access_token"))).isEqualTo(200);
	}

	@Test
	void disabledUserWhenLoggingInOrUsingAnOlderTokenThen401UntilEnabled() throws Exception {
		User user = signup("wyn");
		Reply login = loginReply(user);
		String admin = loginReply(admin()).string("access_token");
		assertThat(post("/users/" + user.id() + "/disable", admin).status()).isEqualTo(204);
		assertThat(status(login.string("access_token"))).isEqualTo(401);
		assertThat(refresh(login.string("refresh_token")).status()).isEqualTo(401);
		Reply refused = loginReply(user);
		assertThat(refused.status()).isEqualTo(401);
		Reply unknown = postJson("/auth", map("username", uniqueName("ghost"), "password", PASSWORD));
		assertThat(refused.string("detail")).isEqualTo(unknown.string("detail"));
		assertThat(post("/users/" + user.id() + "/enable", admin).status()).isEqualTo(204);
		assertThat(status(loginReply(user).string("access_token"))).isEqualTo(200);
	}

	@Test
	void protectedRequestsWhenNothingChangedThenAccountIsNotReloadedEachTime() throws Exception {
		User user = signup("xan");
		String token = loginReply(user).string("access_token");
		for (int i = 0; i < 20; i++) {
			assertThat(status(token)).isEqualTo(200);
		}
		verify(this.accounts, atMost(1)).find(any());
	}

	@Test
	void purgeWhenLoginsExpiredThenTheirRowsGo() throws Exception {
		User user = signup("yul");
		Reply login = loginReply(user);
		refresh(login.string("refresh_token"));
		Integer before = this.jdbc.queryForObject(
				"select count(*) from refresh_token t join login_session s on s.id = t.session_id where s.account_id = ?",
				Integer.class, user.id());
		assertThat(before).isEqualTo(2);
		this.clock.advance(Duration.ofDays(15));
		this.sessions.purge();
		assertThat(this.jdbc.queryForObject("select count(*) from login_session where account_id = ?", Integer.class,
				user.id())).isZero();
		assertThat(this.jdbc.queryForObject(
				"select count(*) from refresh_token t join login_session s on s.id = t.session_id where s.account_id = ?",
				Integer.class, user.id())).isZero();
	}

}
