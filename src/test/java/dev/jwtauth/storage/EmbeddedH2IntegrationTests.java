package dev.jwtauth.storage;

import java.io.BufferedReader;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.PrintStream;
import java.net.ConnectException;
import java.net.Inet4Address;
import java.net.InetAddress;
import java.net.NetworkInterface;
import java.net.Socket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermission;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.util.Collections;
import java.util.EnumSet;
import java.util.List;
import java.util.Properties;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import dev.jwtauth.AuthApplication;
import dev.jwtauth.cli.UserAddCommand;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

/**
 * The embedded default as an operator runs it: the packaged service started in a fresh
 * working directory (its own process, as in production), and {@code useradd} beside it.
 * What another local user could reach is checked the way they would try it.
 */
class EmbeddedH2IntegrationTests {

	private static final String PASSWORD = "violet staple orbit 42";

	private static final Set<PosixFilePermission> GROUP_OR_OTHERS = EnumSet.of(PosixFilePermission.GROUP_READ,
			PosixFilePermission.GROUP_WRITE, PosixFilePermission.GROUP_EXECUTE, PosixFilePermission.OTHERS_READ,
			PosixFilePermission.OTHERS_WRITE, PosixFilePermission.OTHERS_EXECUTE);

	@TempDir
	static Path workingDirectory;

	static Process service;

	static int port;

	@BeforeAll
	static void startService() throws Exception {
		service = new ProcessBuilder(Path.of(System.getProperty("java.home"), "bin", "java").toString(), "-cp",
				System.getProperty("java.class.path"), AuthApplication.class.getName(), "--server.port=0",
				"--tests.database.fresh=false")
			.directory(workingDirectory.toFile())
			.redirectErrorStream(true)
			.start();
		CompletableFuture<Integer> started = CompletableFuture.supplyAsync(EmbeddedH2IntegrationTests::portFromLog);
		port = started.get(180, TimeUnit.SECONDS);
	}

	private static int portFromLog() {
		Pattern startedOn = Pattern.compile("started on port (\\d+)");
		try {
			BufferedReader log = new BufferedReader(
					new InputStreamReader(service.getInputStream(), StandardCharsets.UTF_8));
			for (String line = log.readLine(); line != null; line = log.readLine()) {
				Matcher matcher = startedOn.matcher(line);
				if (matcher.find()) {
					// keep draining, so the service never blocks on a full pipe
					Thread drain = new Thread(() -> log.lines().forEach((rest) -> {
					}));
					drain.setDaemon(true);
					drain.start();
					return Integer.parseInt(matcher.group(1));
				}
			}
		}
		catch (java.io.IOException ex) {
			throw new java.io.UncheckedIOException(ex);
		}
		throw new IllegalStateException("the service stopped before it listened");
	}

	@AfterAll
	static void stopService() throws Exception {
		service.destroy();
		service.waitFor(30, TimeUnit.SECONDS);
	}

	private static Path data() {
		return workingDirectory.resolve("data");
	}

	@Test
	void startWhenDataFolderFreshThenFolderAndItsFilesAreTheOwnersOnly() throws Exception {
		assertThat(Files.getPosixFilePermissions(data())).doesNotContainAnyElementsOf(GROUP_OR_OTHERS);
		List<String> names;
		try (Stream<Path> files = Files.list(data())) {
			names = files.map((file) -> file.getFileName().toString()).toList();
		}
		assertThat(names).contains("jwt-secret", "db-password", "jwtauth.mv.db", "jwtauth.lock.db");
		for (String name : names) {
			assertThat(Files.getPosixFilePermissions(data().resolve(name))).as(name)
				.doesNotContainAnyElementsOf(GROUP_OR_OTHERS);
		}
	}

	@Test
	void connectWhenEmptyPasswordThenRefused() {
		String url = "jdbc:h2:file:" + data().resolve("jwtauth") + ";AUTO_SERVER=TRUE";
		assertThatExceptionOfType(SQLException.class)
			.isThrownBy(() -> DriverManager.getConnection(url, "sa", "").close())
			.satisfies((ex) -> assertThat(ex.getSQLState()).isEqualTo("28000"));
	}

	@Test
	void autoServerWhenServiceRunsThenListensOnLoopbackOnly() throws Exception {
		Properties lock = new Properties();
		try (InputStream in = Files.newInputStream(data().resolve("jwtauth.lock.db"))) {
			lock.load(in);
		}
		int autoServerPort = Integer.parseInt(lock.getProperty("server").replaceAll(".*:", ""));
		InetAddress network = Collections.list(NetworkInterface.getNetworkInterfaces())
			.stream()
			.flatMap((face) -> Collections.list(face.getInetAddresses()).stream())
			.filter((address) -> address instanceof Inet4Address && !address.isLoopbackAddress())
			.findFirst()
			.orElseThrow(() -> new IllegalStateException("this host needs a network address for the test"));
		new Socket(InetAddress.getLoopbackAddress(), autoServerPort).close();
		assertThatExceptionOfType(ConnectException.class)
			.isThrownBy(() -> new Socket(network, autoServerPort).close());
	}

	@Test
	void useraddWhenServiceRunsThenTheNewAdminLogsInToTheService() throws Exception {
		String username = "op-beside-" + ProcessHandle.current().pid();
		int status = useradd(username);
		assertThat(status).isZero();

		HttpClient http = HttpClient.newHttpClient();
		HttpResponse<String> login = http.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + "/auth"))
			.header("Content-Type", "application/json")
			.POST(HttpRequest.BodyPublishers
				.ofString("{\"username\":\"" + username + "\",\"password\":\"" + PASSWORD + "\"}"))
			.build(), HttpResponse.BodyHandlers.ofString());
		assertThat(login.statusCode()).isEqualTo(200);
		String token = login.body().replaceAll(".*\"access_token\":\"([^\"]+)\".*", "$1");
		HttpResponse<String> users = http.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + "/users"))
			.header("Authorization", "Bearer " + token)
			.build(), HttpResponse.BodyHandlers.ofString());
		assertThat(users.statusCode()).as("the --admin user may list users").isEqualTo(200);
	}

	/** {@code useradd} as run from the service's working directory, on its default database. */
	private static int useradd(String username) {
		InputStream in = System.in;
		PrintStream out = System.out;
		try {
			System.setIn(new ByteArrayInputStream((PASSWORD + "\n").getBytes(StandardCharsets.UTF_8)));
			System.setOut(new PrintStream(new ByteArrayOutputStream(), true, StandardCharsets.UTF_8));
			Path database = data().resolve("jwtauth");
			return UserAddCommand.run(new String[] { UserAddCommand.NAME, "--username", username, "--admin", "--",
					"--spring.datasource.url=jdbc:h2:file:" + database + ";AUTO_SERVER=TRUE",
					"--spring.datasource.username=sa" });
		}
		finally {
			System.setIn(in);
			System.setOut(out);
		}
	}

}
