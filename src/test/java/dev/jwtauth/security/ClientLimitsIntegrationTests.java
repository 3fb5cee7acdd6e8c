package dev.jwtauth.security;

import java.util.Map;
import java.util.concurrent.ThreadLocalRandom;

import dev.jwtauth.accounts.Accounts;
import dev.jwtauth.accounts.NewAccount;
import dev.jwtauth.testing.IntegrationTest;
import dev.jwtauth.testing.SoftAuthenticator;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.MediaType;
import org.springframework.test.context.TestPropertySource;
import org.springframework.test.web.servlet.request.MockMvcRequestBuilders;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Limits per client address, with low settings to reach them quickly: failed logins
 * across many names, signups and refreshes. Forwarded headers and path spellings need
 * Tomcat itself and are tested over HTTP in {@link ClientLimitsOverHttpIntegrationTests}.
 */
@TestPropertySource(properties = { "login.client-max-failures=3", "web.signups-per-period=4",
		"web.refreshes-per-period=2" })
class ClientLimitsIntegrationTests extends IntegrationTest {

	@Autowired
	private Accounts accounts;

	/** A client address of this test's own: the suite's other failures come from 127.0.0.1. */
	private static String newAddress() {
		return "192.0.2." + (1 + ThreadLocalRandom.current().nextInt(250));
	}

	/** An IPv6 /64 of this test's own, as a prefix to which an interface id is appended. */
	private static String newIpv6Prefix() {
		ThreadLocalRandom random = ThreadLocalRandom.current();
		return "2001:db8:%x:%x:".formatted(random.nextInt(0x10000), random.nextInt(0x10000));
	}

	private Reply postFrom(String address, String path, Object body) throws Exception {
		return perform(MockMvcRequestBuilders.post(path)
			.contentType(MediaType.APPLICATION_JSON)
			.content(this.json.writeValueAsString(body))
			.with((mock) -> {
				mock.setRemoteAddr(address);
				return mock;
			}));
	}

	@Test
	void loginsWhenOneClientFailsAcrossManyNamesThen429ForEveryName() throws Exception {
		String address = newAddress();
		// made directly: the signup test may have spent this address's signup bucket
		String bystander = uniqueName("bystander");
		this.accounts.signup(new NewAccount(bystander, PASSWORD, null, null));
		for (int i = 0; i < 3; i++) {
			assertThat(postFrom(address, "/auth", map("username", uniqueName("spray"), "password", "spray-password"))
				.status()).isEqualTo(401);
		}
		Reply reply = postFrom(address, "/auth", map("username", bystander, "password", PASSWORD));
		assertThat(reply.status()).isEqualTo(429);
		assertThat(reply.header("Retry-After")).isNotBlank();
	}

	@Test
	void secondStepsWhenOverTheRefreshLimitThen429WithRetryAfter() throws Exception {
		String address = newAddress();
		Map<String, Object> guess = map("mfa_token", "mfa_" + "A".repeat(43), "code", "123456");
		assertThat(postFrom(address, "/auth/mfa", guess).status()).isEqualTo(401);
		assertThat(postFrom(address, "/auth/mfa", guess).status()).isEqualTo(401);
		Reply limited = postFrom(address, "/auth/mfa", guess);
		assertThat(limited.status()).isEqualTo(429);
		assertThat(limited.header("Retry-After")).isNotBlank();
		String other = newAddress();
		while (other.equals(address)) {
			other = newAddress();
		}
		assertThat(postFrom(other, "/auth/mfa", guess).status()).as("another address").isEqualTo(401);
	}

	@Test
	@SuppressWarnings("unchecked")
	void passkeyLoginsWhenOverTheRefreshLimitThen429ForEachRoute() throws Exception {
		String address = newAddress();
		Map<String, Object> options = null;
		for (int i = 0; i < 2; i++) {
			Reply reply = postFrom(address, "/auth/passkey/options", map());
			assertThat(reply.status()).isEqualTo(200);
			options = reply.object();
		}
		Reply limited = postFrom(address, "/auth/passkey/options", map());
		assertThat(limited.status()).isEqualTo(429);
		assertThat(limited.header("Retry-After")).isNotBlank();
		Map<String, Object> guess = map("challenge_id", options.get("challenge_id"), "credential",
				new SoftAuthenticator().get((Map<String, Object>) options.get("options")));
		String other = newAddress();
		assertThat(postFrom(other, "/auth/passkey", guess).status()).isEqualTo(401);
		assertThat(postFrom(other, "/auth/passkey", guess).status()).isEqualTo(401);
		assertThat(postFrom(other, "/auth/passkey", guess).status()).isEqualTo(429);
	}

	@Test
	@SuppressWarnings("unchecked")
	void passkeyLoginsWhenRefusedThenCountTowardTheAddressLockout() throws Exception {
		String address = newAddress();
		String bystander = uniqueName("bystander");
		this.accounts.signup(new NewAccount(bystander, PASSWORD, null, null));
		for (int i = 0; i < 2; i++) {
			Map<String, Object> options = postFrom(address, "/auth/passkey/options", map()).object();
			// A passkey this service never registered: no account to count it against.
			Map<String, Object> unknown = map("challenge_id", options.get("challenge_id"), "credential",
					new SoftAuthenticator().get((Map<String, Object>) options.get("options")));
			assertThat(postFrom(address, "/auth/passkey", unknown).status()).isEqualTo(401);
		}
		assertThat(postFrom(address, "/auth", map("username", uniqueName("spray"), "password", "spray-password"))
			.status()).isEqualTo(401);
		Reply locked = postFrom(address, "/auth", map("username", bystander, "password", PASSWORD));
		assertThat(locked.status()).as("two passkey failures and a password failure make three").isEqualTo(429);
		String other = newAddress();
		while (other.equals(address)) {
			other = newAddress();
		}
		assertThat(postFrom(other, "/auth", map("username", bystander, "password", PASSWORD)).status())
			.as("the address is locked, not the account")
			.isEqualTo(200);
	}

	@Test
	void signupsWhenOverTheLimitThen429WithRetryAfter() throws Exception {
		String address = newAddress();
		int created = 0;
		Reply last = null;
		for (int i = 0; i < 6; i++) {
			last = postFrom(address, "/signup", map("username", uniqueName("bulk"), "password", PASSWORD));
			if (last.status() == 201) {
				created++;
			}
		}
		assertThat(created).isEqualTo(4);
		assertThat(last.status()).isEqualTo(429);
		assertThat(last.header("Retry-After")).isNotBlank();
		assertThat(last.contentType()).startsWith("application/problem+json");
	}

	@Test
	void refreshesWhenOverTheLimitThen429() throws Exception {
		String address = newAddress();
		int status = 0;
		for (int i = 0; i < 3; i++) {
			status = postFrom(address, "/auth/refresh", map("refresh_token", "A".repeat(43))).status();
		}
		assertThat(status).isEqualTo(429);
	}

	@Test
	void loginsWhenFailuresComeFromManyAddressesOfOneIpv6PrefixThen429ForThePrefix() throws Exception {
		String prefix = newIpv6Prefix();
		String bystander = uniqueName("bystander");
		this.accounts.signup(new NewAccount(bystander, PASSWORD, null, null));
		for (int i = 1; i <= 3; i++) {
			assertThat(postFrom(prefix + ":" + i, "/auth",
					map("username", uniqueName("spray"), "password", "spray-password"))
				.status()).isEqualTo(401);
		}
		Reply reply = postFrom(prefix + "abcd:ef01:2345:6789", "/auth", map("username", bystander, "password", PASSWORD));
		assertThat(reply.status()).isEqualTo(429);
	}

	@Test
	void refreshesWhenAddressesRotateWithinOneIpv6PrefixThen429() throws Exception {
		String prefix = newIpv6Prefix();
		int status = 0;
		for (int i = 1; i <= 3; i++) {
			status = postFrom(prefix + ":" + i, "/auth/refresh", map("refresh_token", "A".repeat(43))).status();
		}
		assertThat(status).isEqualTo(429);
	}

}
