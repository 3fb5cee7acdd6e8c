package dev.jwtauth.login;

import java.util.Base64;
import java.util.List;
import java.util.Map;

import dev.jwtauth.testing.IntegrationTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import org.springframework.http.MediaType;
import org.springframework.test.web.servlet.request.MockMvcRequestBuilders;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * {@code POST /auth}, {@code /login} and {@code /token}: the contract's login table.
 */
class LoginIntegrationTests extends IntegrationTest {

	@ParameterizedTest
	@ValueSource(strings = { "/auth", "/login", "/token" })
	void loginWhenGoodCredentialsThenTokenAnswerOfTheContract(String path) throws Exception {
		User user = signup("pat");
		Reply reply = postJson(path, map("username", user.username(), "password", PASSWORD));
		assertThat(reply.status()).isEqualTo(200);
		Map<String, Object> body = reply.object();
		assertThat(body).containsEntry("token_type", "Bearer")
			.containsEntry("expires_in", 900)
			.containsEntry("user_id", user.id().toString())
			.containsKeys("access_token", "token");
		assertThat(body.get("token")).isEqualTo(body.get("access_token"));
		assertThat(reply.header("Cache-Control")).contains("no-store");
		assertThat(getWithToken("/me", (String) body.get("access_token")).status()).isEqualTo(200);
	}

	@Test
	@SuppressWarnings("unchecked")
	void loginWhenGoodCredentialsThenTokenCarriesTheContractsClaims() throws Exception {
		User user = signup("quinn");
		String[] parts = login(user).split("\\.");
		Map<String, Object> header = this.json.readValue(Base64.getUrlDecoder().decode(parts[0]), Map.class);
		Map<String, Object> claims = this.json.readValue(Base64.getUrlDecoder().decode(parts[1]), Map.class);
		assertThat(header).containsEntry("typ", "at+jwt").containsEntry("alg", "HS256");
		assertThat(claims).containsEntry("sub", user.id().toString())
			.containsEntry("iss", "jwt-auth-service")
			.containsEntry("roles", List.of("USER"))
			.containsKeys("iat", "nbf", "exp", "jti");
		assertThat(((Number) claims.get("exp")).longValue() - ((Number) claims.get("iat")).longValue())
			.isEqualTo(900);
	}

	@Test
	void loginWhenEmailInAnyCaseThen200() throws Exception {
		String email = uniqueName("rae") + "@Example.com";
		postJson("/signup", map("username", uniqueName("rae"), "password", PASSWORD, "email", email));
		assertThat(postJson("/auth", map("email", email.toLowerCase(), "password", PASSWORD)).status())
			.isEqualTo(200);
		assertThat(postJson("/auth", map("username", email.toUpperCase(), "password", PASSWORD)).status())
			.isEqualTo(200);
	}

	@Test
	void loginWhenUsernameInOtherCaseThen200() throws Exception {
		User user = signup("Sam");
		assertThat(postJson("/login", map("username", user.username().toUpperCase(), "password", PASSWORD))
			.status()).isEqualTo(200);
	}

	@Test
	void loginWhenHtmlFormThen200() throws Exception {
		User user = signup("tia");
		Reply reply = perform(MockMvcRequestBuilders.post("/login")
			.contentType(MediaType.APPLICATION_FORM_URLENCODED)
			.param("username", user.username())
			.param("password", PASSWORD));
		assertThat(reply.status()).isEqualTo(200);
		assertThat(reply.string("access_token")).isNotBlank();
	}

	@Test
	void loginWhenUnknownUserOrWrongPasswordThenSameProblem() throws Exception {
		User user = signup("uma");
		Reply wrongPassword = postJson("/auth", map("username", user.username(), "password", "not the password"));
		Reply unknownUser = postJson("/auth", map("username", uniqueName("nobody"), "password", "not the password"));
		assertThat(wrongPassword.status()).isEqualTo(401);
		assertThat(unknownUser.status()).isEqualTo(401);
		assertThat(wrongPassword.contentType()).startsWith("application/problem+json");
		Map<String, Object> a = wrongPassword.object();
		Map<String, Object> b = unknownUser.object();
		a.remove("instance");
		b.remove("instance");
		assertThat(a).isEqualTo(b);
	}

	@Test
	void loginWhenPasswordIsLongerThanAnyStoredOneThen401() throws Exception {
		User user = signup("vic");
		assertThat(postJson("/auth", map("username", user.username(), "password", PASSWORD + "x".repeat(200)))
			.status()).isEqualTo(401);
	}

	@Test
	void loginWhenFieldsMissingThen400() throws Exception {
		Reply reply = postJson("/auth", Map.of());
		assertThat(reply.status()).isEqualTo(400);
		assertThat(reply.errorFields()).containsExactlyInAnyOrder("username", "password");
	}

	@Test
	void loginWhenPasswordIsNotAStringThen400() throws Exception {
		Reply reply = postJson("/auth", "{\"username\":\"someone\",\"password\":12345678}");
		assertThat(reply.status()).isEqualTo(400);
		assertThat(reply.errorFields()).containsExactly("password");
	}

	@Test
	void loginWhenBodyIsPlainTextThen415() throws Exception {
		assertThat(perform(MockMvcRequestBuilders.post("/auth").contentType(MediaType.TEXT_PLAIN).content("x"))
			.status()).isEqualTo(415);
	}

}
