package dev.jwtauth.cli;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.InputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.ThreadLocalRandom;

import org.junit.jupiter.api.Test;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.SpringApplicationRunListener;
import org.springframework.boot.web.server.context.WebServerApplicationContext;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.scheduling.TaskScheduler;
import org.springframework.scheduling.annotation.ScheduledAnnotationBeanPostProcessor;
import org.springframework.security.web.SecurityFilterChain;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * {@code useradd} as an operator runs it: password piped on standard input, never an
 * argument, clear failures, and only what creating an account needs started.
 */
class UserAddCommandTests {

	private static final String PASSWORD = "violet staple orbit 42";

	private static String uniqueName() {
		return "op-" + Long.toString(ThreadLocalRandom.current().nextLong() & Long.MAX_VALUE, 36);
	}

	private Result runInProcess(String stdin, String... args) {
		InputStream in = System.in;
		PrintStream out = System.out;
		PrintStream err = System.err;
		ByteArrayOutputStream stdout = new ByteArrayOutputStream();
		ByteArrayOutputStream stderr = new ByteArrayOutputStream();
		try {
			System.setIn(new ByteArrayInputStream(stdin.getBytes(StandardCharsets.UTF_8)));
			System.setOut(new PrintStream(stdout, true, StandardCharsets.UTF_8));
			System.setErr(new PrintStream(stderr, true, StandardCharsets.UTF_8));
			List<String> all = new ArrayList<>(List.of(args));
			all.add(0, "useradd");
			all.addAll(List.of("--", "--spring.profiles.active=test"));
			int status = UserAddCommand.run(all.toArray(String[]::new));
			return new Result(status, stdout.toString(StandardCharsets.UTF_8), stderr.toString(StandardCharsets.UTF_8));
		}
		finally {
			System.setIn(in);
			System.setOut(out);
			System.setErr(err);
		}
	}

	@Test
	void useraddWhenPasswordPipedThenCreatesTheUser() {
		String username = uniqueName();
		Result result = runInProcess(PASSWORD + "\n", "--username", username, "--email", username + "@example.com");
		assertThat(result.status()).isZero();
		assertThat(result.stdout()).contains("Created user " + username);
		assertThat(result.stdout() + result.stderr()).doesNotContain(PASSWORD);
	}

	@Test
	void useraddWhenRunThenStartsNeitherWebServerNorBackgroundJobs() {
		List<String> started = new ArrayList<>();
		SpringApplicationRunListener watcher = new SpringApplicationRunListener() {
			@Override
			public void started(ConfigurableApplicationContext context, Duration timeTaken) {
				if (context instanceof WebServerApplicationContext) {
					started.add("web server");
				}
				for (Class<?> type : List.of(ScheduledAnnotationBeanPostProcessor.class, TaskScheduler.class,
						SecurityFilterChain.class)) {
					started.addAll(List.of(context.getBeanNamesForType(type)));
				}
				for (String name : context.getBeanDefinitionNames()) {
					String lower = name.toLowerCase(Locale.ROOT);
					if (lower.contains("springdoc") || lower.contains("meterregistry")
							|| lower.contains("revocationregistry") || lower.contains("keydirectoryreloader")) {
						started.add(name);
					}
				}
			}
		};
		Result result = SpringApplication.withHook((application) -> watcher,
				() -> runInProcess(PASSWORD + "\n", "--username", uniqueName()));
		assertThat(result.status()).as(result.stderr()).isZero();
		assertThat(started).isEmpty();
	}

	@Test
	void useraddWhenNameTakenThenExitsNonZeroSayingSo() {
		String username = uniqueName();
		assertThat(runInProcess(PASSWORD + "\n", "--username", username).status()).isZero();
		Result again = runInProcess(PASSWORD + "\n", "--username", username.toUpperCase());
		assertThat(again.status()).isNotZero();
		assertThat(again.stderr()).contains("already taken");
	}

	@Test
	void useraddWhenPasswordWeakThenExitsNonZeroWithTheRule() {
		Result result = runInProcess("password\n", "--username", uniqueName());
		assertThat(result.status()).isNotZero();
		assertThat(result.stderr()).contains("password").contains("common");
	}

	@Test
	void useraddWhenNoPasswordOnInputThenExitsNonZero() {
		Result result = runInProcess("", "--username", uniqueName());
		assertThat(result.status()).isNotZero();
		assertThat(result.stderr()).contains("no password");
	}

	@Test
	void useraddWhenUsernameMissingOrPasswordGivenAsArgumentThenUsageError() {
		assertThat(runInProcess(PASSWORD + "\n").status()).isNotZero();
		Result withPassword = runInProcess(PASSWORD + "\n", "--username", uniqueName(), "--password", PASSWORD);
		assertThat(withPassword.status()).isNotZero();
		assertThat(withPassword.stderr()).contains("Unknown option");
	}

	record Result(int status, String stdout, String stderr) {
	}

}
