package dev.jwtauth.errors;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.ActiveProfiles;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Thousands of hostile requests from {@link HostileRequestGenerator} against the real
 * server: none may answer 5xx, every 4xx is a problem document, and an account made
 * before the storm still logs in after it. The seed is fixed so that a failure can be
 * replayed; {@code -Dfuzz.seed=...} and {@code -Dfuzz.requests=...} change it and the
 * number of requests for longer runs.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@ActiveProfiles("test")
class RequestFuzzIntegrationTests {

	private static final String PASSWORD = "violet staple orbit 42";

	private final HttpClient client = HttpClient.newHttpClient();

	@LocalServerPort
	private int port;

	@Autowired
	private JsonMapper json;

	@Test
	void hostileRequestsWhenSentThenNo5xxAndEvery4xxIsAProblemAndNothingIsLost() throws Exception {
		long seed = Long.getLong("fuzz.seed", 20_261_204L);
		int count = Integer.getInteger("fuzz.requests", 2_000);
		String survivor = "survivor-" + Long.toString(seed, 36).replace('-', 'm');
		assertThat(postJson("/signup", survivor).statusCode()).isEqualTo(201);
		String fuzzer = survivor.replace("survivor", "fuzzer");
		assertThat(postJson("/signup", fuzzer).statusCode()).isEqualTo(201);
		String token = (String) readMap(postJson("/auth", fuzzer).body()).get("access_token");

		HostileRequestGenerator generator = new HostileRequestGenerator(seed, token);
		List<String> failures = new ArrayList<>();
		for (int i = 0; i < count; i++) {
			HostileRequestGenerator.Request request = generator.next();
			RawHttp.Answer answer = RawHttp.exchange(this.port, request.bytes());
			String failure = judge(request, answer);
			if (failure != null) {
				failures.add("#" + i + " " + request.description() + " -> " + failure);
			}
		}
		assertThat(failures).as("failures with seed %d (replay with -Dfuzz.seed=%d -Dfuzz.requests=%d)", seed, seed,
				count)
			.isEmpty();

		HttpResponse<String> login = postJson("/auth", survivor);
		assertThat(login.statusCode()).as("the account made before the fuzz still logs in").isEqualTo(200);
		String survivorToken = (String) readMap(login.body()).get("access_token");
		HttpResponse<String> me = this.client.send(HttpRequest.newBuilder(uri("/me"))
			.header("Authorization", "Bearer " + survivorToken)
			.build(), HttpResponse.BodyHandlers.ofString());
		assertThat(me.statusCode()).isEqualTo(200);
		assertThat(readMap(me.body())).containsEntry("username", survivor);
	}

	/** What is wrong with the answer, or {@code null} when nothing is. */
	private String judge(HostileRequestGenerator.Request request, RawHttp.Answer answer) {
		if (answer.status() < 0) {
			return "no HTTP answer: " + abbreviate(answer.body());
		}
		// RFC 9110's answer to a method the server does not implement at all (Tomcat: CONNECT).
		boolean unimplemented = answer.status() == 501 && request.method().equals("CONNECT");
		if (answer.status() >= 500 && !unimplemented) {
			return answer.status() + " " + abbreviate(answer.body());
		}
		if (answer.status() < 400 || request.method().equals("HEAD")) {
			return null;
		}
		String type = answer.header("Content-Type");
		if (type == null || !type.startsWith("application/problem+json")) {
			return answer.status() + " with Content-Type " + type + ": " + abbreviate(answer.body());
		}
		try {
			Map<String, Object> problem = readMap(answer.body());
			if (!problem.containsKey("type") || !problem.containsKey("title")
					|| !Integer.valueOf(answer.status()).equals(problem.get("status"))) {
				return answer.status() + " with an incomplete problem: " + abbreviate(answer.body());
			}
		}
		catch (RuntimeException ex) {
			return answer.status() + " with a body that is not JSON: " + abbreviate(answer.body());
		}
		return null;
	}

	@SuppressWarnings("unchecked")
	private Map<String, Object> readMap(String body) {
		return this.json.readValue(body, Map.class);
	}

	private HttpResponse<String> postJson(String path, String username) throws Exception {
		String body = this.json.writeValueAsString(Map.of("username", username, "password", PASSWORD));
		return this.client.send(HttpRequest.newBuilder(uri(path))
			.header("Content-Type", "application/json")
			.POST(HttpRequest.BodyPublishers.ofString(body))
			.build(), HttpResponse.BodyHandlers.ofString());
	}

	private URI uri(String path) {
		return URI.create("http://localhost:" + this.port + path);
	}

	private static String abbreviate(String text) {
		return (text.length() > 200) ? text.substring(0, 200) + "..." : text;
	}

}
