package dev.jwtauth.page;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;

import com.sun.net.httpserver.HttpServer;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.WindowType;

import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The page keeps its refresh token in the service's HttpOnly cookie: a reload stays
 * signed in, a logout in one tab ends the others, and pages on other origins of the
 * same site get the session only when the service allows their origin, and never
 * through a form.
 */
@BrowserTest
class PageRefreshCookieIntegrationTests extends PageTest {

	/** A front end on another port of this site that the service allows (CORS_ALLOWED_ORIGINS). */
	private static final HttpServer ALLOWED = otherOrigin();

	/** Another port of this site that nobody allowed. */
	private static final HttpServer STRANGER = otherOrigin();

	@DynamicPropertySource
	static void allowOneOtherOrigin(DynamicPropertyRegistry registry) {
		registry.add("web.cors-allowed-origins", () -> origin(ALLOWED));
	}

	@AfterAll
	static void stopOtherOrigins() {
		ALLOWED.stop(0);
		STRANGER.stop(0);
	}

	private static HttpServer otherOrigin() {
		try {
			HttpServer server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
			server.createContext("/", (exchange) -> {
				byte[] page = "<!doctype html><title>Another front end</title><p>Another front end</p>"
					.getBytes(StandardCharsets.UTF_8);
				exchange.getResponseHeaders().set("Content-Type", "text/html; charset=utf-8");
				exchange.sendResponseHeaders(200, page.length);
				exchange.getResponseBody().write(page);
				exchange.close();
			});
			server.start();
			return server;
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

	private static String origin(HttpServer server) {
		return "http://localhost:" + server.getAddress().getPort();
	}

	/** From the page now open: a credentialed refresh of the service, as a front end's fetch code sends it. */
	@SuppressWarnings("unchecked")
	private Map<String, Object> fetchRefresh() {
		return (Map<String, Object>) this.browser.asyncScript("""
				const done = arguments[arguments.length - 1];
				fetch(arguments[0] + '/auth/refresh', { method: 'POST', credentials: 'include',
						headers: { 'X-Refresh-Token-Delivery': 'cookie' } })
					.then((response) => response.json().then((body) => done({ status: response.status,
						access: typeof body.access_token === 'string', refresh: 'refresh_token' in body })))
					.catch((error) => done({ error: String(error) }));""", this.browser.base());
	}

	@Test
	void reloadWhenSignedInThenStillSignedInAndTheRefreshTokenOutOfScriptsReach() {
		String name = signedInAs("reload");
		String cookie = refreshCookie();
		assertThat(cookie).as("the refresh cookie").matches("[A-Za-z0-9_-]{43}");
		assertThat(this.browser.script("return document.cookie")).isEqualTo("");

		this.browser.driver.navigate().refresh();
		this.browser.waitForSignedIn();
		assertThat(this.browser.text("me-username")).isEqualTo(name);
		assertThat(refreshCookie()).as("rotated by the reload's refresh").isNotEqualTo(cookie);
		assertThat(this.browser.tokensSent()).as("the cookie the reload presented").contains(cookie);
		assertNoTokenKeptOutsideMemory();

		// the restored session is a real one: the page works on
		this.browser.type("work-title-input", "After a reload");
		submit("work-form");
		waitForWorkCount(1);
		this.browser.screenshot("50-reload-still-signed-in");
	}

	@Test
	void passwordChangeThenReloadStaysSignedInWithTheNewLogin() {
		String name = signedInAs("newpass");
		String before = refreshCookie();
		this.browser.type("password-current", PASSWORD);
		this.browser.type("password-new", "a fresh violet password 7");
		submit("password-form");
		this.browser.waitForText("password-message", "Password changed.");
		// the change ended the old session; the page's new login must have set a new cookie
		assertThat(refreshCookie()).isNotEqualTo(before);

		this.browser.driver.navigate().refresh();
		this.browser.waitForSignedIn();
		assertThat(this.browser.text("me-username")).isEqualTo(name);
	}

	@Test
	void logoutThenReloadShowsTheLoginFormAndTheCookieIsGone() {
		signedInAs("leave");
		String cookie = refreshCookie();
		this.browser.click("logout-button");
		this.browser.waitForSignedOut();
		assertThat(refreshCookie()).isNull();

		this.browser.driver.navigate().refresh();
		this.browser.waitForSignedOut();
		assertThat(this.browser.byId("signed-in").isDisplayed()).isFalse();
		// the old cookie, were it kept somewhere, opens nothing either
		assertThat(api("POST", "/auth/refresh", null, null).status()).isEqualTo(401);
		assertThat(cookie).isNotNull();
	}

	@Test
	void logoutInOneTabThenTheOtherTabIsLoggedOutOnItsNextRefresh() {
		String name = signedInAs("tabs");
		String first = this.browser.driver.getWindowHandle();
		this.browser.driver.switchTo().newWindow(WindowType.TAB);
		this.browser.driver.get(this.browser.base() + "/");
		this.browser.waitForSignedIn();
		assertThat(this.browser.text("me-username")).as("the second tab shares the login").isEqualTo(name);

		this.browser.click("logout-button");
		this.browser.waitForSignedOut();

		this.browser.driver.switchTo().window(first);
		this.browser.click("refresh-button");
		this.browser.waitForSignedOut();
		assertThat(this.browser.text("page-status")).isEqualTo("Your session has ended. Please log in again.");
	}

	@Test
	void fetchWhenFromAnAllowedOriginThenItRefreshesThroughTheCookie() {
		signedInAs("allowed");
		String cookie = refreshCookie();
		this.browser.driver.get(origin(ALLOWED) + "/");

		Map<String, Object> answer = fetchRefresh();
		assertThat(answer).containsEntry("status", 200L)
			.containsEntry("access", true)
			.containsEntry("refresh", false);
		assertThat(refreshCookie()).as("rotated").isNotEqualTo(cookie).isNotNull();
	}

	@Test
	void fetchWhenFromAnOriginNotAllowedThenCorsStopsItAndNothingRotates() {
		signedInAs("stranger");
		String cookie = refreshCookie();
		this.browser.driver.get(origin(STRANGER) + "/");

		String refreshUrl = this.browser.base() + "/auth/refresh";
		int answered = this.browser.statusesFrom(refreshUrl).size();

		Map<String, Object> answer = fetchRefresh();
		assertThat(answer).containsKey("error").doesNotContainKey("status");
		List<Integer> statuses = this.browser.statusesFrom(refreshUrl);
		assertThat(statuses.subList(answered, statuses.size())).as("only the preflight was answered, and refused")
			.containsExactly(403);
		assertThat(refreshCookie()).isEqualTo(cookie);
	}

	/** The classic forgery from a page on that origin: a form that posts itself, the browser adding what cookies it will. */
	private FormPost postFormFrom(String origin) {
		this.browser.driver.get(origin + "/");
		int mark = this.browser.requestCount();
		String refreshUrl = this.browser.base() + "/auth/refresh";
		int answered = this.browser.statusesFrom(refreshUrl).size();
		this.browser.script("""
				const form = document.createElement('form');
				form.method = 'POST';
				form.action = arguments[0] + '/auth/refresh';
				const field = document.createElement('input');
				field.name = 'x';
				field.value = '1';
				form.append(field);
				document.body.append(form);
				form.submit();""", this.browser.base());
		this.browser.waitUntil((d) -> this.browser.statusesFrom(refreshUrl).size() > answered);
		List<Integer> statuses = this.browser.statusesFrom(refreshUrl);
		return new FormPost(statuses.subList(answered, statuses.size()),
				this.browser.cookiesSentSince(mark, "POST", refreshUrl));
	}

	/** What the service answered the form, and the Cookie header the browser sent with it. */
	private record FormPost(List<Integer> statuses, List<String> cookies) {
	}

	@Test
	void formWhenPostedFromAnotherOriginOfTheSiteThen401AndNothingRotates() {
		signedInAs("forged");
		String cookie = refreshCookie();

		// an allowed origin of the same site, so neither CORS nor SameSite stands in the way: only the header rule
		FormPost post = postFormFrom(origin(ALLOWED));
		assertThat(post.statuses()).containsExactly(401);
		assertThat(post.cookies()).as("the browser sent the cookie with the form")
			.containsExactly("__Host-refresh=" + cookie);
		assertThat(refreshCookie()).isEqualTo(cookie);

		// and the session is unharmed: back on the page, a reload restores it
		this.browser.driver.get(this.browser.base() + "/");
		this.browser.waitForSignedIn();
		assertThat(this.browser.driver.findElements(By.id("login-form")).get(0).isDisplayed()).isFalse();
	}

	@Test
	void formWhenPostedFromAnotherSiteThenRefusedWithoutTheCookieAndNothingRotates() {
		signedInAs("crosssite");
		String cookie = refreshCookie();

		// 127.0.0.1 is another site than localhost: SameSite=Strict keeps the cookie home
		FormPost post = postFormFrom("http://127.0.0.1:" + STRANGER.getAddress().getPort());
		assertThat(post.statuses()).hasSize(1).first().isIn(401, 403);
		assertThat(post.cookies()).containsExactly("");
		assertThat(refreshCookie()).isEqualTo(cookie);
	}

}
