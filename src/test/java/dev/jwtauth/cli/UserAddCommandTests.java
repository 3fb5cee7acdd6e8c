package dev.jwtauth.cli;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.InputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

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
		List<String> all = new ArrayList<>(List.of(args));
		all.add(0, "useradd");
		all.addAll(List.of("--", "--spring.profiles.active=test"));
		return runWithArguments(stdin, all);
	}

	private Result runWithArguments(String stdin, List<String> all) {
		InputStream in = System.in;
		PrintStream out = System.out;
		PrintStream err = System.err;
		ByteArrayOutputStream stdout = new ByteArrayOutputStream();
		ByteArrayOutputStream stderr = new ByteArrayOutputStream();
		try {
			System.setIn(new ByteArrayInputStream(stdin.getBytes(StandardCharsets.UTF_8)));
			System.setOut(new PrintStream(stdout, true, StandardCharsets.UTF_8));
			System.setErr(new PrintStream(stderr, true, StandardCharsets.UTF_8));
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

	@Test
	void useraddWhenAnotherProcessHoldsTheDatabaseWithoutAutoServerThenSaysWhatToDo(@TempDir Path folder)
			throws Exception {
		String url = "jdbc:h2:file:" + folder.resolve("jwtauth");
		Process holder = new ProcessBuilder(Path.of(System.getProperty("java.home"), "bin", "java").toString(), "-cp",
				System.getProperty("java.class.path"), "org.h2.tools.Shell", "-url", url, "-user", "sa", "-password",
				"held-elsewhere")
			.redirectErrorStream(true)
			.start();
		try {
			for (int wait = 0; wait < 600 && !Files.exists(folder.resolve("jwtauth.lock.db")); wait++) {
				Thread.sleep(100);
			}
			List<String> all = new ArrayList<>(List.of("useradd", "--username", uniqueName(), "--",
					"--spring.datasource.url=" + url, "--spring.datasource.password=held-elsewhere"));
			Result result = runWithArguments(PASSWORD + "\n", all);
			assertThat(result.status()).isEqualTo(UserAddCommand.DATABASE_IN_USE);
			assertThat(result.stderr().strip()).doesNotContain("\n")
				.startsWith("useradd: ")
				.contains("AUTO_SERVER=TRUE");
		}
		finally {
			holder.getOutputStream().close();
			holder.destroy();
			holder.waitFor(30, TimeUnit.SECONDS);
		}
	}

	record Result(int status, String stdout, String stderr) {
	}

}
