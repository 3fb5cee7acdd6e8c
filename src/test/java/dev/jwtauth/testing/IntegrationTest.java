package dev.jwtauth.testing;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ThreadLocalRandom;

import tools.jackson.databind.json.JsonMapper;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.http.MediaType;
import org.springframework.mock.web.MockHttpServletResponse;
import org.springframework.test.context.ActiveProfiles;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.RequestBuilder;
import org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder;
import org.springframework.test.web.servlet.request.MockMvcRequestBuilders;

/**
 * The whole service in one context, called through MockMvc with real requests and real
 * tokens. Every test makes its own users, so tests need no order and no cleanup.
 */
@SpringBootTest
@AutoConfigureMockMvc
@ActiveProfiles("test")
public abstract class IntegrationTest {

	/** A password that passes every rule; tests that need another one say so. */
	protected static final String PASSWORD = "violet staple orbit 42";

	@Autowired
	protected MockMvc mvc;

	@Autowired
	protected JsonMapper json;

	/** A username no other test uses. */
	protected static String uniqueName(String prefix) {
		return prefix + "-" + Long.toString(ThreadLocalRandom.current().nextLong() & Long.MAX_VALUE, 36);
	}

	protected Reply perform(RequestBuilder request) throws Exception {
		MockHttpServletResponse response = this.mvc.perform(request).andReturn().getResponse();
		return new Reply(response, this.json);
	}

	protected Reply postJson(String path, Object body, String... headers) throws Exception {
		MockHttpServletRequestBuilder request = MockMvcRequestBuilders.post(path)
			.contentType(MediaType.APPLICATION_JSON)
			.content((body instanceof String text) ? text : this.json.writeValueAsString(body));
		return perform(withHeaders(request, headers));
	}

	protected Reply get(String path, String... headers) throws Exception {
		return perform(withHeaders(MockMvcRequestBuilders.get(path), headers));
	}

	protected Reply getWithToken(String path, String token) throws Exception {
		return get(path, "Authorization", "Bearer " + token);
	}

	/** Signs up a new user with {@link #PASSWORD} and returns its name and id. */
	protected User signup(String prefix) throws Exception {
		String username = uniqueName(prefix);
		Reply reply = postJson("/signup", Map.of("username", username, "password", PASSWORD));
		if (reply.status() != 201) {
			throw new IllegalStateException("signup failed: " + reply.body());
		}
		return new User(UUID.fromString(reply.string("id")), username, PASSWORD);
	}

	protected String login(String username, String password) throws Exception {
		Reply reply = postJson("/auth", Map.of("username", username, "password", password));
		if (reply.status() != 200) {
			throw new IllegalStateException("login failed: " + reply.body());
		}
		return reply.string("access_token");
	}

	protected String login(User user) throws Exception {
		return login(user.username(), user.password());
	}

	private static MockHttpServletRequestBuilder withHeaders(MockHttpServletRequestBuilder request,
			String... headers) {
		for (int i = 0; i + 1 < headers.length; i += 2) {
			request.header(headers[i], headers[i + 1]);
		}
		return request;
	}

	protected static Map<String, Object> map(Object... keysAndValues) {
		Map<String, Object> map = new LinkedHashMap<>();
		for (int i = 0; i + 1 < keysAndValues.length; i += 2) {
			map.put((String) keysAndValues[i], keysAndValues[i + 1]);
		}
		return map;
	}

	public record User(UUID id, String username, String password) {
	}

	/** A response with its JSON body parsed. */
	public record Reply(MockHttpServletResponse raw, JsonMapper json) {

		public int status() {
			return this.raw.getStatus();
		}

		public String body() {
			try {
				return this.raw.getContentAsString();
			}
			catch (Exception ex) {
				throw new IllegalStateException(ex);
			}
		}

		public String header(String name) {
			return this.raw.getHeader(name);
		}

		public String contentType() {
			return this.raw.getContentType();
		}

		public Map<String, Object> object() {
			return this.json.readValue(body(), Map.class);
		}

		public List<Object> list() {
			return this.json.readValue(body(), List.class);
		}

		public String string(String field) {
			return (String) object().get(field);
		}

		/** The fields named in a problem's {@code errors}. */
		@SuppressWarnings("unchecked")
		public List<String> errorFields() {
			List<Map<String, Object>> errors = (List<Map<String, Object>>) object().get("errors");
			return (errors != null) ? errors.stream().map((error) -> (String) error.get("field")).toList() : List.of();
		}

	}

}
