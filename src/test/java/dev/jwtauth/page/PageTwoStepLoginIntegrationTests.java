package dev.jwtauth.page;

import java.time.Instant;
import java.util.List;

import dev.jwtauth.testing.TotpCodes;
import org.bouncycastle.util.encoders.Base32;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.WebElement;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Two-step login on the page, with codes computed here as an authenticator app would:
 * set it up from the QR code's key, log in with a code, then with a recovery code, and
 * turn it off.
 */
@BrowserTest
class PageTwoStepLoginIntegrationTests extends PageTest {

	private static String code(String base32, Instant at) throws Exception {
		return TotpCodes.code(Base32.decode(base32), at);
	}

	private void logOut() {
		this.browser.click("logout-button");
		this.browser.waitForSignedOut();
	}

	/** Turns two-step login on from the page; answers the key it showed and the recovery codes. */
	private Enrolled enrol() throws Exception {
		this.browser.type("totp-start-current", PASSWORD);
		submit("totp-start-form");
		this.browser.waitUntil((d) -> d.findElement(By.id("totp-enrol")).isDisplayed());
		String secret = this.browser.text("totp-secret");
		assertThat(secret).matches("[A-Z2-7]{32}");
		WebElement qr = this.browser.byId("totp-qr");
		assertThat(qr.getAttribute("src")).startsWith("data:image/svg+xml;base64,");
		assertThat((Long) this.browser.script("return arguments[0].naturalWidth", qr)).as("the QR code rendered")
			.isPositive();
		this.browser.screenshot("60-totp-scan");

		this.browser.type("totp-confirm-code", code(secret, Instant.now()));
		submit("totp-confirm-form");
		this.browser.waitUntil((d) -> d.findElement(By.id("totp-recovery")).isDisplayed());
		List<String> codes = this.browser.driver.findElements(By.cssSelector("#totp-recovery-codes li"))
			.stream()
			.map(WebElement::getText)
			.toList();
		assertThat(codes).hasSize(10).allSatisfy((c) -> assertThat(c).matches("[A-Z2-7]{10}"));
		assertThat(this.browser.text("totp-message")).isEqualTo("Two-step login is on.");
		this.browser.screenshot("61-totp-recovery-codes");
		this.browser.click("totp-recovery-done");
		assertThat(this.browser.driver.findElements(By.cssSelector("#totp-recovery-codes li"))).isEmpty();
		assertThat(this.browser.text("totp-secret")).as("the key is shown once").isEmpty();
		assertThat(this.browser.text("totp-status")).startsWith("On:");
		return new Enrolled(secret, codes);
	}

	private record Enrolled(String secret, List<String> recoveryCodes) {
	}

	private void logInWithSecondStep(String name, String code) {
		logIn(name, PASSWORD);
		this.browser.waitUntil((d) -> d.findElement(By.id("mfa-form")).isDisplayed());
		assertThat(this.browser.byId("login-form").isDisplayed()).isFalse();
		this.browser.type("mfa-code", code);
		submit("mfa-form");
	}

	@Test
	void twoStepLoginWhenSetUpThenCodeAndRecoveryCodeLogInAndItTurnsOff() throws Exception {
		String name = signedInAs("twostep");
		assertThat(this.browser.text("totp-status")).startsWith("Off:");
		Enrolled enrolled = enrol();
		logOut();

		// a wrong code is refused next to the form; the right one (the next time step) logs in
		logInWithSecondStep(name, "000000".equals(code(enrolled.secret(), Instant.now().plusSeconds(30)))
				? "111111" : "000000");
		assertThat(this.browser.waitForText("mfa-message", "code")).isNotEmpty();
		this.browser.screenshot("62-totp-wrong-code");
		this.browser.type("mfa-code", code(enrolled.secret(), Instant.now().plusSeconds(30)));
		submit("mfa-form");
		this.browser.waitForSignedIn();
		assertThat(this.browser.text("me-username")).isEqualTo(name);
		logOut();

		// without the authenticator: a recovery code, typed in lower case with a space
		String recovery = enrolled.recoveryCodes().get(0);
		logInWithSecondStep(name, recovery.substring(0, 5).toLowerCase() + " " + recovery.substring(5).toLowerCase());
		this.browser.waitForSignedIn();

		// turning it off takes the password and a code: here another recovery code
		this.browser.type("totp-off-current", PASSWORD);
		this.browser.type("totp-off-code", enrolled.recoveryCodes().get(1));
		submit("totp-off-form");
		assertThat(this.browser.waitForText("totp-message", "off")).isEqualTo("Two-step login is off.");
		assertThat(this.browser.text("totp-status")).startsWith("Off:");
		logOut();

		logIn(name, PASSWORD);
		this.browser.waitForSignedIn();
		assertThat(this.browser.byId("mfa-form").isDisplayed()).isFalse();
	}

	@Test
	void recoveryCodeWhenUsedOnceThenRefusedTheSecondTime() throws Exception {
		String name = signedInAs("onceonly");
		Enrolled enrolled = enrol();
		logOut();
		String recovery = enrolled.recoveryCodes().get(3);
		logInWithSecondStep(name, recovery);
		this.browser.waitForSignedIn();
		logOut();

		logInWithSecondStep(name, recovery);
		assertThat(this.browser.waitForText("mfa-message", "code")).isNotEmpty();
		assertThat(this.browser.byId("signed-in").isDisplayed()).isFalse();
		// and back to the password form, which starts a login afresh
		this.browser.click("mfa-back");
		assertThat(this.browser.byId("login-form").isDisplayed()).isTrue();
		assertThat(this.browser.byId("mfa-form").isDisplayed()).isFalse();
	}

}
