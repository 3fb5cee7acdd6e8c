package dev.jwtauth.cli;

import java.time.Clock;

import dev.jwtauth.accounts.Accounts;

import org.springframework.boot.autoconfigure.AutoConfigurationPackage;
import org.springframework.boot.autoconfigure.ImportAutoConfiguration;
import org.springframework.boot.autoconfigure.context.ConfigurationPropertiesAutoConfiguration;
import org.springframework.boot.autoconfigure.context.PropertyPlaceholderAutoConfiguration;
import org.springframework.boot.context.properties.ConfigurationPropertiesScan;
import org.springframework.boot.data.jpa.autoconfigure.DataJpaRepositoriesAutoConfiguration;
import org.springframework.boot.flyway.autoconfigure.FlywayAutoConfiguration;
import org.springframework.boot.hibernate.autoconfigure.HibernateJpaAutoConfiguration;
import org.springframework.boot.jdbc.autoconfigure.DataSourceAutoConfiguration;
import org.springframework.boot.transaction.autoconfigure.TransactionAutoConfiguration;
import org.springframework.boot.validation.autoconfigure.ValidationAutoConfiguration;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.ComponentScan;
import org.springframework.context.annotation.ComponentScan.Filter;
import org.springframework.stereotype.Controller;

/**
 * The application context of the account commands: the database, its schema and the
 * accounts module, without web server, security filters, metrics, API docs or the
 * service's background jobs, so a command answers in seconds. Not a component, so the
 * service's own scan never picks it up.
 */
@ImportAutoConfiguration({ PropertyPlaceholderAutoConfiguration.class, ConfigurationPropertiesAutoConfiguration.class,
		ValidationAutoConfiguration.class, DataSourceAutoConfiguration.class, FlywayAutoConfiguration.class,
		HibernateJpaAutoConfiguration.class, DataJpaRepositoriesAutoConfiguration.class,
		TransactionAutoConfiguration.class })
@AutoConfigurationPackage(basePackageClasses = Accounts.class)
@ComponentScan(basePackageClasses = Accounts.class, excludeFilters = @Filter(Controller.class))
@ConfigurationPropertiesScan(basePackageClasses = Accounts.class)
class AccountsOnly {

	@Bean
	Clock clock() {
		return Clock.systemUTC();
	}

}
