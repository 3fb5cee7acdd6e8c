package dev.jwtauth.sessions;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import dev.jwtauth.testing.AdjustableClock;
import dev.jwtauth.testing.IntegrationTest;
import jakarta.servlet.http.Cookie;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.annotation.Import;
import org.springframework.http.MediaType;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder;
import org.springframework.test.web.servlet.request.MockMvcRequestBuilders;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The refresh token in the {@code __Host-refresh} cookie, for a page on the service's
 * own site: set by a login that asks for it, read by a refresh only with the header
 * that a cross-site form cannot send, rotated and watched for reuse exactly like a body
 * token, cleared by logout.
 */
@Import(AdjustableClock.Configuration.class)
class RefreshCookieIntegrationTests extends IntegrationTest {

	private static final String HEADER = "X-Refresh-Token-Delivery";

	private static final Pattern REFRESH_COOKIE = Pattern.compile("^__Host-refresh=([A-Za-z0-9_-]{43}); ");

	@Autowired
	private AdjustableClock clock;

	@Autowired
	private JdbcTemplate jdbc;

	@Autowired
	private RefreshTokenCodec codec;

	@AfterEach
	void resetClock() {
		this.clock.reset();
	}

	private Reply cookieLogin(User user) throws Exception {
		return postJson("/auth", map("username", user.username(), "password", user.password()), HEADER, "cookie");
	}

	/** A refresh as the page sends it: no body, the cookie and the header. */
	private Reply cookieRefresh(String refreshToken) throws Exception {
		return perform(MockMvcRequestBuilders.post("/auth/refresh")
			.header(HEADER, "cookie")
			.cookie(new Cookie("__Host-refresh", refreshToken)));
	}

	private static String cookieToken(Reply reply) {
		Matcher cookie = REFRESH_COOKIE.matcher(setCookie(reply));
		assertThat(cookie.find()).as(setCookie(reply)).isTrue();
		return cookie.group(1);
	}

	private static String setCookie(Reply reply) {
		List<String> cookies = reply.raw().getHeaders("Set-Cookie");
		assertThat(cookies).hasSize(1);
		return cookies.get(0);
	}

	private static List<String> attributes(String setCookie) {
		return List.of(setCookie.split("; ")).subList(1, setCookie.split("; ").length);
	}

	private int status(String accessToken) throws Exception {
		return getWithToken("/protected", accessToken).status();
	}

	private int sessionCount(UUID accountId) {
		return this.jdbc.queryForObject("select count(*) from login_session where account_id = ?", Integer.class,
				accountId);
	}

	@Test
	void loginWhenCookieAskedForThenEveryAttributeSetAndNoRefreshTokenInTheBody() throws Exception {
		for (String path : List.of("/auth", "/login", "/token")) {
			User user = signup("jar");
			Reply login = postJson(path, map("username", user.username(), "password", PASSWORD), HEADER, "cookie");
			assertThat(login.status()).isEqualTo(200);
			assertThat(login.object()).containsKeys("access_token", "token", "token_type", "expires_in", "user_id")
				.doesNotContainKey("refresh_token")
				.doesNotContainKey("session_remaining");
			assertThat(login.body()).doesNotContain(cookieToken(login));
			assertThat(status(login.string("access_token"))).isEqualTo(200);
			assertThat(attributes(setCookie(login))).containsExactlyInAnyOrder("Path=/",
					"Max-Age=" + Duration.ofDays(14).toSeconds(), "Secure", "HttpOnly", "SameSite=Strict",
					attributes(setCookie(login)).stream().filter((a) -> a.startsWith("Expires=")).findFirst().orElse(
							"an Expires attribute"));
			assertThat(setCookie(login)).doesNotContainIgnoringCase("Domain");
			assertThat(login.header("Cache-Control")).contains("no-store");
		}
	}

	@Test
	void loginWhenFormAsksForTheCookieThenCookieSet() throws Exception {
		User user = signup("form");
		Reply login = perform(MockMvcRequestBuilders.post("/login")
			.contentType(MediaType.APPLICATION_FORM_URLENCODED)
			.header(HEADER, "Cookie")
			.param("username", user.username())
			.param("password", PASSWORD));
		assertThat(login.status()).isEqualTo(200);
		assertThat(cookieRefresh(cookieToken(login)).status()).isEqualTo(200);
	}

	@Test
	void loginWhenNoHeaderThenTheBodyAsBeforeAndNoCookie() throws Exception {
		Reply login = postJson("/auth", map("username", signup("plain").username(), "password", PASSWORD));
		assertThat(login.string("refresh_token")).matches("[A-Za-z0-9_-]{43}");
		assertThat(login.raw().getHeaders("Set-Cookie")).isEmpty();
		Reply refreshed = postJson("/auth/refresh", map("refresh_token", login.string("refresh_token")));
		assertThat(refreshed.string("refresh_token")).isNotBlank();
		assertThat(refreshed.raw().getHeaders("Set-Cookie")).isEmpty();
	}

	@Test
	void loginWhenHeaderHasAnotherValueThen400AndNoSessionStarted() throws Exception {
		User user = signup("typo");
		for (String value : List.of("cookies", "body", "")) {
			Reply login = postJson("/auth", map("username", user.username(), "password", PASSWORD), HEADER, value);
			assertThat(login.status()).as(value).isEqualTo(400);
			assertThat(login.errorFields()).containsExactly(HEADER);
			assertThat(login.raw().getHeaders("Set-Cookie")).isEmpty();
		}
		assertThat(sessionCount(user.id())).isZero();
	}

	@Test
	void refreshWhenCookieAndHeaderThenRotatedIntoANewCookieWithTheSessionsRemainingLife() throws Exception {
		Reply login = cookieLogin(signup("spin"));
		String first = cookieToken(login);
		this.clock.advance(Duration.ofHours(3));
		Reply refreshed = cookieRefresh(first);
		assertThat(refreshed.status()).isEqualTo(200);
		assertThat(refreshed.object()).doesNotContainKey("refresh_token");
		String second = cookieToken(refreshed);
		assertThat(second).isNotEqualTo(first);
		Matcher maxAge = Pattern.compile("; Max-Age=(\\d+);").matcher(setCookie(refreshed));
		assertThat(maxAge.find()).isTrue();
		long remaining = Duration.ofDays(14).minusHours(3).toSeconds();
		// the test's own seconds pass too
		assertThat(Long.parseLong(maxAge.group(1))).isBetween(remaining - 5, remaining);
		assertThat(setCookie(refreshed)).contains("; Secure").contains("; HttpOnly").contains("; SameSite=Strict").contains("; Path=/");
		assertThat(status(refreshed.string("access_token"))).isEqualTo(200);
		assertThat(cookieRefresh(second).status()).isEqualTo(200);
	}

	@Test
	void refreshWhenEmptyJsonOrNoContentTypeThenTheCookieIsUsed() throws Exception {
		String first = cookieToken(cookieLogin(signup("empty")));
		Reply json = perform(MockMvcRequestBuilders.post("/auth/refresh")
			.contentType(MediaType.APPLICATION_JSON)
			.content("{}")
			.header(HEADER, "cookie")
			.cookie(new Cookie("__Host-refresh", first)));
		assertThat(json.status()).isEqualTo(200);
		Reply bare = cookieRefresh(cookieToken(json));
		assertThat(bare.status()).isEqualTo(200);
	}

	@Test
	void refreshWhenCookieWithoutTheHeaderThen401AndNothingRotated() throws Exception {
		String cookie = cookieToken(cookieLogin(signup("csrf")));
		// what a cross-site HTML form and a simple text/plain request can send: the cookie, no header
		List<MockHttpServletRequestBuilder> forged = List.of(
				MockMvcRequestBuilders.post("/auth/refresh").contentType(MediaType.APPLICATION_FORM_URLENCODED)
					.content("x=1"),
				MockMvcRequestBuilders.post("/auth/refresh").contentType(MediaType.TEXT_PLAIN).content("{}"),
				MockMvcRequestBuilders.post("/auth/refresh").contentType(MediaType.MULTIPART_FORM_DATA).content(""),
				MockMvcRequestBuilders.post("/auth/refresh"));
		for (MockHttpServletRequestBuilder request : forged) {
			Reply reply = perform(request.cookie(new Cookie("__Host-refresh", cookie)));
			assertThat(reply.status()).isEqualTo(401);
			assertThat(reply.contentType()).startsWith("application/problem+json");
			assertThat(reply.raw().getHeaders("Set-Cookie")).isEmpty();
		}
		assertThat(this.jdbc.queryForObject("select count(*) from refresh_token where spent_at is not null "
				+ "and session_id = (select session_id from refresh_token where token_hash = ?)", Integer.class,
				this.codec.hash(cookie))).as("spent tokens of that login").isZero();
		// the cookie is still unspent: well past the grace interval, it rotates as normal
		this.clock.advance(Duration.ofMinutes(1));
		assertThat(cookieRefresh(cookie).status()).isEqualTo(200);
	}

	@Test
	void refreshWhenCookieAndBodyTokenTogetherThen400AndNeitherSpent() throws Exception {
		User user = signup("both");
		String cookie = cookieToken(cookieLogin(user));
		String body = postJson("/auth", map("username", user.username(), "password", PASSWORD))
			.string("refresh_token");
		Reply both = perform(MockMvcRequestBuilders.post("/auth/refresh")
			.contentType(MediaType.APPLICATION_JSON)
			.content(this.json.writeValueAsString(Map.of("refresh_token", body)))
			.header(HEADER, "cookie")
			.cookie(new Cookie("__Host-refresh", cookie)));
		assertThat(both.status()).isEqualTo(400);
		assertThat(both.errorFields()).containsExactly("refresh_token");
		this.clock.advance(Duration.ofMinutes(1));
		assertThat(cookieRefresh(cookie).status()).isEqualTo(200);
		assertThat(postJson("/auth/refresh", map("refresh_token", body)).status()).isEqualTo(200);
	}

	@Test
	void refreshWhenBodyTokenWithTheHeaderThenItsSuccessorComesAsACookie() throws Exception {
		String body = postJson("/auth", map("username", signup("move").username(), "password", PASSWORD))
			.string("refresh_token");
		Reply moved = postJson("/auth/refresh", map("refresh_token", body), HEADER, "cookie");
		assertThat(moved.status()).isEqualTo(200);
		assertThat(moved.object()).doesNotContainKey("refresh_token");
		assertThat(cookieRefresh(cookieToken(moved)).status()).isEqualTo(200);
	}

	@Test
	void refreshWhenTheSameCookieTwiceWithinGraceThenTheSameSuccessor() throws Exception {
		String first = cookieToken(cookieLogin(signup("tabs")));
		Reply tabOne = cookieRefresh(first);
		this.clock.advance(Duration.ofSeconds(3));
		Reply tabTwo = cookieRefresh(first);
		assertThat(tabTwo.status()).isEqualTo(200);
		assertThat(cookieToken(tabTwo)).isEqualTo(cookieToken(tabOne));
	}

	@Test
	void refreshWhenASpentCookieIsReplayedThenTheWholeLoginIsRevoked() throws Exception {
		Reply login = cookieLogin(signup("thief"));
		String stolen = cookieToken(login);
		Reply victim = cookieRefresh(stolen);
		String live = cookieToken(victim);
		this.clock.advance(Duration.ofSeconds(11));
		Reply theft = cookieRefresh(stolen);
		assertThat(theft.status()).isEqualTo(401);
		assertThat(cookieRefresh(live).status()).isEqualTo(401);
		assertThat(status(victim.string("access_token"))).isEqualTo(401);
		assertThat(status(login.string("access_token"))).isEqualTo(401);
	}

	@Test
	void refreshWhenCookieOfAnEndedLoginThen401() throws Exception {
		Reply login = cookieLogin(signup("gone"));
		assertThat(perform(MockMvcRequestBuilders.post("/logout")
			.header("Authorization", "Bearer " + login.string("access_token"))).status()).isEqualTo(204);
		assertThat(cookieRefresh(cookieToken(login)).status()).isEqualTo(401);
	}

	@Test
	void logoutWhenTheRequestCarriesTheCookieThenItIsClearedInEveryScope() throws Exception {
		User user = signup("bye");
		for (String scope : List.of("local", "others", "global")) {
			Reply login = cookieLogin(user);
			Reply logout = perform(MockMvcRequestBuilders.post("/logout")
				.param("scope", scope)
				.header("Authorization", "Bearer " + login.string("access_token"))
				.cookie(new Cookie("__Host-refresh", cookieToken(login))));
			assertThat(logout.status()).isEqualTo(204);
			assertThat(attributes(setCookie(logout))).contains("Max-Age=0", "Secure", "HttpOnly", "SameSite=Strict",
					"Path=/");
			assertThat(setCookie(logout)).startsWith("__Host-refresh=;");
		}
		Reply plain = perform(MockMvcRequestBuilders.post("/logout")
			.header("Authorization", "Bearer " + login(user)));
		assertThat(plain.status()).isEqualTo(204);
		assertThat(plain.raw().getHeaders("Set-Cookie")).as("a client that never used the cookie").isEmpty();
	}

}
