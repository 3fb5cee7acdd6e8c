import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * How long a logout on one instance takes to reach the others. For each revocation it logs
 * a user in on one instance (taking turns), checks that every other instance accepts the
 * token, logs out there, and polls each other instance's {@code GET /protected} in
 * parallel every few milliseconds until it answers 401, timing from the moment the logout
 * was sent.
 *
 * Run by bench/revocation-fanout as {@code java RevocationFanout.java REVOCATIONS
 * POLL_MILLIS TIMEOUT_MILLIS BASE_URL...}; prints one line per revocation
 * {@code REVOKE <n> <revoking instance> <ms per other instance...> <ms to all>} ("never"
 * for an instance still accepting the token after TIMEOUT_MILLIS) and a last line
 * {@code FANOUT <revocations> <p50 ms> <p99 ms> <max ms> <never>}. Exit 1 when a request
 * answers what a working service would not.
 */
public class RevocationFanout {

	private static final String PASSWORD = "fanout-staple-orbit-42";

	private static final Pattern ACCESS_TOKEN = Pattern.compile("\"access_token\":\"([^\"]+)\"");

	private static final HttpClient http = HttpClient.newBuilder()
		.version(HttpClient.Version.HTTP_1_1)
		.connectTimeout(Duration.ofSeconds(2))
		.build();

	public static void main(String[] args) throws Exception {
		int revocations = Integer.parseInt(args[0]);
		long pollMillis = Long.parseLong(args[1]);
		long timeoutMillis = Long.parseLong(args[2]);
		List<String> bases = Arrays.asList(args).subList(3, args.length);
		int instances = bases.size();
		// One user per instance, each signed up where it logs in; a random suffix keeps
		// a rerun on the same database from meeting its own names.
		String run = Long.toString(System.nanoTime() % 1_000_000_000L, 36);
		for (int i = 0; i < instances; i++) {
			expect(201, post(bases.get(i), "/signup", credentials("fanout-" + run + "-" + i), null), "signup");
		}
		ExecutorService pollers = Executors.newFixedThreadPool(instances - 1);
		double[] toAll = new double[revocations];
		int never = 0;
		try {
			for (int n = 0; n < revocations; n++) {
				int revoking = n % instances;
				String base = bases.get(revoking);
				HttpResponse<String> login = post(base, "/auth", credentials("fanout-" + run + "-" + revoking), null);
				expect(200, login, "login");
				Matcher token = ACCESS_TOKEN.matcher(login.body());
				if (!token.find()) {
					throw new IllegalStateException("no access_token in the login answer");
				}
				String bearer = token.group(1);
				List<String> others = new ArrayList<>(bases);
				others.remove(revoking);
				for (String other : others) {
					expect(200, get(other, bearer), "the token on another instance before the logout");
				}
				long sent = System.nanoTime();
				expect(204, post(base, "/logout", "", bearer), "logout");
				List<Future<Double>> reached = new ArrayList<>();
				for (String other : others) {
					reached.add(pollers.submit(() -> untilRefused(other, bearer, sent, pollMillis, timeoutMillis)));
				}
				StringBuilder line = new StringBuilder("REVOKE " + (n + 1) + " " + (revoking + 1));
				double slowest = 0;
				for (Future<Double> each : reached) {
					double ms = each.get();
					line.append(' ').append(Double.isInfinite(ms) ? "never" : String.format("%.1f", ms));
					slowest = Math.max(slowest, ms);
				}
				toAll[n] = slowest;
				if (Double.isInfinite(slowest)) {
					never++;
				}
				System.out.println(line.append(' ').append(Double.isInfinite(slowest) ? "never" : String.format("%.1f", slowest)));
			}
		}
		finally {
			pollers.shutdownNow();
		}
		Arrays.sort(toAll);
		System.out.printf("FANOUT %d %s %s %s %d%n", revocations, ms(percentile(toAll, 50)), ms(percentile(toAll, 99)),
				ms(toAll[revocations - 1]), never);
	}

	/** Milliseconds from {@code sent} until {@code base} refuses the token, or infinity past the timeout. */
	private static double untilRefused(String base, String bearer, long sent, long pollMillis, long timeoutMillis)
			throws Exception {
		while (true) {
			int status = get(base, bearer).statusCode();
			long now = System.nanoTime();
			if (status == 401) {
				return (now - sent) / 1e6;
			}
			if (status != 200) {
				throw new IllegalStateException(base + "/protected answered " + status);
			}
			if (now - sent > timeoutMillis * 1_000_000) {
				return Double.POSITIVE_INFINITY;
			}
			Thread.sleep(pollMillis);
		}
	}

	/** Nearest-rank percentile of sorted values. */
	static double percentile(double[] sorted, int p) {
		int rank = (int) Math.ceil(p / 100.0 * sorted.length);
		return sorted[Math.max(0, rank - 1)];
	}

	private static String ms(double value) {
		return Double.isInfinite(value) ? "never" : String.format("%.1f", value);
	}

	private static String credentials(String username) {
		return "{\"username\": \"" + username + "\", \"password\": \"" + PASSWORD + "\"}";
	}

	private static HttpResponse<String> get(String base, String bearer) throws Exception {
		return http.send(HttpRequest.newBuilder(URI.create(base + "/protected"))
			.timeout(Duration.ofSeconds(2))
			.header("Authorization", "Bearer " + bearer)
			.GET()
			.build(), HttpResponse.BodyHandlers.ofString());
	}

	private static HttpResponse<String> post(String base, String path, String json, String bearer) throws Exception {
		HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(base + path))
			.timeout(Duration.ofSeconds(10))
			.header("Content-Type", "application/json")
			.POST(HttpRequest.BodyPublishers.ofString(json));
		if (bearer != null) {
			request.header("Authorization", "Bearer " + bearer);
		}
		return http.send(request.build(), HttpResponse.BodyHandlers.ofString());
	}

	private static void expect(int wanted, HttpResponse<String> response, String what) {
		if (response.statusCode() != wanted) {
			System.err.println(what + ": wanted " + wanted + ", got " + response.statusCode() + " from "
					+ response.uri());
			System.exit(1);
		}
	}

}
