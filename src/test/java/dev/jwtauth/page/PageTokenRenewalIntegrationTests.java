package dev.jwtauth.page;

import java.time.Duration;

import org.junit.jupiter.api.Test;

import org.springframework.test.context.TestPropertySource;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * With access tokens that live four seconds and no clock skew allowed, the page renews
 * its token on its own before expiry (from {@code expires_in}) and goes on working long
 * after the first token has died.
 */
@BrowserTest
@TestPropertySource(properties = { "jwt.access-token-ttl=4s", "jwt.clock-skew=0s" })
class PageTokenRenewalIntegrationTests extends PageTest {

	@Test
	void tokenWhenAboutToExpireThenRenewedWithoutAnyClick() throws InterruptedException {
		signedInAs("renew");
		String first = lastAccessTokenSent();
		String renewedAt = this.browser.text("session-renewed");
		long refreshesBefore = this.browser.requestsTo("/auth/refresh");

		// no click: only the page's timer may renew
		Thread.sleep(Duration.ofSeconds(7).toMillis());
		assertThat(this.browser.text("session-renewed")).isNotEqualTo(renewedAt);
		assertThat(api("GET", "/me", first, null).status()).as("the first token has expired").isEqualTo(401);
		assertThat(this.browser.requestsTo("/auth/refresh")).as("refreshes the page sent")
			.isGreaterThan(refreshesBefore);

		this.browser.type("work-title-input", "Still signed in");
		submit("work-form");
		waitForWorkCount(1);
		String current = lastAccessTokenSent();
		assertThat(current).isNotEqualTo(first);
		assertThat(this.browser.text("work-message")).isEqualTo("Added “Still signed in”.");
		assertNoTokenKeptOutsideMemory();
	}

}
