package dev.jwtauth.page;

import java.io.File;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.logging.Level;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import org.openqa.selenium.By;
import org.openqa.selenium.Dimension;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;
import org.openqa.selenium.logging.LogEntry;
import org.openqa.selenium.logging.LogType;
import org.openqa.selenium.logging.LoggingPreferences;
import org.openqa.selenium.support.ui.ExpectedCondition;
import org.openqa.selenium.support.ui.WebDriverWait;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * One headless Chromium, Debian's, driven through Debian's chromedriver, with a fresh
 * profile that is deleted at the end. The paths are given explicitly, so Selenium
 * Manager never looks for (or downloads) a browser or a driver.
 */
final class Browser implements AutoCloseable {

	static final String CHROMIUM = System.getProperty("browser.chromium", "/usr/bin/chromium");

	static final String CHROMEDRIVER = System.getProperty("browser.chromedriver", "/usr/bin/chromedriver");

	static final Path SCREENSHOTS = Paths.get("target", "browser-screenshots");

	private static final Pattern BEARER = Pattern.compile("\"[Aa]uthorization\":\"Bearer ([^\"]+)\"");

	private static final Pattern REFRESH = Pattern.compile("refresh_token\\\\\":\\\\\"([^\\\\\"]+)");

	/** A refresh token as the browser sent it in a Cookie header (Network.requestWillBeSentExtraInfo). */
	private static final Pattern REFRESH_COOKIE = Pattern.compile("__Host-refresh=([A-Za-z0-9_-]+)");

	private static final JsonMapper JSON = JsonMapper.builder().build();

	final ChromeDriver driver;

	private final Path profile;

	/** Where downloads land, without a prompt: inside the profile, so deleted with it. */
	private final Path downloads;

	private final String base;

	/** Every access and refresh token the page has sent so far, read from the network log. */
	private final List<String> seenTokens = new ArrayList<>();

	/** Every request the page has sent so far, as the network log recorded it (read once, kept here). */
	private final List<String> requests = new ArrayList<>();

	/** Every answer the browser has received so far, as the network log recorded it. */
	private final List<String> responses = new ArrayList<>();

	Browser(int port) {
		this.base = "http://localhost:" + port;
		try {
			this.profile = Files.createTempDirectory("chromium-profile-");
			this.downloads = Files.createDirectory(this.profile.resolve("downloads"));
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
		System.setProperty(ChromeDriverService.CHROME_DRIVER_EXE_PROPERTY, CHROMEDRIVER);
		ChromeOptions options = new ChromeOptions();
		options.setBinary(CHROMIUM);
		options.addArguments("--headless=new", "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run",
				"--disable-background-networking", "--disable-component-update", "--disable-sync",
				"--disable-dev-shm-usage", "--user-data-dir=" + this.profile, "--window-size=1280,900");
		options.setExperimentalOption("prefs", Map.of("download.default_directory", this.downloads.toString(),
				"download.prompt_for_download", false));
		LoggingPreferences logs = new LoggingPreferences();
		logs.enable(LogType.PERFORMANCE, Level.ALL);
		logs.enable(LogType.BROWSER, Level.ALL);
		options.setCapability("goog:loggingPrefs", logs);
		ChromeDriverService service = new ChromeDriverService.Builder()
			.usingDriverExecutable(new File(CHROMEDRIVER))
			.usingAnyFreePort()
			.build();
		this.driver = new ChromeDriver(service, options);
	}

	void open() {
		this.driver.get(this.base + "/");
		waitUntil((d) -> d.findElement(By.id("signed-out")).isDisplayed());
	}

	/** The file of that name once Chromium has finished downloading it. */
	Path downloaded(String name) {
		Path file = this.downloads.resolve(name);
		waitUntil((d) -> Files.isRegularFile(file) && !Files.exists(this.downloads.resolve(name + ".crdownload")));
		return file;
	}

	String base() {
		return this.base;
	}

	WebElement byId(String id) {
		return this.driver.findElement(By.id(id));
	}

	String text(String id) {
		return byId(id).getText();
	}

	void type(String id, String text) {
		WebElement input = byId(id);
		input.clear();
		input.sendKeys(text);
	}

	void click(String id) {
		byId(id).click();
	}

	<T> T waitUntil(ExpectedCondition<T> condition) {
		return new WebDriverWait(this.driver, Duration.ofSeconds(20)).until(condition);
	}

	/** Waits until the element's text contains the expected part, and returns the whole text. */
	String waitForText(String id, String part) {
		waitUntil((d) -> d.findElement(By.id(id)).getText().contains(part));
		return text(id);
	}

	void waitForSignedIn() {
		waitUntil((d) -> d.findElement(By.id("signed-in")).isDisplayed()
				&& !d.findElement(By.id("me-username")).getText().isEmpty());
	}

	void waitForSignedOut() {
		waitUntil((d) -> d.findElement(By.id("signed-out")).isDisplayed());
	}

	Object script(String script, Object... arguments) {
		return ((JavascriptExecutor) this.driver).executeScript(script, arguments);
	}

	Object asyncScript(String script, Object... arguments) {
		return ((JavascriptExecutor) this.driver).executeAsyncScript(script, arguments);
	}

	String activeId() {
		return this.driver.switchTo().activeElement().getAttribute("id");
	}

	void resize(int width, int height) {
		this.driver.manage().window().setSize(new Dimension(width, height));
	}

	/** Saves the whole page, beyond the window's height, as target/browser-screenshots/NAME.png. */
	Path screenshot(String name) {
		try {
			Files.createDirectories(SCREENSHOTS);
			Path file = SCREENSHOTS.resolve(name + ".png");
			@SuppressWarnings("unchecked")
			Map<String, Object> metrics = (Map<String, Object>) this.driver.executeCdpCommand("Page.getLayoutMetrics",
					Map.of());
			@SuppressWarnings("unchecked")
			Map<String, Object> content = (Map<String, Object>) metrics.get("cssContentSize");
			@SuppressWarnings("unchecked")
			Map<String, Object> viewport = (Map<String, Object>) metrics.get("cssLayoutViewport");
			double width = ((Number) viewport.get("clientWidth")).doubleValue();
			double height = Math.max(((Number) content.get("height")).doubleValue(),
					((Number) viewport.get("clientHeight")).doubleValue());
			Map<String, Object> shot = this.driver.executeCdpCommand("Page.captureScreenshot",
					Map.of("format", "png", "captureBeyondViewport", true, "clip",
							Map.of("x", 0, "y", 0, "width", width, "height", height, "scale", 1)));
			Files.write(file, OutputType.BYTES.convertFromBase64Png((String) shot.get("data")));
			return file;
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

	/**
	 * The access tokens (from {@code Authorization} headers) and refresh tokens (from
	 * refresh bodies and the refresh cookie) the browser has sent, as its network log
	 * recorded them.
	 */
	List<String> tokensSent() {
		for (String message : requestsSent()) {
			Matcher bearer = BEARER.matcher(message);
			while (bearer.find()) {
				add(bearer.group(1));
			}
			Matcher refresh = REFRESH.matcher(message);
			while (refresh.find()) {
				add(refresh.group(1));
			}
			Matcher cookie = REFRESH_COOKIE.matcher(message);
			while (cookie.find()) {
				add(cookie.group(1));
			}
		}
		return List.copyOf(this.seenTokens);
	}

	/** How many requests the page has sent to the path (on its own origin) so far. */
	long requestsTo(String path) {
		String url = "\"url\":\"" + this.base + path + "\"";
		return requestsSent().stream().filter((message) -> message.contains(url)).count();
	}

	/** How many requests the browser has sent so far: a mark for {@link #requestsSince}. */
	int requestCount() {
		return requestsSent().size();
	}

	/** The requests (and their extra-info records, which carry the cookies) sent after the mark. */
	List<String> requestsSince(int mark) {
		List<String> all = requestsSent();
		return List.copyOf(all.subList(mark, all.size()));
	}

	/**
	 * The Cookie headers of the requests with that method to that URL sent after the mark,
	 * one entry a request ("" when it carried none).
	 */
	List<String> cookiesSentSince(int mark, String method, String url) {
		List<JsonNode> messages = requestsSince(mark).stream()
			.map((message) -> JSON.readTree(message).path("message"))
			.toList();
		List<String> cookies = new ArrayList<>();
		for (JsonNode sent : messages) {
			JsonNode request = sent.path("params").path("request");
			if (sent.path("method").asString().equals("Network.requestWillBeSent")
					&& request.path("method").asString().equals(method) && request.path("url").asString().equals(url)) {
				String id = sent.path("params").path("requestId").asString();
				cookies.add(messages.stream()
					.filter((extra) -> extra.path("method").asString().equals("Network.requestWillBeSentExtraInfo")
							&& extra.path("params").path("requestId").asString().equals(id))
					.map((extra) -> extra.path("params").path("headers").path("Cookie").asString(""))
					.findFirst()
					.orElse(""));
			}
		}
		return cookies;
	}

	/** The statuses of the answers received from that URL so far, in order. */
	List<Integer> statusesFrom(String url) {
		readNetworkLog();
		List<Integer> statuses = new ArrayList<>();
		for (String message : this.responses) {
			JsonNode response = JSON.readTree(message).path("message").path("params").path("response");
			if (response.path("url").asString().equals(url)) {
				statuses.add(response.path("status").asInt());
			}
		}
		return statuses;
	}

	private List<String> requestsSent() {
		readNetworkLog();
		return this.requests;
	}

	private void readNetworkLog() {
		for (LogEntry entry : this.driver.manage().logs().get(LogType.PERFORMANCE)) {
			String message = entry.getMessage();
			if (message.contains("Network.requestWillBeSent")) {
				this.requests.add(message);
			}
			else if (message.contains("\"Network.responseReceived\"")) {
				this.responses.add(message);
			}
		}
	}

	/**
	 * What the console said about the page breaking: a script error, or anything the
	 * Content-Security-Policy refused. (Failed requests, which the page expects for
	 * problem answers, are left out.)
	 */
	List<String> consoleProblems() {
		List<String> problems = new ArrayList<>();
		for (LogEntry entry : this.driver.manage().logs().get(LogType.BROWSER)) {
			String message = entry.getMessage();
			if (message.contains("Content Security Policy") || message.contains("Uncaught")
					|| message.contains("Error:")) {
				problems.add(message);
			}
		}
		return problems;
	}

	private void add(String token) {
		if (!this.seenTokens.contains(token)) {
			this.seenTokens.add(token);
		}
	}

	@Override
	public void close() {
		try {
			this.driver.quit();
		}
		finally {
			try (Stream<Path> files = Files.walk(this.profile)) {
				files.sorted(Comparator.reverseOrder()).map(Path::toFile).forEach(File::delete);
			}
			catch (IOException ex) {
				// a leftover temporary profile is harmless
			}
		}
	}

}
