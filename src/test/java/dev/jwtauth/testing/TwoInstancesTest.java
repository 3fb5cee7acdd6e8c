package dev.jwtauth.testing;

import java.net.http.HttpClient;

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

}
