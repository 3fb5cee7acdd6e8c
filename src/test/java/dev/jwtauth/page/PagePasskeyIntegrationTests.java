package dev.jwtauth.page;

import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.List;
import java.util.Map;

import dev.jwtauth.recovery.Mailbox;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.virtualauthenticator.HasVirtualAuthenticator;
import org.openqa.selenium.virtualauthenticator.VirtualAuthenticator;
import org.openqa.selenium.virtualauthenticator.VirtualAuthenticatorOptions;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Passkeys on the page in headless Chromium, with Chrome's virtual authenticator (CTAP2,
 * built in, resident keys, user verification): add one, log out, sign in with it alone,
 * remove it, and see it refused. The page is served at http://localhost:PORT, and so is
 * PUBLIC_BASE_URL, so the RP id is {@code localhost}.
 */
@BrowserTest
class PagePasskeyIntegrationTests extends PageTest {

	private static final int SERVER_PORT = Mailbox.freePort();

	@DynamicPropertySource
	static void publicBaseUrl(DynamicPropertyRegistry registry) {
		registry.add("server.port", () -> SERVER_PORT);
		registry.add("mail.public-base-url", () -> "http://localhost:" + SERVER_PORT);
	}

	private VirtualAuthenticator platformAuthenticator() {
		return ((HasVirtualAuthenticator) this.browser.driver)
			.addVirtualAuthenticator(new VirtualAuthenticatorOptions().setProtocol(VirtualAuthenticatorOptions.Protocol.CTAP2)
				.setTransport(VirtualAuthenticatorOptions.Transport.INTERNAL)
				.setHasResidentKey(true)
				.setHasUserVerification(true)
				.setIsUserVerified(true));
	}

	private int passkeysShown() {
		return this.browser.driver.findElements(By.cssSelector("#passkey-list .item")).size();
	}

	@SuppressWarnings("unchecked")
	private static List<String> amr(String accessToken) {
		String payload = new String(Base64.getUrlDecoder().decode(accessToken.split("\\.")[1]), StandardCharsets.UTF_8);
		return (List<String>) JsonMapper.builder().build().readValue(payload, Map.class).get("amr");
	}

	@Test
	void passkeyWhenAddedOnThePageThenSignsInAloneUntilRemoved() {
		VirtualAuthenticator authenticator = platformAuthenticator();
		String name = signedInAs("pk-page");
		this.browser.waitUntil((d) -> d.findElement(By.id("passkeys-card")).isDisplayed());
		assertThat(this.browser.byId("passkey-code-field").isDisplayed()).as("no TOTP, no code asked").isFalse();

		// the password is asked first: a wrong one adds nothing
		this.browser.type("passkey-current", "not the password");
		submit("passkey-add-form");
		this.browser.waitForText("passkey-current-error", "Current password");
		assertThat(authenticator.getCredentials()).isEmpty();

		this.browser.type("passkey-current", PASSWORD);
		this.browser.type("passkey-name", "Test key");
		submit("passkey-add-form");
		this.browser.waitForText("passkey-message", "Added the passkey “Test key”");
		this.browser.waitUntil((d) -> passkeysShown() == 1);
		assertThat(authenticator.getCredentials()).singleElement()
			.satisfies((credential) -> assertThat(credential.isResidentCredential()).isTrue());
		this.browser.screenshot("60-passkey-added");

		this.browser.click("logout-button");
		this.browser.waitForSignedOut();
		assertThat(this.browser.byId("passkey-login").isDisplayed()).isTrue();
		this.browser.click("passkey-login");
		this.browser.waitForSignedIn();
		assertThat(this.browser.text("whoami-name")).isEqualTo(name);
		assertThat(amr(lastAccessTokenSent())).containsExactly("swk", "user", "mfa");
		assertNoTokenKeptOutsideMemory();

		this.browser.waitUntil((d) -> passkeysShown() == 1);
		this.browser.driver.findElement(By.cssSelector("#passkey-list .item button")).click();
		this.browser.waitForText("passkey-message", "Removed the passkey “Test key”");
		this.browser.waitUntil((d) -> passkeysShown() == 0);

		this.browser.click("logout-button");
		this.browser.waitForSignedOut();
		this.browser.click("passkey-login");
		// the authenticator still offers it, the service no longer knows it
		assertThat(this.browser.waitForText("login-message", "The passkey was not accepted")).isNotEmpty();
		assertThat(this.browser.byId("signed-in").isDisplayed()).isFalse();
		this.browser.screenshot("61-passkey-refused");
	}

	@Test
	void addPasskeyWhenTotpOnThenTheCodeIsAskedToo() throws Exception {
		platformAuthenticator();
		String name = signUpDirectly("pk-page-totp");
		String token = logInDirectly(name, PASSWORD);
		byte[] secret = org.bouncycastle.util.encoders.Base32.decode((String) api("POST", "/me/mfa/totp", token,
				Map.of("current_password", PASSWORD)).json().get("secret"));
		assertThat(api("POST", "/me/mfa/totp/confirm", token,
				Map.of("code", dev.jwtauth.testing.TotpCodes.code(secret, java.time.Instant.now().minusSeconds(30))))
			.status()).isEqualTo(200);
		logIn(name, PASSWORD);
		this.browser.waitUntil((d) -> d.findElement(By.id("mfa-form")).isDisplayed());
		this.browser.type("mfa-code", dev.jwtauth.testing.TotpCodes.code(secret, java.time.Instant.now()));
		submit("mfa-form");
		this.browser.waitForSignedIn();
		this.browser.waitUntil((d) -> d.findElement(By.id("passkey-code-field")).isDisplayed());

		this.browser.type("passkey-current", PASSWORD);
		submit("passkey-add-form");
		this.browser.waitForText("passkey-code-error", "Code");
		assertThat(passkeysShown()).isZero();

		this.browser.type("passkey-current", PASSWORD);
		this.browser.type("passkey-code",
				dev.jwtauth.testing.TotpCodes.code(secret, java.time.Instant.now().plusSeconds(30)));
		submit("passkey-add-form");
		this.browser.waitForText("passkey-message", "Added the passkey “Passkey”");
		this.browser.waitUntil((d) -> passkeysShown() == 1);
	}

}
