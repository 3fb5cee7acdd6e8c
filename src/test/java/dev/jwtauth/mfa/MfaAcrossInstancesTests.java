package dev.jwtauth.mfa;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ThreadLocalRandom;

import dev.jwtauth.testing.TotpCodes;
import dev.jwtauth.testing.TwoInstancesTest;
import org.bouncycastle.util.encoders.Base32;
import org.junit.jupiter.api.Test;

import org.springframework.context.ConfigurableApplicationContext;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Two instances of the service on one database, over real HTTP: a login waiting for its
 * code finishes on either, and a code accepted by one is refused by the other, even when
 * both get it at the same moment.
 */
class MfaAcrossInstancesTests extends TwoInstancesTest {

	/** A user with TOTP on, enrolled through the first instance; returns its name and secret. */
	private static Map.Entry<String, byte[]> enrolled() throws Exception {
		String username = "mfa-multi-" + Long.toString(ThreadLocalRandom.current().nextLong() & Long.MAX_VALUE, 36);
		assertThat(post(first, "/signup", Map.of("username", username, "password", PASSWORD)).status())
			.isEqualTo(201);
		String token = post(first, "/auth", Map.of("username", username, "password", PASSWORD))
			.string("access_token");
		byte[] secret = Base32
			.decode(post(first, "/me/mfa/totp", Map.of("current_password", PASSWORD), token).string("secret"));
		// The code of the step before: the one after stays free for the logins below.
		assertThat(post(first, "/me/mfa/totp/confirm",
				Map.of("code", TotpCodes.code(secret, Instant.now().minusSeconds(30))), token)
			.status()).isEqualTo(200);
		return Map.entry(username, secret);
	}

	private static String mfaToken(ConfigurableApplicationContext instance, String username) throws Exception {
		Answer challenge = post(instance, "/auth", Map.of("username", username, "password", PASSWORD));
		assertThat(challenge.body()).containsEntry("mfa_required", true);
		return challenge.string("mfa_token");
	}

	@Test
	void codeWhenAcceptedByOneInstanceThenRefusedByTheOther() throws Exception {
		Map.Entry<String, byte[]> user = enrolled();
		String code = TotpCodes.code(user.getValue(), Instant.now().plusSeconds(30));
		// Issued by the first, finished on the second.
		Answer tokens = post(second, "/auth/mfa", Map.of("mfa_token", mfaToken(first, user.getKey()), "code", code));
		assertThat(tokens.status()).isEqualTo(200);
		assertThat(tokens.body()).containsKey("access_token");
		Answer replay = post(first, "/auth/mfa", Map.of("mfa_token", mfaToken(first, user.getKey()), "code", code));
		assertThat(replay.status()).isEqualTo(401);
	}

	@Test
	void codeWhenSentToBothInstancesAtOnceThenOnlyOneAccepts() throws Exception {
		Map.Entry<String, byte[]> user = enrolled();
		String code = TotpCodes.code(user.getValue(), Instant.now().plusSeconds(30));
		String onFirst = mfaToken(first, user.getKey());
		String onSecond = mfaToken(second, user.getKey());
		CompletableFuture<Answer> a = CompletableFuture
			.supplyAsync(() -> quietly(first, Map.of("mfa_token", onFirst, "code", code)));
		CompletableFuture<Answer> b = CompletableFuture
			.supplyAsync(() -> quietly(second, Map.of("mfa_token", onSecond, "code", code)));
		List<Integer> statuses = List.of(a.get().status(), b.get().status());
		assertThat(statuses).containsExactlyInAnyOrder(200, 401);
	}

	private static Answer quietly(ConfigurableApplicationContext instance, Map<String, Object> body) {
		try {
			return post(instance, "/auth/mfa", body);
		}
		catch (Exception ex) {
			throw new IllegalStateException(ex);
		}
	}

}
