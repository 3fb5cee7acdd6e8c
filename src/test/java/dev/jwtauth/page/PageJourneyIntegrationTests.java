package dev.jwtauth.page;

import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.Keys;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.interactions.Actions;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A person's whole visit, in headless Chromium: sign up, see who they are, keep work
 * items, renew the token, change the password, log out and back in; with the keyboard
 * alone, and on a phone-sized window. Each screen is saved under
 * target/browser-screenshots/.
 */
@BrowserTest
class PageJourneyIntegrationTests extends PageTest {

	private static final String NEW_PASSWORD = "copper lantern meadow 7";

	@Test
	void journeyWhenSignupToLogoutThenEveryStepWorksAgainstTheRealApi() {
		String name = uniqueName("ada");
		String email = name + "@example.com";
		this.browser.screenshot("01-signed-out");

		// sign up: the page logs the new account in
		this.browser.type("signup-username", name);
		this.browser.type("signup-email", email);
		this.browser.type("signup-name", "Ada Lovelace");
		this.browser.type("signup-password", PASSWORD);
		submit("signup-form");
		this.browser.waitForSignedIn();
		assertThat(this.browser.text("page-status")).contains("Welcome, " + name);
		assertThat(this.browser.text("whoami-name")).isEqualTo(name);

		// who you are: GET /me
		assertThat(this.browser.text("me-username")).isEqualTo(name);
		assertThat(this.browser.text("me-email")).isEqualTo(email);
		assertThat(this.browser.text("me-name")).isEqualTo("Ada Lovelace");
		assertThat(this.browser.text("me-roles")).isEqualTo("USER");
		String id = this.browser.text("me-id");
		assertThat(id).matches("[0-9a-f-]{36}");
		assertThat(this.browser.byId("work-empty").isDisplayed()).isTrue();
		this.browser.screenshot("02-signed-in");

		// work items: add three (Enter submits), delete one
		for (String title : List.of("Write the report", "Review the pull request", "Plan the sprint")) {
			this.browser.type("work-title-input", title);
			this.browser.byId("work-title-input").sendKeys(Keys.ENTER);
			this.browser.waitForText("work-message", "Added “" + title + "”.");
		}
		waitForWorkCount(3);
		assertThat(workTitles()).containsExactly("Write the report", "Review the pull request", "Plan the sprint");
		this.browser.screenshot("03-work-items");

		deleteButtonOf("Review the pull request").click();
		this.browser.waitForText("work-message", "Deleted “Review the pull request”.");
		waitForWorkCount(2);
		this.browser.click("work-reload");
		waitForWorkCount(2);
		assertThat(workTitles()).containsExactly("Write the report", "Plan the sprint");

		// the server holds what the page shows
		String firstToken = lastAccessTokenSent();
		Answer items = api("GET", "/work", firstToken, null);
		assertThat(items.status()).isEqualTo(200);
		assertThat(items.body()).contains("Write the report").contains("Plan the sprint").doesNotContain("pull request");

		// renew the token by hand: the next calls carry a new one
		this.browser.click("refresh-button");
		this.browser.waitForText("session-message", "Token renewed.");
		this.browser.click("work-reload");
		waitForWorkCount(2);
		String renewedToken = lastAccessTokenSent();
		assertThat(renewedToken).isNotEqualTo(firstToken);
		assertThat(api("GET", "/me", renewedToken, null).status()).isEqualTo(200);

		// change the password: every older token stops working, the page logs in again
		this.browser.type("password-current", PASSWORD);
		this.browser.type("password-new", NEW_PASSWORD);
		submit("password-form");
		this.browser.waitForText("page-status", "Password changed.");
		this.browser.waitForSignedIn();
		this.browser.waitForText("password-message", "Password changed.");
		assertThat(api("GET", "/me", renewedToken, null).status()).isEqualTo(401);
		String afterChange = lastAccessTokenSent();
		assertThat(afterChange).isNotEqualTo(renewedToken);
		assertThat(api("GET", "/me", afterChange, null).status()).isEqualTo(200);
		this.browser.screenshot("04-password-changed");
		assertNoTokenKeptOutsideMemory();

		// log out: the token the page held is refused from now on
		this.browser.click("logout-button");
		this.browser.waitForSignedOut();
		assertThat(this.browser.waitForText("page-status", "You are logged out.")).isEqualTo("You are logged out.");
		assertThat(api("GET", "/me", afterChange, null).status()).isEqualTo(401);
		this.browser.screenshot("05-logged-out");

		// the old password no longer logs in; the new one does, by email too
		logIn(name, PASSWORD);
		this.browser.waitForText("login-message", "Invalid username or password.");
		logIn(email.toUpperCase(), NEW_PASSWORD);
		this.browser.waitForSignedIn();
		assertThat(this.browser.text("me-id")).isEqualTo(id);
		waitForWorkCount(2);
		assertNoTokenKeptOutsideMemory();
	}

	@Test
	void loginWhenKeyboardOnlyThenWorksWithVisibleFocus() {
		String name = signUpDirectly("keys");
		Actions keys = new Actions(this.browser.driver);

		// Tab from the top: the skip link, which leads into the page
		keys.sendKeys(Keys.TAB).perform();
		assertThat(this.browser.driver.switchTo().activeElement().getText()).isEqualTo("Skip to content");
		assertFocusVisible();
		keys.sendKeys(Keys.ENTER).perform();
		keys.sendKeys(Keys.TAB).perform();
		assertThat(this.browser.activeId()).isEqualTo("login-username");
		assertFocusVisible();
		this.browser.screenshot("06-keyboard-focus");

		keys.sendKeys(name).sendKeys(Keys.TAB).perform();
		assertThat(this.browser.activeId()).isEqualTo("login-password");
		assertFocusVisible();
		keys.sendKeys(PASSWORD).sendKeys(Keys.TAB).perform();
		assertThat(this.browser.driver.switchTo().activeElement().getText()).isEqualTo("Log in");
		assertFocusVisible();
		keys.sendKeys(Keys.ENTER).perform();
		this.browser.waitForSignedIn();
		assertThat(this.browser.text("me-username")).isEqualTo(name);

		// add an item and delete it with the keyboard
		tabTo("work-title-input", keys, Keys.TAB);
		keys.sendKeys("Typed, not clicked").sendKeys(Keys.ENTER).perform();
		waitForWorkCount(1);
		assertThat(this.browser.activeId()).isEqualTo("work-title-input");
		keys.sendKeys(Keys.TAB).sendKeys(Keys.TAB).perform();
		assertThat(this.browser.driver.switchTo().activeElement().getAttribute("aria-label"))
			.isEqualTo("Delete “Typed, not clicked”");
		assertFocusVisible();
		keys.sendKeys(Keys.SPACE).perform();
		waitForWorkCount(0);

		// the logout button is reachable backwards from the content
		tabTo("logout-button", keys, Keys.chord(Keys.SHIFT, Keys.TAB));
		assertFocusVisible();
		keys.sendKeys(Keys.ENTER).perform();
		this.browser.waitForSignedOut();
		assertThat(this.browser.activeId()).isEqualTo("login-username");
	}

	@Test
	void pageWhenPhoneSizedThenOneColumnWithoutSidewaysScrolling() {
		this.browser.resize(390, 844);
		this.browser.open();
		assertFitsTheWidth();
		WebElement login = this.browser.byId("login-form");
		WebElement signup = this.browser.byId("signup-form");
		assertThat(signup.getLocation().getX()).isEqualTo(login.getLocation().getX());
		assertThat(signup.getLocation().getY()).isGreaterThan(login.getLocation().getY() + login.getSize().getHeight() - 1);
		assertThat(this.browser.byId("login-username").getSize().getWidth()).isGreaterThan(300);
		this.browser.screenshot("07-phone-signed-out");

		String name = signUpDirectly("phone");
		logIn(name, PASSWORD);
		this.browser.waitForSignedIn();
		this.browser.type("work-title-input", "A title long enough to have to wrap on a narrow screen, as titles do");
		submit("work-form");
		waitForWorkCount(1);
		assertFitsTheWidth();
		WebElement delete = deleteButtonOf("A title long enough to have to wrap on a narrow screen, as titles do");
		assertThat(delete.getLocation().getX() + delete.getSize().getWidth()).isLessThanOrEqualTo(390);
		assertThat(delete.getSize().getHeight()).isGreaterThanOrEqualTo(32);
		assertThat(this.browser.byId("work-title-input").getSize().getWidth()).isGreaterThan(300);
		this.browser.screenshot("08-phone-signed-in");
	}

	private WebElement deleteButtonOf(String title) {
		return this.browser.driver.findElements(By.cssSelector("#work-list .item"))
			.stream()
			.filter((item) -> item.findElement(By.className("item-title")).getText().equals(title))
			.findFirst()
			.orElseThrow()
			.findElement(By.tagName("button"));
	}

	private void tabTo(String id, Actions keys, CharSequence direction) {
		for (int i = 0; i < 20 && !id.equals(this.browser.activeId()); i++) {
			keys.sendKeys(direction).perform();
		}
		assertThat(this.browser.activeId()).isEqualTo(id);
	}

	private void assertFocusVisible() {
		Map<?, ?> outline = (Map<?, ?>) this.browser.script("""
				const style = getComputedStyle(document.activeElement);
				return { style: style.outlineStyle, width: parseFloat(style.outlineWidth) };""");
		assertThat(outline.get("style")).isNotEqualTo("none");
		assertThat(((Number) outline.get("width")).doubleValue()).isGreaterThanOrEqualTo(2.0);
	}

	private void assertFitsTheWidth() {
		Number overflow = (Number) this.browser
			.script("return document.documentElement.scrollWidth - document.documentElement.clientWidth");
		assertThat(overflow.intValue()).as("sideways overflow in px").isLessThanOrEqualTo(0);
	}

}
