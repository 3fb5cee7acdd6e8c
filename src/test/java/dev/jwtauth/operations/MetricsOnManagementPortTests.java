package dev.jwtauth.operations;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;

import org.junit.jupiter.api.Test;

import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.SpringBootTest.WebEnvironment;
import org.springframework.boot.test.web.server.LocalManagementPort;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.mock.env.MockEnvironment;
import org.springframework.test.context.ActiveProfiles;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalStateException;

/**
 * The opt-in for scrapers: with the actuator on a port of its own, the Prometheus text is
 * served there without a token, and is still not served on the service's own port.
 */
@SpringBootTest(webEnvironment = WebEnvironment.RANDOM_PORT,
		properties = { "management.server.port=0", "management.server.address=127.0.0.1",
				"operations.metrics-open-on-management-port=true" })
@ActiveProfiles("test")
class MetricsOnManagementPortTests {

	private final HttpClient client = HttpClient.newHttpClient();

	@LocalServerPort
	private int serverPort;

	@LocalManagementPort
	private int managementPort;

	@Test
	void prometheusWhenOpenOnManagementPortThenServedThereWithoutToken() throws Exception {
		HttpResponse<String> scrape = get(this.managementPort, "/actuator/prometheus");
		assertThat(scrape.statusCode()).isEqualTo(200);
		assertThat(scrape.body()).contains("jwtauth_logins_total", "jvm_memory_used_bytes");
		assertThat(get(this.managementPort, "/actuator/health/readiness").statusCode()).isEqualTo(200);
	}

	@Test
	void prometheusWhenOpenOnManagementPortThenNotOnTheServicePort() throws Exception {
		HttpResponse<String> reply = get(this.serverPort, "/actuator/prometheus");
		assertThat(reply.statusCode()).isEqualTo(404);
		assertThat(reply.body()).doesNotContain("jvm_memory_used_bytes");
	}

	@Test
	void openMetricsWhenNoManagementPortThenStartRefused() {
		assertThatIllegalStateException().isThrownBy(() -> new MetricsAccess(true, new MockEnvironment()))
			.withMessageContaining("MANAGEMENT_SERVER_PORT");
		assertThatIllegalStateException()
			.isThrownBy(() -> new MetricsAccess(true,
					new MockEnvironment().withProperty("server.port", "8080").withProperty("management.server.port", "8080")))
			.withMessageContaining("MANAGEMENT_SERVER_PORT");
	}

	private HttpResponse<String> get(int port, String path) throws Exception {
		return this.client.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + path)).build(),
				HttpResponse.BodyHandlers.ofString());
	}

}
