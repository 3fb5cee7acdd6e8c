package dev.jwtauth.testing;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.Map;

import dev.jwtauth.AuthApplication;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.boot.SpringApplication;
import org.springframework.context.ConfigurableApplicationContext;

/**
 * Two instances of the whole service on one database, each on a port of its own, called
 * over real HTTP: what one instance does, the other must honour.
 */
public abstract class TwoInstancesTest {

	protected static final String PASSWORD = "violet staple orbit 42";

	protected static final JsonMapper JSON = JsonMapper.builder().build();

	protected static final HttpClient HTTP = HttpClient.newHttpClient();

	protected static ConfigurableApplicationContext first;

	protected static ConfigurableApplicationContext second;

	@BeforeAll
	static void startTwoInstances() {
		first = start();
		second = start();
	}

	@AfterAll
	static void stop() {
		first.close();
		second.close();
	}

	private static ConfigurableApplicationContext start() {
		return SpringApplication.run(AuthApplication.class, "--server.port=0", "--spring.profiles.active=test");
	}

	protected static String base(ConfigurableApplicationContext instance) {
		return "http://127.0.0.1:" + instance.getEnvironment().getProperty("local.server.port");
	}

	/** POSTs JSON to the instance, with an access token when one is given. */
	@SuppressWarnings("unchecked")
	protected static Answer post(ConfigurableApplicationContext instance, String path, Object body, String... bearer)
			throws Exception {
		HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(base(instance) + path))
			.header("Content-Type", "application/json")
			.POST(HttpRequest.BodyPublishers.ofString(JSON.writeValueAsString(body)));
		if (bearer.length > 0) {
			request.header("Authorization", "Bearer " + bearer[0]);
		}
		HttpResponse<String> response = HTTP.send(request.build(), HttpResponse.BodyHandlers.ofString());
		return new Answer(response.statusCode(), JSON.readValue(response.body(), Map.class));
	}

	/** An instance's answer with its JSON body. */
	protected record Answer(int status, Map<String, Object> body) {

		public String string(String field) {
			return (String) this.body.get(field);
		}

	}

}
