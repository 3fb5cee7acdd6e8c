package dev.jwtauth.operations;

import dev.jwtauth.testing.IntegrationTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Every answer carries an {@code X-Request-Id}, a proxy's own when it looks like an id,
 * and every log line written while serving the request carries the same id.
 */
@ExtendWith(OutputCaptureExtension.class)
class RequestIdIntegrationTests extends IntegrationTest {

	@Test
	void requestWhenNoIdThenOneIsGenerated() throws Exception {
		String first = get("/ping").header("X-Request-Id");
		String second = get("/ping").header("X-Request-Id");
		assertThat(first).matches("[0-9a-f]{32}");
		assertThat(second).matches("[0-9a-f]{32}").isNotEqualTo(first);
	}

	@Test
	void requestWhenSaneIdThenEchoed() throws Exception {
		assertThat(get("/ping", "X-Request-Id", "lb-7f3a.c9_2:1-x").header("X-Request-Id"))
			.isEqualTo("lb-7f3a.c9_2:1-x");
	}

	@Test
	void requestWhenIdIsNotAnIdThenReplaced() throws Exception {
		for (String presented : new String[] { "a b", "x\" forged=1", "a".repeat(65), "<script>", "" }) {
			assertThat(get("/ping", "X-Request-Id", presented).header("X-Request-Id")).as(presented)
				.matches("[0-9a-f]{32}");
		}
	}

	@Test
	void requestIdWhenRefusedByTheFilterChainThenStillSent() throws Exception {
		Reply reply = get("/me", "X-Request-Id", "unauthenticated-1");
		assertThat(reply.status()).isEqualTo(401);
		assertThat(reply.header("X-Request-Id")).isEqualTo("unauthenticated-1");
	}

	@Test
	void logLinesWhenServingARequestThenCarryItsId(CapturedOutput output) throws Exception {
		String id = "audit-trace-" + uniqueName("id");
		User user = signup("traced");
		postJson("/auth", map("username", user.username(), "password", "wrong " + PASSWORD), "X-Request-Id", id);
		assertThat(output.getOut().lines().filter((line) -> line.contains("event=login")))
			.anySatisfy((line) -> assertThat(line).contains("[" + id + "]").contains("outcome=failure"));
		// Lines written outside any request carry no id, and no empty brackets either.
		assertThat(output.getOut().lines().filter((line) -> line.contains("] [] "))).isEmpty();
	}

}
