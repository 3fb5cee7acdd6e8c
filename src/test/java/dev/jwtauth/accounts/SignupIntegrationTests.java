package dev.jwtauth.accounts;

import java.util.Map;

import dev.jwtauth.testing.IntegrationTest;
import org.junit.jupiter.api.Test;

import org.springframework.http.MediaType;
import org.springframework.mock.web.MockMultipartFile;
import org.springframework.test.web.servlet.request.MockMvcRequestBuilders;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Every row of the contract's {@code POST /signup} table.
 */
class SignupIntegrationTests extends IntegrationTest {

	@Test
	void signupWhenJsonValidThen201WithLocationAndPublicFields() throws Exception {
		String username = uniqueName("ann");
		Reply reply = postJson("/signup",
				map("username", username, "password", PASSWORD, "email", username + "@example.com", "name", "Ann"));
		assertThat(reply.status()).isEqualTo(201);
		String id = reply.string("id");
		assertThat(id).matches("[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[0-9a-f]{4}-[0-9a-f]{12}");
		assertThat(reply.header("Location")).isEqualTo("/users/" + id);
		assertThat(reply.object()).containsOnlyKeys("id", "username", "email", "name")
			.containsEntry("username", username)
			.containsEntry("email", username + "@example.com")
			.containsEntry("name", "Ann");
		assertThat(reply.body()).doesNotContain(PASSWORD).doesNotContainIgnoringCase("hash");
	}

	@Test
	void signupWhenEmailAndNameLeftOutThenTheyAreNull() throws Exception {
		Reply reply = postJson("/signup", map("username", uniqueName("bo"), "password", PASSWORD));
		assertThat(reply.status()).isEqualTo(201);
		assertThat(reply.object()).containsEntry("email", null).containsEntry("name", null);
	}

	@Test
	void signupWhenHtmlFormWithNameEmailPasswordThenEmailIsTheLoginName() throws Exception {
		String email = uniqueName("carol") + "@example.com";
		Reply reply = perform(MockMvcRequestBuilders.post("/signup")
			.contentType(MediaType.APPLICATION_FORM_URLENCODED)
			.param("name", "Carol")
			.param("email", email)
			.param("password", PASSWORD));
		assertThat(reply.status()).isEqualTo(201);
		assertThat(reply.object()).containsEntry("username", email).containsEntry("email", email);
		assertThat(login(email.toUpperCase(), PASSWORD)).isNotBlank();
	}

	@Test
	void signupWhenMultipartFormThen201() throws Exception {
		String username = uniqueName("dan");
		Reply reply = perform(MockMvcRequestBuilders.multipart("/signup")
			.file(new MockMultipartFile("unused", new byte[0]))
			.param("username", username)
			.param("password", PASSWORD));
		assertThat(reply.status()).isEqualTo(201);
		assertThat(reply.string("username")).isEqualTo(username);
	}

	@Test
	void signupWhenUsernameTakenInAnyCaseThen409() throws Exception {
		String username = uniqueName("eve");
		assertThat(postJson("/signup", map("username", username, "password", PASSWORD)).status()).isEqualTo(201);
		Reply reply = postJson("/signup", map("username", username.toUpperCase(), "password", PASSWORD));
		assertThat(reply.status()).isEqualTo(409);
		assertThat(reply.contentType()).startsWith("application/problem+json");
		assertThat(reply.object()).containsEntry("status", 409).containsKeys("type", "title", "detail");
	}

	@Test
	void signupWhenUsernameIsAnotherUsersEmailOrTheReverseThen409() throws Exception {
		String email = uniqueName("fay") + "@example.com";
		String username = uniqueName("fay");
		assertThat(postJson("/signup", map("username", username, "password", PASSWORD, "email", email)).status())
			.isEqualTo(201);
		assertThat(postJson("/signup", map("username", email.toUpperCase(), "password", PASSWORD)).status())
			.isEqualTo(409);
		assertThat(postJson("/signup", map("username", uniqueName("g"), "password", PASSWORD, "email", email))
			.status()).isEqualTo(409);
		String otherEmail = uniqueName("h") + "@example.com";
		assertThat(postJson("/signup", map("username", otherEmail, "password", PASSWORD)).status()).isEqualTo(201);
		assertThat(postJson("/signup", map("username", uniqueName("i"), "password", PASSWORD, "email", otherEmail))
			.status()).isEqualTo(409);
	}

	@Test
	void signupWhenFullWidthLookAlikeOfATakenNameThen409() throws Exception {
		String username = "ann" + Long.toString(System.nanoTime(), 36);
		assertThat(postJson("/signup", map("username", username, "password", PASSWORD)).status()).isEqualTo(201);
		// "ａｎｎ..." in full-width letters normalises (NFKC) to the same name
		StringBuilder fullWidth = new StringBuilder();
		username.chars().forEach((c) -> fullWidth.appendCodePoint(Character.isLetter(c) ? c - 'a' + 'ａ' : c));
		assertThat(postJson("/signup", map("username", fullWidth.toString(), "password", PASSWORD)).status())
			.isEqualTo(409);
	}

	@Test
	void signupWhenFieldsMissingThen400NamingThem() throws Exception {
		Reply reply = postJson("/signup", Map.of());
		assertThat(reply.status()).isEqualTo(400);
		assertThat(reply.errorFields()).containsExactlyInAnyOrder("username", "password");
	}

	@Test
	void signupWhenUsernameIsANumberThen400NotCoerced() throws Exception {
		Reply reply = postJson("/signup", "{\"username\": 12345, \"password\": \"" + PASSWORD + "\"}");
		assertThat(reply.status()).isEqualTo(400);
		assertThat(reply.errorFields()).containsExactly("username");
		assertThat(postJson("/signup", "{\"username\": true, \"password\": \"" + PASSWORD + "\"}").status())
			.isEqualTo(400);
		assertThat(postJson("/signup", "{\"username\": [\"x\"], \"password\": \"" + PASSWORD + "\"}").status())
			.isEqualTo(400);
	}

	@Test
	void signupWhenUsernameMalformedThen400() throws Exception {
		for (String bad : new String[] { "ab", "x".repeat(65), "has space", "semi;colon", "tab\tname", "null\u0000" }) {
			Reply reply = postJson("/signup", map("username", bad, "password", PASSWORD));
			assertThat(reply.status()).as(bad).isEqualTo(400);
			assertThat(reply.errorFields()).as(bad).containsExactly("username");
		}
	}

	@Test
	void signupWhenEmailMalformedThen400() throws Exception {
		Reply reply = postJson("/signup", map("username", uniqueName("j"), "password", PASSWORD, "email", "not-an-email"));
		assertThat(reply.status()).isEqualTo(400);
		assertThat(reply.errorFields()).containsExactly("email");
	}

	@Test
	void signupWhenPasswordOutside8To128CharactersThen400() throws Exception {
		for (String bad : new String[] { "Xy7!abc", "k".repeat(60) + "Q9".repeat(35) }) {
			Reply reply = postJson("/signup", map("username", uniqueName("k"), "password", bad));
			assertThat(reply.status()).as("length %d", bad.length()).isEqualTo(400);
			assertThat(reply.errorFields()).containsExactly("password");
		}
		assertThat(postJson("/signup", map("username", uniqueName("k"), "password", "Zq8#vLp2")).status())
			.isEqualTo(201);
	}

	@Test
	void signupWhenPasswordIsCommonThen400SayingWhy() throws Exception {
		for (String common : new String[] { "password", "12345678", "iloveyou", "Qwertyuiop", "PASSWORD1" }) {
			Reply reply = postJson("/signup", map("username", uniqueName("l"), "password", common));
			assertThat(reply.status()).as(common).isEqualTo(400);
			assertThat(reply.body()).contains("common");
		}
	}

	@Test
	void signupWhenPasswordEqualsUsernameOrEmailThen400() throws Exception {
		String username = uniqueName("marvin");
		assertThat(postJson("/signup", map("username", username, "password", username.toUpperCase())).status())
			.isEqualTo(400);
		String email = uniqueName("nora") + "@example.com";
		Reply reply = postJson("/signup", map("username", uniqueName("n"), "password", email, "email", email));
		assertThat(reply.status()).isEqualTo(400);
		assertThat(reply.errorFields()).containsExactly("password");
	}

	@Test
	void signupWhenPasswordOf128CharactersThenUsedWhole() throws Exception {
		// Two passwords that share their first 72 bytes: bcrypt would treat them as one.
		String shared = "s".repeat(40) + "7wQ#".repeat(8);
		String password = shared + "first-ending-" + "a".repeat(43);
		String other = shared + "other-ending-" + "a".repeat(43);
		assertThat(password).hasSize(128);
		assertThat(password.substring(0, 72)).isEqualTo(other.substring(0, 72));
		String username = uniqueName("olga");
		assertThat(postJson("/signup", map("username", username, "password", password)).status()).isEqualTo(201);
		assertThat(postJson("/auth", map("username", username, "password", password)).status()).isEqualTo(200);
		assertThat(postJson("/auth", map("username", username, "password", other)).status()).isEqualTo(401);
		assertThat(postJson("/auth", map("username", username, "password", password.substring(0, 72))).status())
			.isEqualTo(401);
	}

	@Test
	void signupWhenBodyIsNotJsonOrFormThen415() throws Exception {
		Reply reply = perform(MockMvcRequestBuilders.post("/signup").contentType(MediaType.TEXT_PLAIN).content("hi"));
		assertThat(reply.status()).isEqualTo(415);
		assertThat(reply.contentType()).startsWith("application/problem+json");
		assertThat(perform(MockMvcRequestBuilders.post("/signup").content("{}")).status()).isEqualTo(415);
	}

	@Test
	void signupWhenBodyOver16KiBThen413() throws Exception {
		String body = "{\"username\":\"" + "a".repeat(17 * 1024) + "\",\"password\":\"x\"}";
		Reply reply = postJson("/signup", body);
		assertThat(reply.status()).isEqualTo(413);
		assertThat(reply.contentType()).startsWith("application/problem+json");
	}

	@Test
	void signupWhenMalformedJsonThen400Problem() throws Exception {
		Reply reply = postJson("/signup", "{\"username\": \"x\", ");
		assertThat(reply.status()).isEqualTo(400);
		assertThat(reply.contentType()).startsWith("application/problem+json");
		assertThat(reply.object()).containsEntry("status", 400);
	}

	@Test
	void signupWhenGetThen405() throws Exception {
		assertThat(get("/signup").status()).isEqualTo(405);
	}

}
