package dev.jwtauth.cli;

import dev.jwtauth.oauth.clients.ServiceClients;
import dev.jwtauth.revocation.Revocations;
import dev.jwtauth.tokens.TokenProperties;

import org.springframework.boot.autoconfigure.ImportAutoConfiguration;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.boot.jdbc.autoconfigure.JdbcTemplateAutoConfiguration;
import org.springframework.context.annotation.ComponentScan;
import org.springframework.context.annotation.Import;

/**
 * The application context of the client commands: the accounts module (whose hashing
 * stores secrets), the service clients, and the revocations, through whose feed a
 * removed client's tokens stop on every running instance. No web server, security
 * filters or background jobs.
 */
@Import(AccountsOnly.class)
@ImportAutoConfiguration(JdbcTemplateAutoConfiguration.class)
@ComponentScan(basePackageClasses = { ServiceClients.class, Revocations.class })
@EnableConfigurationProperties(TokenProperties.class)
class ClientsOnly {

}
