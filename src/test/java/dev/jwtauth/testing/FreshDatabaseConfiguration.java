package dev.jwtauth.testing;

import java.util.concurrent.atomic.AtomicBoolean;

import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.boot.flyway.autoconfigure.FlywayConfigurationCustomizer;
import org.springframework.boot.flyway.autoconfigure.FlywayMigrationStrategy;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * On a persistent test database (the postgres-tests profile), empties the suite's own
 * schema once per run, so every run starts from the migrations as a new install would.
 */
@Configuration(proxyBeanMethods = false)
@ConditionalOnProperty(name = "tests.database.fresh", havingValue = "true")
class FreshDatabaseConfiguration {

	private static final AtomicBoolean cleaned = new AtomicBoolean();

	@Bean
	FlywayConfigurationCustomizer allowCleanInTests() {
		return (configuration) -> configuration.cleanDisabled(false);
	}

	@Bean
	FlywayMigrationStrategy cleanOncePerRun() {
		return (flyway) -> {
			if (cleaned.compareAndSet(false, true)) {
				flyway.clean();
			}
			flyway.migrate();
		};
	}

}
