package dev.jwtauth.page;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ThreadLocalRandom;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.openqa.selenium.By;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.boot.test.web.server.LocalServerPort;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A fresh browser on the page for each test, plus direct calls to the API to prepare
 * users and to check, from outside the page, what the page did.
 */
abstract class PageTest {

	protected static final String PASSWORD = "violet staple orbit 42";

	private static final JsonMapper JSON = JsonMapper.builder().build();

	private static final HttpClient HTTP = HttpClient.newHttpClient();

	@LocalServerPort
	protected int port;

	protected Browser browser;

	@BeforeEach
	void openPage() {
		this.browser = new Browser(this.port);
		this.browser.open();
	}

	@AfterEach
	void closeBrowser() {
		try {
			assertThat(this.browser.consoleProblems()).as("script errors and CSP refusals").isEmpty();
		}
		finally {
			this.browser.close();
		}
	}

	protected static String uniqueName(String prefix) {
		return prefix + "-" + Long.toString(ThreadLocalRandom.current().nextLong() & Long.MAX_VALUE, 36);
	}

	// ---- the page ----

	protected void submit(String formId) {
		this.browser.byId(formId).findElement(By.cssSelector("button[type=submit]")).click();
	}

	protected void logIn(String name, String password) {
		this.browser.type("login-username", name);
		this.browser.type("login-password", password);
		submit("login-form");
	}

	/** A new user, signed up through the API and logged in on the page. */
	protected String signedInAs(String prefix) {
		String name = signUpDirectly(prefix);
		logIn(name, PASSWORD);
		this.browser.waitForSignedIn();
		return name;
	}

	/** The titles shown, read in one go so that a re-rendering list cannot go stale midway. */
	@SuppressWarnings("unchecked")
	protected List<String> workTitles() {
		return (List<String>) this.browser.script("return Array.from(document.querySelectorAll("
				+ "'#work-list .item-title'), (title) => title.textContent)");
	}

	/** Waits until the list has finished loading and shows that many items. */
	protected void waitForWorkCount(int count) {
		this.browser.waitUntil((d) -> d.findElements(By.cssSelector("#work-list[aria-busy]")).isEmpty()
				&& d.findElements(By.cssSelector("#work-list .item")).size() == count);
	}

	/**
	 * Nothing the page sent as a token (access or refresh) is in web storage, a cookie a
	 * script can read, IndexedDB, the cache, the address, the document or a global
	 * variable; the only cookie is the refresh token's, out of scripts' reach.
	 */
	protected void assertNoTokenKeptOutsideMemory() {
		List<String> tokens = this.browser.tokensSent();
		assertThat(tokens).as("tokens the page sent").isNotEmpty();
		assertThat(this.browser.script("return localStorage.length")).isEqualTo(0L);
		assertThat(this.browser.script("return sessionStorage.length")).isEqualTo(0L);
		assertThat(this.browser.script("return document.cookie")).isEqualTo("");
		for (Map<String, Object> cookie : cookies()) {
			assertThat(cookie).containsEntry("name", "__Host-refresh")
				.containsEntry("httpOnly", true)
				.containsEntry("secure", true)
				.containsEntry("sameSite", "Strict")
				.containsEntry("path", "/");
		}
		assertThat(this.browser.asyncScript("""
				const done = arguments[arguments.length - 1];
				indexedDB.databases().then((all) => done(all.length), () => done(-1));"""))
			.isEqualTo(0L);
		assertThat(this.browser.asyncScript("""
				const done = arguments[arguments.length - 1];
				if (!self.caches) { done(0); } else { caches.keys().then((keys) => done(keys.length), () => done(-1)); }"""))
			.isEqualTo(0L);
		String visible = (String) this.browser.script("""
				const parts = [location.href, window.name, document.documentElement.outerHTML];
				for (const key of Object.getOwnPropertyNames(window)) {
					try {
						const value = window[key];
						if (typeof value === 'string') { parts.push(value); }
						else if (value && typeof value === 'object' && !(value instanceof Node) && value !== window) {
							parts.push(JSON.stringify(value));
						}
					}
					catch (e) { /* cross-origin or cyclic: not where a page keeps a token */ }
				}
				return parts.join('\\n');""");
		for (String token : tokens) {
			assertThat(visible).as("page state").doesNotContain(token);
		}
	}

	/** Every cookie the browser holds, HttpOnly ones included, as the DevTools protocol reports them. */
	@SuppressWarnings("unchecked")
	protected List<Map<String, Object>> cookies() {
		return (List<Map<String, Object>>) this.browser.driver.executeCdpCommand("Storage.getCookies", Map.of())
			.get("cookies");
	}

	/** The refresh cookie's value, or null when the browser holds none. */
	protected String refreshCookie() {
		return cookies().stream()
			.filter((cookie) -> "__Host-refresh".equals(cookie.get("name")))
			.map((cookie) -> (String) cookie.get("value"))
			.findFirst()
			.orElse(null);
	}

	// ---- the API, called directly ----

	protected record Answer(int status, String body) {

		Map<String, Object> json() {
			return JSON.readValue(this.body, Map.class);
		}

	}

	protected Answer api(String method, String path, String token, Map<String, ?> body) {
		HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(this.browser.base() + path));
		if (token != null) {
			request.header("Authorization", "Bearer " + token);
		}
		if (body != null) {
			request.header("Content-Type", "application/json")
				.method(method, HttpRequest.BodyPublishers.ofString(JSON.writeValueAsString(body)));
		}
		else {
			request.method(method, HttpRequest.BodyPublishers.noBody());
		}
		try {
			HttpResponse<String> response = HTTP.send(request.build(), HttpResponse.BodyHandlers.ofString());
			return new Answer(response.statusCode(), response.body());
		}
		catch (IOException ex) {
			throw new IllegalStateException(ex);
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			throw new IllegalStateException(ex);
		}
	}

	protected String signUpDirectly(String prefix) {
		String name = uniqueName(prefix);
		Answer answer = api("POST", "/signup", null, Map.of("username", name, "password", PASSWORD));
		assertThat(answer.status()).as(answer.body()).isEqualTo(201);
		return name;
	}

	protected String logInDirectly(String name, String password) {
		Answer answer = api("POST", "/auth", null, Map.of("username", name, "password", password));
		assertThat(answer.status()).as(answer.body()).isEqualTo(200);
		return (String) answer.json().get("access_token");
	}

	/** The access token the page sent last, from the browser's network log. */
	protected String lastAccessTokenSent() {
		List<String> tokens = this.browser.tokensSent();
		String last = null;
		for (String token : tokens) {
			if (token.chars().filter((c) -> c == '.').count() == 2) {
				last = token;
			}
		}
		assertThat(last).as("an access token the page sent").isNotNull();
		return last;
	}

}
