package dev.jwtauth.testing;

import java.util.concurrent.atomic.AtomicBoolean;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.boot.flyway.autoconfigure.FlywayConfigurationCustomizer;
import org.springframework.boot.flyway.autoconfigure.FlywayMigrationStrategy;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * On a persistent test database (the postgres-tests profile), keeps the suite in its own
 * schema and empties it once per run, so every run starts from the migrations as a new
 * install would. Tests that start the service on a database of their own switch this off
 * with {@code --tests.database.fresh=false}.
 */
@Configuration(proxyBeanMethods = false)
@ConditionalOnProperty(name = "tests.database.fresh", havingValue = "true")
class FreshDatabaseConfiguration {

	private static final AtomicBoolean cleaned = new AtomicBoolean();

	@Bean
	FlywayConfigurationCustomizer ownSchemaAllowingClean(
			@Value("${tests.database.schema:jwtauth_tests}") String schema) {
		return (configuration) -> configuration.schemas(schema).cleanDisabled(false);
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
