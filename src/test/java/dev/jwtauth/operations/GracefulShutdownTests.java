package dev.jwtauth.operations;

import java.io.File;
import java.io.IOException;
import java.io.InputStream;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.function.BooleanSupplier;

import dev.jwtauth.AuthApplication;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.fail;

/**
 * SIGTERM to a running service, in a process of its own as in production: the request
 * in flight finishes with its answer, new connections are refused meanwhile, and the
 * connection pool is closed before the process exits.
 */
class GracefulShutdownTests {

	private static final String PASSWORD = "violet staple orbit 42";

	private Process service;

	private Path log;

	@AfterEach
	void stop() throws InterruptedException {
		if (this.service != null && this.service.isAlive()) {
			this.service.destroyForcibly().waitFor(10, TimeUnit.SECONDS);
		}
	}

	@Test
	void sigtermWhenRequestInFlightThenItFinishesNewOnesAreRefusedAndThePoolCloses(@TempDir Path work)
			throws Exception {
		int port = freePort();
		String base = "http://127.0.0.1:" + port;
		this.service = start(work, port);
		HttpClient client = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();
		awaitTrue("the service to become ready", Duration.ofSeconds(90), () -> {
			assertThat(this.service.isAlive()).as("the service is running: %s", output()).isTrue();
			return status(client, base + "/actuator/health/readiness") == 200;
		});

		post(client, base + "/signup", "{\"username\": \"patient\", \"password\": \"" + PASSWORD + "\"}");
		String login = post(client, base + "/auth", "{\"username\": \"patient\", \"password\": \"" + PASSWORD + "\"}")
			.body();
		String token = login.replaceAll(".*\"access_token\":\"([^\"]+)\".*", "$1");

		CompletableFuture<HttpResponse<String>> inFlight = client.sendAsync(
				HttpRequest.newBuilder(URI.create(base + SlowRoute.PATH)).header("Authorization", "Bearer " + token).build(),
				HttpResponse.BodyHandlers.ofString());
		awaitTrue("the slow request to start", Duration.ofSeconds(10),
				() -> output().contains(SlowRoute.STARTED));

		this.service.destroy(); // SIGTERM
		awaitTrue("new connections to be refused while the slow request runs", Duration.ofSeconds(2),
				() -> status(HttpClient.newHttpClient(), base + "/ping") == -1);
		assertThat(inFlight).as("still in flight when new connections were refused").isNotDone();

		HttpResponse<String> answer = inFlight.get(20, TimeUnit.SECONDS);
		assertThat(answer.statusCode()).isEqualTo(200);
		assertThat(answer.body()).isEqualTo("finished");
		assertThat(this.service.waitFor(30, TimeUnit.SECONDS)).as("the process exits").isTrue();
		String log = output();
		assertThat(log).contains("Commencing graceful shutdown", "Graceful shutdown complete");
		assertThat(log).containsPattern("HikariPool-\\d+ - Shutdown completed");
		assertThat(log.indexOf("Graceful shutdown complete")).isLessThan(log.indexOf("Shutdown completed"));
	}

	private Process start(Path work, int port) throws IOException {
		List<String> command = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
				"-Xmx256m", "-XX:TieredStopAtLevel=1", "-cp", serviceClasspath(work), AuthApplication.class.getName(),
				"--server.port=" + port, "--server.address=127.0.0.1",
				"--spring.datasource.url=jdbc:h2:mem:shutdown;DB_CLOSE_DELAY=-1", "--spring.datasource.username=sa",
				"--spring.datasource.password=", "--spring.main.sources=" + SlowRoute.class.getName()));
		this.log = work.resolve("service.log");
		ProcessBuilder builder = new ProcessBuilder(command).directory(work.toFile())
			.redirectErrorStream(true)
			.redirectOutput(this.log.toFile());
		builder.environment().put("JWT_SECRET", "graceful-shutdown-test-secret-" + System.nanoTime() + "-padding");
		return builder.start();
	}

	/**
	 * The service's own classpath, without the test classes (whose test configurations
	 * its component scan would find), plus a directory holding {@link SlowRoute} alone.
	 */
	private static String serviceClasspath(Path work) throws IOException {
		Path extra = work.resolve("extra-classes");
		String resource = SlowRoute.class.getName().replace('.', '/') + ".class";
		Path target = extra.resolve(resource);
		Files.createDirectories(target.getParent());
		try (InputStream in = SlowRoute.class.getClassLoader().getResourceAsStream(resource)) {
			Files.copy(in, target);
		}
		List<String> entries = new ArrayList<>(Arrays.stream(System.getProperty("java.class.path").split(File.pathSeparator))
			.filter((entry) -> !Path.of(entry).endsWith("test-classes"))
			.toList());
		entries.add(extra.toString());
		return String.join(File.pathSeparator, entries);
	}

	/** What the service has written so far. */
	private String output() {
		try {
			return Files.readString(this.log, StandardCharsets.UTF_8);
		}
		catch (IOException ex) {
			return "";
		}
	}

	private static HttpResponse<String> post(HttpClient client, String url, String json) throws Exception {
		return client.send(HttpRequest.newBuilder(URI.create(url))
			.header("Content-Type", "application/json")
			.POST(HttpRequest.BodyPublishers.ofString(json))
			.build(), HttpResponse.BodyHandlers.ofString());
	}

	/** The status, or -1 when no answer came (refused or cut). */
	private static int status(HttpClient client, String url) {
		try {
			return client.send(HttpRequest.newBuilder(URI.create(url)).timeout(Duration.ofSeconds(2)).build(),
					HttpResponse.BodyHandlers.discarding())
				.statusCode();
		}
		catch (IOException ex) {
			return -1;
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			return -1;
		}
	}

	private void awaitTrue(String what, Duration limit, BooleanSupplier condition) throws InterruptedException {
		long deadline = System.nanoTime() + limit.toNanos();
		while (System.nanoTime() < deadline) {
			if (condition.getAsBoolean()) {
				return;
			}
			Thread.sleep(50);
		}
		fail("Timed out waiting for " + what + "; the service said:\n" + output());
	}

	private static int freePort() throws IOException {
		try (ServerSocket socket = new ServerSocket(0)) {
			return socket.getLocalPort();
		}
	}

}
