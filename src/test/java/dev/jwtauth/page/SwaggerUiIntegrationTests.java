package dev.jwtauth.page;

import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.WebElement;

import org.springframework.boot.test.web.server.LocalServerPort;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Swagger UI in headless Chromium under the service's own Content-Security-Policy: the
 * operations render, and the browser refuses nothing the page needs.
 */
@BrowserTest
class SwaggerUiIntegrationTests {

	/** The operation Swagger UI lists for {@code POST /signup}. */
	private static final By SIGNUP = By.xpath("//div[contains(@class,'opblock-post')]"
			+ "//*[contains(@class,'opblock-summary-path') and @data-path='/signup']");

	/** Keeps each refusal the page's policy reports, with what was refused, before any of its scripts runs. */
	private static final String RECORD_VIOLATIONS = """
			window.policyViolations = [];
			document.addEventListener('securitypolicyviolation', (e) => window.policyViolations.push(
					e.violatedDirective + ' ' + e.blockedURI + ' ' + e.sourceFile + ' ' + e.sample));""";

	@LocalServerPort
	private int port;

	@Test
	void swaggerUiWhenOpenedThenListsTheOperationsWithoutPolicyViolations() {
		try (Browser browser = new Browser(this.port)) {
			browser.driver.executeCdpCommand("Page.addScriptToEvaluateOnNewDocument", Map.of("source", RECORD_VIOLATIONS));
			browser.driver.get(browser.base() + "/swagger-ui.html");
			WebElement signup = browser.waitUntil((d) -> {
				List<WebElement> found = d.findElements(SIGNUP);
				return (found.isEmpty() || !found.get(0).isDisplayed()) ? null : found.get(0);
			});
			assertThat(signup.getText()).isEqualTo("/signup");
			browser.screenshot("20-swagger-ui");
			assertThat(browser.script("return window.policyViolations")).as("securitypolicyviolation events")
				.isEqualTo(List.of());
			assertThat(browser.consoleProblems()).as("script errors and CSP refusals").isEmpty();
		}
	}

}
