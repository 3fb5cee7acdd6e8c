package dev.jwtauth.page;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Every problem answer the API gives the page's forms, shown as a readable message next
 * to the form that caused it, field by field for 400s, in live regions that screen
 * readers announce.
 */
@BrowserTest
class PageProblemsIntegrationTests extends PageTest {

	@Test
	void signupWhenFieldsInvalidThenEachMessageNextToItsField() {
		this.browser.type("signup-username", "ab");
		this.browser.type("signup-email", "not-an-email");
		this.browser.type("signup-password", "short");
		submit("signup-form");

		this.browser.waitForText("signup-message", "Please correct the marked fields.");
		assertThat(this.browser.text("signup-username-error")).startsWith("Username must be 3 to 64");
		assertThat(this.browser.text("signup-email-error")).isEqualTo("Email must be an email address.");
		assertThat(this.browser.text("signup-password-error")).startsWith("Password must be 8 to 128 characters");
		assertThat(this.browser.text("signup-name-error")).isEmpty();
		for (String field : new String[] { "signup-username", "signup-email", "signup-password" }) {
			assertThat(this.browser.byId(field).getAttribute("aria-invalid")).as(field).isEqualTo("true");
			// screen readers read the message as the field's description
			assertThat(this.browser.byId(field).getAttribute("aria-describedby")).contains(field + "-error");
		}
		assertThat(this.browser.byId("signup-name").getAttribute("aria-invalid")).isNull();
		assertThat(this.browser.byId("signup-message").getAttribute("aria-live")).isEqualTo("polite");
		assertThat(this.browser.activeId()).isEqualTo("signup-username");
		assertThat(this.browser.byId("signed-in").isDisplayed()).isFalse();
		this.browser.screenshot("10-problem-400-signup");

		// a corrected form clears the old marks
		this.browser.type("signup-username", uniqueName("fixed"));
		this.browser.type("signup-email", "");
		this.browser.type("signup-password", "password");
		submit("signup-form");
		this.browser.waitForText("signup-password-error", "Password is too common");
		assertThat(this.browser.text("signup-username-error")).isEmpty();
		assertThat(this.browser.byId("signup-username").getAttribute("aria-invalid")).isNull();
	}

	@Test
	void loginWhenFieldsEmptyThenBothFieldsMarked() {
		submit("login-form");
		this.browser.waitForText("login-message", "Please correct the marked fields.");
		assertThat(this.browser.text("login-username-error")).startsWith("Username or email is required");
		assertThat(this.browser.text("login-password-error")).isEqualTo("Password is required.");
	}

	@Test
	void loginWhenPasswordWrongThen401Message() {
		String name = signUpDirectly("wrong");
		logIn(name, "not the password at all");
		assertThat(this.browser.waitForText("login-message", "Invalid")).isEqualTo("Invalid username or password.");
		assertThat(this.browser.byId("signed-in").isDisplayed()).isFalse();
		assertThat(this.browser.byId("login-password").getAttribute("aria-invalid")).isNull();
		this.browser.screenshot("11-problem-401-login");
	}

	@Test
	void signupWhenNameTakenThen409Message() {
		String name = signUpDirectly("taken");
		this.browser.type("signup-username", name.toUpperCase());
		this.browser.type("signup-password", PASSWORD);
		submit("signup-form");
		assertThat(this.browser.waitForText("signup-message", "taken"))
			.isEqualTo("That username or email is already taken.");
		assertThat(this.browser.byId("signed-in").isDisplayed()).isFalse();
		this.browser.screenshot("12-problem-409-signup");
	}

	@Test
	void loginWhenTooManyFailuresThen429WithTheWait() {
		String name = signUpDirectly("locked");
		// the test configuration locks an account after three failures
		for (int i = 0; i < 3; i++) {
			logIn(name, "guess number " + i);
			this.browser.waitForText("login-message", "Invalid username or password.");
			// so that the next wait sees the next answer, not this one
			this.browser.script("document.getElementById('login-message').textContent = ''");
		}
		logIn(name, PASSWORD);
		String message = this.browser.waitForText("login-message", "Too many");
		assertThat(message).isEqualTo("Too many failed attempts. Try again later. You can try again in 15 minutes.");
		assertThat(this.browser.byId("signed-in").isDisplayed()).isFalse();
		this.browser.screenshot("13-problem-429-login");
	}

	@Test
	void passwordChangeWhenCurrentWrongThenMessageOnThatField() {
		String name = signedInAs("change");
		this.browser.type("password-current", "not my password");
		this.browser.type("password-new", "copper lantern meadow 7");
		submit("password-form");
		assertThat(this.browser.waitForText("password-current-error", "not your current password"))
			.isEqualTo("Current password is not your current password.");
		assertThat(this.browser.text("password-message")).isEqualTo("Please correct the marked field.");
		assertThat(this.browser.text("password-new-error")).isEmpty();
		assertThat(this.browser.activeId()).isEqualTo("password-current");
		// still signed in, with the old password still the one
		assertThat(this.browser.byId("signed-in").isDisplayed()).isTrue();
		logInDirectly(name, PASSWORD);
		this.browser.screenshot("14-problem-400-password");
	}

	@Test
	void workItemWhenTitleBlankThenMessageOnTheTitle() {
		String name = signedInAs("blank");
		this.browser.type("work-title-input", "   ");
		submit("work-form");
		assertThat(this.browser.waitForText("work-title-input-error", "Title"))
			.isEqualTo("Title must not be blank.");
		assertThat(this.browser.byId("work-title-input").getAttribute("aria-invalid")).isEqualTo("true");
		assertThat(api("GET", "/work", logInDirectly(name, PASSWORD), null).body()).isEqualTo("[]");
	}

	@Test
	void sessionWhenEndedElsewhereThenBackToLoginWithAMessage() {
		String name = signedInAs("elsewhere");
		// the user logs out everywhere from another client
		String other = logInDirectly(name, PASSWORD);
		assertThat(api("POST", "/logout?scope=global", other, null).status()).isEqualTo(204);

		// the page's token and refresh token are both refused: it says so and asks to log in
		this.browser.click("work-reload");
		this.browser.waitForSignedOut();
		assertThat(this.browser.waitForText("page-status", "session has ended"))
			.isEqualTo("Your session has ended. Please log in again.");
		assertThat(this.browser.activeId()).isEqualTo("login-username");
		assertThat(this.browser.byId("me-username").getAttribute("textContent")).isEmpty();
		this.browser.screenshot("15-problem-401-session-ended");
	}

}
