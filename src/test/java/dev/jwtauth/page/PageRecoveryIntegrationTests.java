package dev.jwtauth.page;

import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import dev.jwtauth.recovery.Mailbox;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;

import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The recovery mails followed in headless Chromium: the service sends them to a real SMTP
 * server and links them to this very server's page, and the test opens their links as a
 * person would. Opening a link spends nothing (mail scanners open links too); only the
 * click does. Each screen is saved under target/browser-screenshots/.
 */
@BrowserTest
class PageRecoveryIntegrationTests extends PageTest {

	private static final Mailbox mailbox = new Mailbox();

	/** Known before the server starts, so that the mails' links can name it. */
	private static final int SERVER_PORT = Mailbox.freePort();

	private static final String RESET = "Reset your password";

	private static final String VERIFY = "Confirm your email address";

	private static final String NEW_PASSWORD = "copper lantern meadow 7";

	private static final Pattern LINK = Pattern.compile("http://\\S+/#/\\S+");

	@DynamicPropertySource
	static void smtpAndLinks(DynamicPropertyRegistry registry) {
		registry.add("spring.mail.host", () -> "127.0.0.1");
		registry.add("spring.mail.port", mailbox::port);
		registry.add("mail.retry-delay", () -> "20ms");
		registry.add("server.port", () -> SERVER_PORT);
		registry.add("mail.public-base-url", () -> "http://localhost:" + SERVER_PORT);
	}

	@Test
	void resetWhenLinkFollowedThenNothingSpentUntilTheClickAndTheNewPasswordLogsIn() throws Exception {
		String name = signUpWithEmail("reset");
		String email = name + "@example.com";

		// an unknown account gets the very words a known one gets
		this.browser.click("forgot-open");
		this.browser.waitUntil((d) -> d.findElement(By.id("forgot-form")).isDisplayed());
		assertThat(this.browser.byId("login-form").isDisplayed()).isFalse();
		assertThat(this.browser.activeId()).isEqualTo("forgot-name");
		this.browser.type("forgot-name", uniqueName("nobody") + "@example.com");
		submit("forgot-form");
		String unknown = this.browser.waitForText("forgot-message", "reset link");
		this.browser.script("document.getElementById('forgot-message').textContent = ''");
		this.browser.type("forgot-name", email);
		submit("forgot-form");
		assertThat(this.browser.waitForText("forgot-message", "reset link")).isEqualTo(unknown);
		this.browser.screenshot("30-forgot-password");

		String token = mailbox.token(email, RESET);
		String link = linkIn(email, RESET);
		assertThat(link).isEqualTo(this.browser.base() + "/#/reset?token=" + token);

		// opened as from a mail: the screen asks, the address forgets the token, nothing is spent
		openFromMail(link, "reset-screen");
		assertThat(this.browser.script("return location.href")).isEqualTo(this.browser.base() + "/");
		assertThat(this.browser.activeId()).isEqualTo("reset-password");
		assertThat(this.browser.requestsTo("/recover/confirm")).isZero();
		logInDirectly(name, PASSWORD);
		this.browser.screenshot("31-reset-screen");

		// a weak password: the rule by the field, and the link is still good
		this.browser.type("reset-password", "short");
		submit("reset-form");
		assertThat(this.browser.waitForText("reset-password-error", "New password")).contains("must be 8 to 128");
		assertThat(this.browser.byId("reset-password").getAttribute("aria-invalid")).isEqualTo("true");
		assertThat(this.browser.text("reset-message")).isEqualTo("Please correct the marked field.");
		this.browser.screenshot("32-reset-weak-password");

		this.browser.type("reset-password", NEW_PASSWORD);
		submit("reset-form");
		this.browser.waitForSignedOut();
		assertThat(this.browser.waitForText("page-status", "reset"))
			.isEqualTo("Your password is reset. Log in with the new one.");
		assertThat(this.browser.byId("login-form").isDisplayed()).isTrue();
		assertThat(this.browser.requestsTo("/recover/confirm")).isEqualTo(2);
		this.browser.screenshot("33-reset-done");
		Answer again = api("POST", "/recover/confirm", null,
				Map.of("token", token, "new_password", "another fine password 9"));
		assertThat(again.status()).as("the link is spent").isEqualTo(400);

		logIn(name, PASSWORD);
		this.browser.waitForText("login-message", "Invalid username or password.");
		logIn(email, NEW_PASSWORD);
		this.browser.waitForSignedIn();
		assertThat(this.browser.text("me-username")).isEqualTo(name);
		// the mail proved the address
		assertThat(this.browser.text("me-email-verified")).isEqualTo("Verified");
	}

	@Test
	void verifyWhenLinkFollowedThenConfirmedOnTheClickAndTheAccountShowsIt() throws Exception {
		String name = signUpWithEmail("verify");
		String email = name + "@example.com";
		logIn(name, PASSWORD);
		this.browser.waitForSignedIn();
		assertThat(this.browser.text("me-email-verified")).isEqualTo("Not verified yet");
		this.browser.click("verification-resend");
		this.browser.waitForText("me-message", "verification mail is on its way");
		this.browser.screenshot("34-email-not-verified");

		// opened as from a mail: the link's screen, and nothing is spent on opening
		openFromMail(linkIn(email, VERIFY), "verify-screen");
		assertThat(this.browser.script("return location.href")).isEqualTo(this.browser.base() + "/");
		assertThat(this.browser.requestsTo("/verify")).isZero();
		assertThat(api("GET", "/me", logInDirectly(name, PASSWORD), null).body()).contains("\"email_verified\":false");
		this.browser.screenshot("35-verify-screen");

		this.browser.click("verify-button");
		assertThat(this.browser.waitForText("verify-message", "confirmed")).isEqualTo("Your email address is confirmed.");
		assertThat(this.browser.byId("verify-button").isDisplayed()).isFalse();
		this.browser.screenshot("36-email-verified");

		// the refresh cookie kept the session across the page load: back to the account, which shows it
		assertThat(this.browser.byId("verify-screen").findElement(By.className("link-back")).getText())
			.isEqualTo("Back to your account");
		backFromLink("verify-screen");
		this.browser.waitForSignedIn();
		this.browser.waitForText("me-email-verified", "Verified");
		assertThat(this.browser.byId("verification-resend").isDisplayed()).isFalse();
	}

	@Test
	void emailChangeWhenConfirmedInTheSameTabThenTheAccountShowsTheNewAddress() throws Exception {
		String name = signUpWithEmail("change");
		logIn(name, PASSWORD);
		this.browser.waitForSignedIn();
		String newEmail = uniqueName("moved") + "@example.com";

		this.browser.type("email-new", newEmail);
		this.browser.type("email-current", "not my password");
		submit("email-form");
		assertThat(this.browser.waitForText("email-current-error", "Current password"))
			.isEqualTo("Current password is not your current password.");
		assertThat(this.browser.byId("email-current").getAttribute("aria-invalid")).isEqualTo("true");

		this.browser.type("email-current", PASSWORD);
		submit("email-form");
		assertThat(this.browser.waitForText("email-message", "confirmation mail"))
			.isEqualTo("If the address is free, a confirmation mail is on its way to it.");
		assertThat(this.browser.text("email-current-error")).isEmpty();
		assertThat(this.browser.byId("email-current").getAttribute("value")).isEmpty();
		this.browser.screenshot("37-email-change-requested");

		// pasted into this tab: only the fragment changes, and the session stays
		this.browser.driver.get(linkIn(newEmail, VERIFY));
		this.browser.waitUntil((d) -> d.findElement(By.id("verify-screen")).isDisplayed());
		assertThat(this.browser.script("return location.href")).isEqualTo(this.browser.base() + "/");
		assertThat(this.browser.byId("whoami").isDisplayed()).isTrue();
		this.browser.click("verify-button");
		this.browser.waitForText("verify-message", "Your email address is confirmed.");
		backFromLink("verify-screen");
		this.browser.waitForSignedIn();
		this.browser.waitForText("me-email", newEmail);
		assertThat(this.browser.text("me-email-verified")).isEqualTo("Verified");
	}

	@Test
	void linksWhenTokenRefusedThenTheProblemIsShownOnTheirScreen() {
		openFromMail(this.browser.base() + "/#/reset?token=" + "A".repeat(43), "reset-screen");
		this.browser.type("reset-password", NEW_PASSWORD);
		submit("reset-form");
		assertThat(this.browser.waitForText("reset-message", "reset link"))
			.isEqualTo("This reset link is unknown, used, expired or no longer valid."
					+ " Ask for a new one with “Forgot password?” on the login form.");
		assertThat(this.browser.byId("reset-password").getAttribute("aria-invalid")).isNull();
		this.browser.screenshot("38-reset-link-refused");

		openFromMail(this.browser.base() + "/#/verify?token=" + "B".repeat(43), "verify-screen");
		this.browser.click("verify-button");
		assertThat(this.browser.waitForText("verify-message", "link"))
			.isEqualTo("This link is unknown, used, expired or no longer valid.");
		assertThat(this.browser.byId("verify-button").isDisplayed()).isTrue();
		this.browser.screenshot("39-verify-link-refused");
	}

	@Test
	void verifyWhenTheNewAddressWasTakenMeanwhileThenTheConflictIsShown() throws Exception {
		String name = signUpWithEmail("slow");
		String wanted = uniqueName("wanted") + "@example.com";
		Answer change = api("POST", "/me/email", logInDirectly(name, PASSWORD),
				Map.of("new_email", wanted, "current_password", PASSWORD));
		assertThat(change.status()).as(change.body()).isEqualTo(202);
		String link = linkIn(wanted, VERIFY);
		Answer quick = api("POST", "/signup", null,
				Map.of("username", uniqueName("quick"), "email", wanted, "password", PASSWORD));
		assertThat(quick.status()).as(quick.body()).isEqualTo(201);

		openFromMail(link, "verify-screen");
		this.browser.click("verify-button");
		assertThat(this.browser.waitForText("verify-message", "taken"))
			.isEqualTo("That username or email is already taken.");
		assertThat(this.browser.byId("verify-message").getAttribute("class")).contains("error");
	}

	/** A user with an email, signed up through the API (which mails the verification link). */
	private String signUpWithEmail(String prefix) {
		String name = uniqueName(prefix);
		Answer answer = api("POST", "/signup", null,
				Map.of("username", name, "email", name + "@example.com", "password", PASSWORD));
		assertThat(answer.status()).as(answer.body()).isEqualTo(201);
		return name;
	}

	/** The link in the newest mail to the address with the subject. */
	private static String linkIn(String to, String subject) throws Exception {
		String text = Mailbox.text(mailbox.await(to, subject));
		Matcher link = LINK.matcher(text);
		assertThat(link.find()).as(text).isTrue();
		return link.group();
	}

	/** Opens the link in a fresh document, as a click in a mail program does. */
	private void openFromMail(String link, String screenId) {
		this.browser.driver.get("about:blank");
		this.browser.driver.get(link);
		this.browser.waitUntil((d) -> d.findElement(By.id(screenId)).isDisplayed());
	}

	private void backFromLink(String screenId) {
		this.browser.byId(screenId).findElement(By.className("link-back")).click();
	}

}
