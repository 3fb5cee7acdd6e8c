package dev.jwtauth.errors;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.Map;

import org.junit.jupiter.api.Test;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.ActiveProfiles;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Requests crafted to break the server's own parsing, sent over the wire to the real
 * server: each must be a 400 problem, never a 500, and the detail names nothing internal.
 * Shares its context (the server on a random port) with {@link RequestFuzzIntegrationTests}.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@ActiveProfiles("test")
class HostileRequestsIntegrationTests {

	private final HttpClient client = HttpClient.newHttpClient();

	@LocalServerPort
	private int port;

	@Autowired
	private JsonMapper json;

	@Test
	void formWhenParameterNameHasControlCharacterThen400Problem() throws Exception {
		assertBadRequestProblem(postForm("/signup", "application/x-www-form-urlencoded",
				"user%01name=ana&password=violet+staple+orbit+42"));
	}

	@Test
	void formWhenBodyCannotBeDecodedThen400Problem() throws Exception {
		assertBadRequestProblem(sendForm("PUT", "/work", "application/x-www-form-urlencoded; charset=UTF-8",
				"title=%zz%"));
	}

	@Test
	void formWhenPercentEncodingIsNotUtf8Then400Problem() throws Exception {
		assertBadRequestProblem(postForm("/auth", "application/x-www-form-urlencoded; charset=UTF-8",
				"username=%C3%28&password=secret"));
	}

	@Test
	void multipartWhenMalformedThen400Problem() throws Exception {
		assertBadRequestProblem(sendForm("POST", "/ping", "multipart/form-data", "--xyz\r\nnot a part"));
		assertBadRequestProblem(sendForm("POST", "/signup", "multipart/form-data; boundary=xyz", "--xyz\r\nbroken"));
	}

	@Test
	void unknownRouteWhenContentTypeIsAWildcardThen415Problem() throws Exception {
		assertProblem(sendForm("DELETE", "/nothing/here", "*/*", "x"), 415);
	}

	@Test
	void errorWhenAcceptHeaderIsNoMediaTypeThenStillAProblemBody() throws Exception {
		assertProblem(postAccepting("/actuator/health", "garbage//"), 405);
	}

	@Test
	void pageWhenPostedToWithoutAskingForHtmlThen405Problem() throws Exception {
		assertProblem(postAccepting("/", "application/problem+json"), 405);
	}

	private HttpResponse<String> postAccepting(String path, String accept) throws IOException, InterruptedException {
		HttpRequest request = HttpRequest.newBuilder(URI.create("http://localhost:" + this.port + path))
			.header("Accept", accept)
			.POST(HttpRequest.BodyPublishers.noBody())
			.build();
		return this.client.send(request, HttpResponse.BodyHandlers.ofString());
	}

	@SuppressWarnings("unchecked")
	private void assertProblem(HttpResponse<String> response, int status) {
		assertThat(response.statusCode()).as(response.body()).isEqualTo(status);
		assertThat(response.headers().firstValue("Content-Type")).hasValueSatisfying(
				(type) -> assertThat(type).startsWith("application/problem+json"));
		Map<String, Object> problem = this.json.readValue(response.body(), Map.class);
		assertThat(problem).containsEntry("type", "about:blank").containsEntry("status", status).containsKey("title");
	}

	private HttpResponse<String> postForm(String path, String contentType, String body)
			throws IOException, InterruptedException {
		return sendForm("POST", path, contentType, body);
	}

	private HttpResponse<String> sendForm(String method, String path, String contentType, String body)
			throws IOException, InterruptedException {
		HttpRequest request = HttpRequest.newBuilder(URI.create("http://localhost:" + this.port + path))
			.header("Content-Type", contentType)
			.method(method, HttpRequest.BodyPublishers.ofString(body, StandardCharsets.US_ASCII))
			.build();
		return this.client.send(request, HttpResponse.BodyHandlers.ofString());
	}

	private void assertBadRequestProblem(HttpResponse<String> response) {
		assertProblem(response, 400);
		assertThat(response.body()).doesNotContainIgnoringCase("exception")
			.doesNotContain("Could not")
			.doesNotContain("org.");
	}

}
