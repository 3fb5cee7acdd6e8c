package dev.jwtauth.oauth.clients;

import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.List;

import dev.jwtauth.oauth.OAuthClient;
import dev.jwtauth.testing.IntegrationTest;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * HTTP Basic for OAuth clients form-urlencodes both parts before joining them (RFC 6749
 * section 2.3.1): a secret holding a colon, a percent sign, a plus or a non-ASCII letter
 * must arrive as it was made.
 */
class ClientSecretEncodingIntegrationTests extends IntegrationTest {

	private static final String SECRET = "p:a%25s+s w/rd&=é€";

	@Autowired
	private ServiceClients clients;

	@Test
	void basicWhenPartsFormUrlencodedThenSecretWithSpecialCharactersAccepted() throws Exception {
		NewServiceClient client = this.clients.add("encoding", List.of(), SECRET);
		Reply reply = perform(OAuthClient.post("/oauth/token", OAuthClient.basic(client.client().clientId(), SECRET),
				"grant_type", "client_credentials"));
		assertThat(reply.status()).as(reply.body()).isEqualTo(200);
		assertThat(reply.string("access_token")).isNotBlank();
	}

	@Test
	void basicWhenSecretSentUnencodedThenDecodedAndRefused() throws Exception {
		NewServiceClient client = this.clients.add("raw", List.of(), "a+b%41c");
		// Sent raw, "+" reads as a space and "%41" as "A": not the secret.
		String raw = "Basic " + Base64.getEncoder()
			.encodeToString((client.client().clientId() + ":a+b%41c").getBytes(StandardCharsets.UTF_8));
		Reply reply = perform(OAuthClient.post("/oauth/token", raw, "grant_type", "client_credentials"));
		assertThat(reply.status()).isEqualTo(401);
		assertThat(reply.object()).containsEntry("error", "invalid_client");
	}

}
