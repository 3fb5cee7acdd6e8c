package dev.jwtauth.testing;

import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.Map;
import java.util.stream.Stream;

import dev.jwtauth.AuthApplication;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.TestInfo;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.boot.SpringApplication;
import org.springframework.context.ConfigurableApplicationContext;

/**
 * Two instances of the whole service on one database, each on a port of its own, called
 * over real HTTP: what one instance does, the other must honour. A test class may give
 * both instances settings of its own with {@link Settings}.
 */
public abstract class TwoInstancesTest {

	protected static final String PASSWORD = "violet staple orbit 42";

	protected static final JsonMapper JSON = JsonMapper.builder().build();

	protected static final HttpClient HTTP = HttpClient.newHttpClient();

	protected static ConfigurableApplicationContext first;

	protected static ConfigurableApplicationContext second;

	/** Settings ({@code name=value}) both instances start with, over the test profile's. */
	@Retention(RetentionPolicy.RUNTIME)
	@Target(ElementType.TYPE)
	public @interface Settings {

		String[] value();

	}

	@BeforeAll
	static void startTwoInstances(TestInfo test) {
		String[] settings = test.getTestClass()
			.map((type) -> type.getAnnotation(Settings.class))
			.map(Settings::value)
			.orElse(new String[0]);
		first = start(settings);
		second = start(settings);
	}

	@AfterAll
	static void stop() {
		first.close();
		second.close();
	}

	private static ConfigurableApplicationContext start(String... settings) {
		String[] args = Stream
			.concat(Stream.of("server.port=0", "spring.profiles.active=test"), Stream.of(settings))
			.map((setting) -> "--" + setting)
			.toArray(String[]::new);
		return SpringApplication.run(AuthApplication.class, args);
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
