package dev.jwtauth.revocation;

import java.time.Duration;

import dev.jwtauth.accounts.Accounts;
import dev.jwtauth.testing.AdjustableClock;
import dev.jwtauth.testing.IntegrationTest;
import dev.jwtauth.tokens.AccessTokens;
import dev.jwtauth.tokens.TokenProperties;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.annotation.Import;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.test.web.servlet.request.MockMvcRequestBuilders;
import org.springframework.transaction.support.TransactionTemplate;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The revocation memory as wired in the service: called directly on every token check,
 * and its feed kept no longer than the tokens it stops.
 */
@Import(AdjustableClock.Configuration.class)
class RevocationsIntegrationTests extends IntegrationTest {

	@Autowired
	private AdjustableClock clock;

	@Autowired
	private JdbcTemplate jdbc;

	@Autowired
	private Revocations registry;

	@Autowired
	private RevocationFeed feed;

	@Autowired
	private Accounts accounts;

	@Autowired
	private TokenProperties properties;

	@Autowired
	private TransactionTemplate transactions;

	@Autowired
	private AccessTokens tokens;

	@AfterEach
	void resetClock() {
		this.clock.reset();
	}

	@Test
	void registryWhenWiredThenCalledDirectlyNotThroughAProxy() {
		// every token check asks it twice; a proxy would call each of those by reflection
		assertThat(org.springframework.aop.support.AopUtils.isAopProxy(this.registry)).isFalse();
	}

	@Test
	void startWhenTokensWereDeniedAndLoginsRevokedBeforeThenANewInstanceRefusesThem() throws Exception {
		User user = signup("neo");
		String loggedOut = login(user);
		String other = login(user);
		String kept = login(user);
		perform(MockMvcRequestBuilders.post("/logout").header("Authorization", "Bearer " + loggedOut));
		String otherSession = this.tokens.verify(other).sessionId().toString();
		perform(MockMvcRequestBuilders.delete("/me/sessions/" + otherSession)
			.header("Authorization", "Bearer " + kept));

		// An instance started now knows only what the database tells it.
		Revocations started = new Revocations(this.feed, this.accounts, this.properties, this.clock,
				this.transactions);

		assertThat(started.isRevoked(this.tokens.verify(loggedOut))).as("denied at logout").isTrue();
		assertThat(started.isRevoked(this.tokens.verify(other))).as("its login ended").isTrue();
		assertThat(started.isRevoked(this.tokens.verify(kept))).isFalse();
	}

	@Test
	void purgeWhenDeniedTokensExpiredThenTheirRowsGo() throws Exception {
		User user = signup("zoe");
		Reply login = postJson("/auth", map("username", user.username(), "password", user.password()));
		perform(MockMvcRequestBuilders.post("/logout").header("Authorization", "Bearer " + login.string("access_token")));
		String jti = CraftedTokensJti.of(login.string("access_token"));
		String count = "select count(*) from revocation_event where kind = 'TOKEN' and subject like ?";
		jti = "% " + jti;
		assertThat(this.jdbc.queryForObject(count, Integer.class, jti)).isEqualTo(1);
		this.registry.purge();
		assertThat(this.jdbc.queryForObject(count, Integer.class, jti)).as("not expired yet").isEqualTo(1);
		this.clock.advance(Duration.ofMinutes(16));
		this.registry.purge();
		assertThat(this.jdbc.queryForObject(count, Integer.class, jti)).isZero();
	}


	/** The {@code jti} of a token, read as any client could. */
	private static final class CraftedTokensJti {

		static String of(String token) {
			String payload = new String(java.util.Base64.getUrlDecoder().decode(token.split("\\.")[1]),
					java.nio.charset.StandardCharsets.UTF_8);
			return payload.replaceAll(".*\"jti\":\"([^\"]+)\".*", "$1");
		}

	}

}
