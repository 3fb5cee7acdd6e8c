package dev.jwtauth;

import java.util.List;
import java.util.Map;

import dev.jwtauth.testing.IntegrationTest;
import org.junit.jupiter.api.Test;

import org.springframework.http.MediaType;
import org.springframework.test.web.servlet.request.MockMvcRequestBuilders;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The four tutorial clients, each end to end exactly as it talks: none of them needs a
 * change to work against this service.
 */
class TutorialClientsIntegrationTests extends IntegrationTest {

	@Test
	void flaskJwtClientWhenAuthThenJwtSchemeWorks() throws Exception {
		User user = signup("flask");
		// Flask-JWT: POST /auth with JSON, read access_token, send "Authorization: JWT <token>"
		Reply auth = postJson("/auth", map("username", user.username(), "password", PASSWORD));
		assertThat(auth.status()).isEqualTo(200);
		Reply protectedRoute = get("/protected", "Authorization", "JWT " + auth.string("access_token"));
		assertThat(protectedRoute.status()).isEqualTo(200);
		assertThat(protectedRoute.string("username")).isEqualTo(user.username());
	}

	@Test
	void flaskJwtExtendedClientWhenLoginThenBearerWorks() throws Exception {
		User user = signup("fjx");
		// flask-jwt-extended: POST /login (or /auth), then "Authorization: Bearer <token>"
		for (String path : List.of("/login", "/auth")) {
			Reply login = postJson(path, map("username", user.username(), "password", PASSWORD));
			Reply hello = get("/hello", "Authorization", "Bearer " + login.string("access_token"));
			assertThat(hello.status()).isEqualTo(200);
			assertThat(hello.object()).isEqualTo(Map.of("message", "Hello, " + user.username() + "!"));
		}
	}

	@Test
	void pyJwtTutorialClientWhenFormsThenAccessTokenHeaderWorks() throws Exception {
		String email = uniqueName("geek") + "@example.com";
		// PyJWT tutorial: signup and login as HTML form posts with name, email, password
		Reply signup = perform(MockMvcRequestBuilders.post("/signup")
			.contentType(MediaType.APPLICATION_FORM_URLENCODED)
			.param("name", "Geek")
			.param("email", email)
			.param("password", PASSWORD));
		assertThat(signup.status()).isEqualTo(201);
		Reply login = perform(MockMvcRequestBuilders.post("/login")
			.contentType(MediaType.APPLICATION_FORM_URLENCODED)
			.param("email", email)
			.param("password", PASSWORD));
		assertThat(login.status()).isEqualTo(200);
		// the token sent back in an x-access-token header
		Reply users = get("/me", "x-access-token", login.string("token"));
		assertThat(users.status()).isEqualTo(200);
		assertThat(users.object()).containsEntry("email", email).containsEntry("name", "Geek");
	}

	@Test
	void fetchClientWhenTokenThenReadsTokenAndUserId() throws Exception {
		User user = signup("react");
		// React/fetch: POST /token, read token and user_id from the answer
		Reply token = postJson("/token", map("username", user.username(), "password", PASSWORD));
		assertThat(token.status()).isEqualTo(200);
		assertThat(token.string("user_id")).isEqualTo(user.id().toString());
		Reply work = postJson("/work", map("title", "from fetch"), "Authorization", "Bearer " + token.string("token"));
		assertThat(work.status()).isEqualTo(201);
		Reply me = get("/users/" + token.string("user_id"), "Authorization", "Bearer " + token.string("token"));
		assertThat(me.string("username")).isEqualTo(user.username());
	}

}
