package dev.jwtauth.cli;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import dev.jwtauth.oauth.OAuthClient;
import dev.jwtauth.testing.IntegrationTest;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The client commands as an operator runs them, against the database of a running
 * service: a client added on the command line gets tokens, and its removal stops them.
 */
class ClientCommandsTests extends IntegrationTest {

	private static final Pattern ID = Pattern.compile("client_id:\\s+(client_\\S+)");

	private static final Pattern SECRET = Pattern.compile("client_secret:\\s+(\\S+)");

	@Test
	void clientaddWhenRunThenPrintsIdAndSecretOnceAndClientlistShowsNoSecret() throws Exception {
		String name = uniqueName("billing");
		Result added = run("clientadd", "--name", name, "--scopes", "introspect,revoke");
		assertThat(added.status()).as(added.stderr()).isZero();
		String id = find(ID, added.stdout());
		String secret = find(SECRET, added.stdout());
		assertThat(secret).hasSizeGreaterThanOrEqualTo(43);

		Result listed = run("clientlist");
		assertThat(listed.stdout()).contains(id, name, "introspect,revoke").doesNotContain(secret);
		assertThat(perform(OAuthClient.post("/oauth/token", OAuthClient.basic(id, secret), "grant_type",
				"client_credentials")).status()).isEqualTo(200);
	}

	@Test
	void clientremoveWhenRunThenTheClientsTokensStopAtOnce() throws Exception {
		Result added = run("clientadd", "--name", uniqueName("doomed"), "--scopes", "introspect");
		String id = find(ID, added.stdout());
		String basic = OAuthClient.basic(id, find(SECRET, added.stdout()));
		String token = perform(OAuthClient.post("/oauth/token", basic, "grant_type", "client_credentials"))
			.string("access_token");
		Result watcherAdded = run("clientadd", "--name", uniqueName("watcher"), "--scopes", "introspect");
		String watcher = OAuthClient.basic(find(ID, watcherAdded.stdout()), find(SECRET, watcherAdded.stdout()));
		assertThat(perform(OAuthClient.post("/oauth/introspect", watcher, "token", token)).object())
			.containsEntry("active", true);

		Result removed = run("clientremove", "--id", id);
		assertThat(removed.status()).as(removed.stderr()).isZero();
		// The command ran in its own context: this instance learns of it from the revocation feed.
		String answer = "";
		for (int wait = 0; wait < 40 && !answer.equals("{\"active\":false}"); wait++) {
			Thread.sleep(100);
			answer = perform(OAuthClient.post("/oauth/introspect", watcher, "token", token)).body();
		}
		assertThat(answer).isEqualTo("{\"active\":false}");
		assertThat(perform(OAuthClient.post("/oauth/token", basic, "grant_type", "client_credentials")).status())
			.isEqualTo(401);
		assertThat(run("clientlist").stdout()).doesNotContain(id);
		assertThat(run("clientremove", "--id", id).status()).isEqualTo(ClientCommands.REFUSED);
	}

	@Test
	void clientaddWhenScopeMalformedThenRefused() {
		Result result = run("clientadd", "--name", "x", "--scopes", "introspect,bad scope");
		assertThat(result.status()).isEqualTo(ClientCommands.REFUSED);
		assertThat(result.stderr()).contains("not a scope");
	}

	private static String find(Pattern pattern, String text) {
		Matcher matcher = pattern.matcher(text);
		assertThat(matcher.find()).as(text).isTrue();
		return matcher.group(1);
	}

	private static Result run(String... args) {
		List<String> all = new ArrayList<>(List.of(args));
		all.addAll(List.of("--", "--spring.profiles.active=test"));
		PrintStream out = System.out;
		PrintStream err = System.err;
		ByteArrayOutputStream stdout = new ByteArrayOutputStream();
		ByteArrayOutputStream stderr = new ByteArrayOutputStream();
		try {
			System.setOut(new PrintStream(stdout, true, StandardCharsets.UTF_8));
			System.setErr(new PrintStream(stderr, true, StandardCharsets.UTF_8));
			int status = ClientCommands.run(all.toArray(String[]::new));
			return new Result(status, stdout.toString(StandardCharsets.UTF_8), stderr.toString(StandardCharsets.UTF_8));
		}
		finally {
			System.setOut(out);
			System.setErr(err);
		}
	}

	record Result(int status, String stdout, String stderr) {
	}

}
