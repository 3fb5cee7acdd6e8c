package dev.jwtauth.operations;

import java.io.PrintWriter;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.SQLFeatureNotSupportedException;
import java.sql.SQLTransientConnectionException;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.logging.Logger;

import javax.sql.DataSource;

import dev.jwtauth.testing.IntegrationTest;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.config.BeanPostProcessor;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Import;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The database goes away under a running service (every new connection fails, as when
 * the server is down or unreachable) and comes back. Login and signup answer 503 with a
 * problem and {@code Retry-After}, never 500; readiness goes down while liveness stays
 * up; tokens of accounts this instance has in memory keep working on routes that need
 * no data; and everything recovers without a restart.
 */
@Import(DatabaseDownIntegrationTests.SwitchableDatabase.class)
class DatabaseDownIntegrationTests extends IntegrationTest {

	@Autowired
	private SwitchableDataSource database;

	@AfterEach
	void databaseBack() {
		this.database.up();
	}

	@Test
	void loginAndSignupWhenDatabaseDownThen503ProblemAndRecoverWhenBack() throws Exception {
		User user = signup("outage");
		this.database.down();

		Reply login = postJson("/auth", map("username", user.username(), "password", PASSWORD));
		assertUnavailable(login);
		Reply signup = postJson("/signup", map("username", uniqueName("late"), "password", PASSWORD));
		assertUnavailable(signup);

		this.database.up();
		assertThat(postJson("/auth", map("username", user.username(), "password", PASSWORD)).status())
			.isEqualTo(200);
		assertThat(postJson("/signup", map("username", uniqueName("back"), "password", PASSWORD)).status())
			.isEqualTo(201);
	}

	@Test
	void healthWhenDatabaseDownThenNotReadyButLive() throws Exception {
		this.database.down();
		Reply readiness = get("/actuator/health/readiness");
		assertThat(readiness.status()).isEqualTo(503);
		assertThat(readiness.object()).containsEntry("status", "DOWN");
		assertThat(get("/actuator/health/liveness").status()).isEqualTo(200);

		this.database.up();
		assertThat(get("/actuator/health/readiness").status()).isEqualTo(200);
	}

	@Test
	void protectedRoutesWhenDatabaseDownThenServedFromMemoryOr503() throws Exception {
		User known = signup("known");
		String knownToken = login(known);
		assertThat(getWithToken("/protected", knownToken).status()).isEqualTo(200);
		// /me's second factors are read at its first call, then known from memory too
		assertThat(getWithToken("/me", knownToken).status()).isEqualTo(200);
		String refreshToken = postJson("/auth", map("username", known.username(), "password", PASSWORD))
			.string("refresh_token");
		User unseen = signup("unseen");
		String unseenToken = login(unseen);
		this.database.down();

		// Verified in memory, account cached at its first use: no database needed.
		assertThat(getWithToken("/protected", knownToken).status()).isEqualTo(200);
		assertThat(getWithToken("/hello", knownToken).status()).isEqualTo(200);
		assertThat(getWithToken("/me", knownToken).status()).isEqualTo(200);
		// Routes that read or write data, and accounts this instance has not loaded yet: 503.
		assertUnavailable(getWithToken("/work", knownToken));
		assertUnavailable(getWithToken("/me/sessions", knownToken));
		assertUnavailable(postJson("/auth/refresh", map("refresh_token", refreshToken)));
		assertUnavailable(getWithToken("/protected", unseenToken));
		// A bad token is still refused as such.
		assertThat(getWithToken("/protected", "not.a.token").status()).isEqualTo(401);

		this.database.up();
		assertThat(getWithToken("/protected", unseenToken).status()).isEqualTo(200);
		assertThat(postJson("/auth/refresh", map("refresh_token", refreshToken)).status()).isEqualTo(200);
		assertThat(getWithToken("/work", knownToken).status()).isEqualTo(200);
	}

	private static void assertUnavailable(Reply reply) {
		assertThat(reply.status()).as(reply.body()).isEqualTo(503);
		assertThat(reply.contentType()).startsWith("application/problem+json");
		assertThat(reply.header("Retry-After")).isEqualTo("5");
		assertThat(reply.object()).containsEntry("status", 503).containsKeys("type", "title", "detail");
	}

	@TestConfiguration(proxyBeanMethods = false)
	static class SwitchableDatabase {

		@Bean
		static BeanPostProcessor switchableDataSource() {
			return new BeanPostProcessor() {
				@Override
				public Object postProcessAfterInitialization(Object bean, String beanName) {
					return (bean instanceof DataSource dataSource && !(bean instanceof SwitchableDataSource))
							? new SwitchableDataSource(dataSource) : bean;
				}
			};
		}

	}

	/** Hands out the pool's connections while up; while down, every request for one fails. */
	static final class SwitchableDataSource implements DataSource {

		private final DataSource pool;

		private final AtomicBoolean down = new AtomicBoolean();

		SwitchableDataSource(DataSource pool) {
			this.pool = pool;
		}

		void down() {
			this.down.set(true);
		}

		void up() {
			this.down.set(false);
		}

		@Override
		public Connection getConnection() throws SQLException {
			check();
			return this.pool.getConnection();
		}

		@Override
		public Connection getConnection(String username, String password) throws SQLException {
			check();
			return this.pool.getConnection(username, password);
		}

		private void check() throws SQLException {
			if (this.down.get()) {
				throw new SQLTransientConnectionException("Connection refused (the test switched the database off)",
						"08001");
			}
		}

		@Override
		public PrintWriter getLogWriter() throws SQLException {
			return this.pool.getLogWriter();
		}

		@Override
		public void setLogWriter(PrintWriter out) throws SQLException {
			this.pool.setLogWriter(out);
		}

		@Override
		public void setLoginTimeout(int seconds) throws SQLException {
			this.pool.setLoginTimeout(seconds);
		}

		@Override
		public int getLoginTimeout() throws SQLException {
			return this.pool.getLoginTimeout();
		}

		@Override
		public Logger getParentLogger() throws SQLFeatureNotSupportedException {
			return this.pool.getParentLogger();
		}

		@Override
		public <T> T unwrap(Class<T> type) throws SQLException {
			return type.isInstance(this) ? type.cast(this) : this.pool.unwrap(type);
		}

		@Override
		public boolean isWrapperFor(Class<?> type) throws SQLException {
			return type.isInstance(this) || this.pool.isWrapperFor(type);
		}

	}

}
