package dev.jwtauth.page;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;

import org.junit.jupiter.api.Test;
import tools.jackson.databind.json.JsonMapper;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The account's own data in headless Chromium: the export saved as a file through the
 * browser's download, and the deletion, refused for a wrong password and final for the
 * right one. Each screen is saved under target/browser-screenshots/.
 */
@BrowserTest
class PageSelfServiceIntegrationTests extends PageTest {

	private static final String EXPORT_FILE = "jwt-auth-service-export.json";

	@Test
	void exportWhenClickedThenTheJsonIsDownloadedAsAFile() throws Exception {
		String name = signedInAs("export");
		this.browser.type("work-title-input", "Take this with me");
		submit("work-form");
		waitForWorkCount(1);

		this.browser.click("export-button");
		assertThat(this.browser.waitForText("data-message", EXPORT_FILE))
			.isEqualTo("Your data is saved as " + EXPORT_FILE + ".");
		Path file = this.browser.downloaded(EXPORT_FILE);
		String text = Files.readString(file);
		@SuppressWarnings("unchecked")
		Map<String, Object> export = JsonMapper.builder().build().readValue(text, Map.class);
		assertThat(((Map<?, ?>) export.get("profile")).get("username")).isEqualTo(name);
		assertThat(export.keySet()).contains("sessions", "work_items", "factors", "passkeys", "audit_events");
		assertThat(text).contains("Take this with me");
		for (String token : this.browser.tokensSent()) {
			assertThat(text).as("the file").doesNotContain(token);
		}
		assertThat(this.browser.requestsTo("/me/export")).isEqualTo(1);
		// the temporary link is gone from the document
		assertThat(this.browser.script("return document.querySelectorAll('a[download]').length")).isEqualTo(0L);
		this.browser.screenshot("40-export-downloaded");
	}

	@Test
	void deleteWhenWrongPasswordOrUnconfirmedThenRefusedAndStillSignedIn() {
		String name = signedInAs("keep");

		this.browser.type("delete-current", PASSWORD);
		submit("delete-form");
		assertThat(this.browser.waitForText("delete-confirm-error", "Tick"))
			.isEqualTo("Tick the box to confirm that the account is to go.");
		assertThat(this.browser.activeId()).isEqualTo("delete-confirm");
		assertThat(this.browser.requestsTo("/me/delete")).isZero();

		this.browser.type("delete-current", "not my password");
		this.browser.click("delete-confirm");
		submit("delete-form");
		assertThat(this.browser.waitForText("delete-current-error", "Current password"))
			.isEqualTo("Current password is not your current password.");
		assertThat(this.browser.byId("delete-current").getAttribute("aria-invalid")).isEqualTo("true");
		assertThat(this.browser.text("delete-confirm-error")).isEmpty();
		assertThat(this.browser.text("delete-message")).isEqualTo("Please correct the marked field.");
		this.browser.screenshot("41-delete-wrong-password");

		// the session and the account are as they were
		assertThat(this.browser.byId("signed-in").isDisplayed()).isTrue();
		assertThat(api("GET", "/me", lastAccessTokenSent(), null).status()).isEqualTo(200);
		this.browser.click("work-reload");
		waitForWorkCount(0);
		assertThat(this.browser.text("me-username")).isEqualTo(name);
	}

	@Test
	void deleteWhenConfirmedThenLoggedOutTheNameRefusedAtLoginAndFreeForSignup() {
		String name = signedInAs("leave");
		String token = lastAccessTokenSent();

		this.browser.type("delete-current", PASSWORD);
		this.browser.click("delete-confirm");
		this.browser.screenshot("42-delete-confirmed");
		submit("delete-form");
		this.browser.waitForSignedOut();
		assertThat(this.browser.waitForText("page-status", "deleted")).isEqualTo("Your account is deleted.");
		assertThat(this.browser.byId("login-form").isDisplayed()).isTrue();
		assertThat(this.browser.byId("whoami").isDisplayed()).isFalse();
		assertThat(this.browser.activeId()).isEqualTo("login-username");
		assertThat(api("GET", "/me", token, null).status()).isEqualTo(401);
		this.browser.screenshot("43-account-deleted");

		logIn(name, PASSWORD);
		assertThat(this.browser.waitForText("login-message", "Invalid")).isEqualTo("Invalid username or password.");
		assertThat(this.browser.byId("signed-out").isDisplayed()).isTrue();

		this.browser.type("signup-username", name);
		this.browser.type("signup-password", PASSWORD);
		submit("signup-form");
		this.browser.waitForSignedIn();
		assertThat(this.browser.text("me-username")).isEqualTo(name);
		// a new account: nothing of the old one came back
		waitForWorkCount(0);
		assertThat(this.browser.byId("delete-confirm").isSelected()).isFalse();
		assertThat(this.browser.text("delete-current-error")).isEmpty();
		assertThat(this.browser.byId("delete-current").getAttribute("value")).isEmpty();
	}

}
