package dev.jwtauth.passkeys;

import dev.jwtauth.testing.IntegrationTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.test.context.TestPropertySource;
import org.springframework.test.web.servlet.request.MockMvcRequestBuilders;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A public base URL that is an IP address leaves no valid RP id: the service starts, its
 * passkey routes answer 404, and the start log says why.
 */
@ExtendWith(OutputCaptureExtension.class)
@TestPropertySource(properties = "mail.public-base-url=http://127.0.0.1:8080")
class PasskeysOffIntegrationTests extends IntegrationTest {

	@Test
	void passkeyRoutesWhenRpIdIsAnIpAddressThen404AndTheStartLogSaysWhy(CapturedOutput output) throws Exception {
		User user = signup("pk-off");
		String token = login(user);
		assertThat(perform(MockMvcRequestBuilders.post("/auth/passkey/options")).status()).isEqualTo(404);
		assertThat(postJson("/auth/passkey", map("challenge_id", "x", "credential", map())).status()).isEqualTo(404);
		assertThat(postJson("/me/passkeys/options", map("current_password", PASSWORD), "Authorization",
				"Bearer " + token).status()).isEqualTo(404);
		assertThat(getWithToken("/me/passkeys", token).status()).isEqualTo(404);
		assertThat(getWithToken("/me", token).status()).as("the rest of the service serves").isEqualTo(200);
		assertThat(output.getOut() + output.getErr()).contains("WARN")
			.contains("Passkeys are off, their routes answer 404: the RP id 127.0.0.1 is an IP address");
	}

}
