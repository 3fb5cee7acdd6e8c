package dev.jwtauth.operations;

import java.util.function.Supplier;

import org.jspecify.annotations.Nullable;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.actuate.autoconfigure.web.server.ManagementPortType;
import org.springframework.core.env.Environment;
import org.springframework.security.authorization.AuthorityAuthorizationManager;
import org.springframework.security.authorization.AuthorizationDecision;
import org.springframework.security.authorization.AuthorizationManager;
import org.springframework.security.authorization.AuthorizationResult;
import org.springframework.security.core.Authentication;
import org.springframework.security.web.access.intercept.RequestAuthorizationContext;
import org.springframework.stereotype.Component;

/**
 * Who may read {@code /actuator/prometheus}: an ADMIN token, by default. With
 * {@code METRICS_OPEN_ON_MANAGEMENT_PORT=true} and the actuator on a port of its own
 * ({@code MANAGEMENT_SERVER_PORT}, best bound to a private address with
 * {@code MANAGEMENT_SERVER_ADDRESS}), a scraper reads it there without a token; the
 * endpoint then does not exist on the service's port at all, so it never becomes public
 * there. Asking for that without a port of its own stops the start.
 */
@Component
public class MetricsAccess implements AuthorizationManager<RequestAuthorizationContext> {

	private final AuthorizationManager<RequestAuthorizationContext> admins = AuthorityAuthorizationManager
		.hasRole("ADMIN");

	private final boolean open;

	MetricsAccess(@Value("${operations.metrics-open-on-management-port:false}") boolean open, Environment environment) {
		if (open && ManagementPortType.get(environment) != ManagementPortType.DIFFERENT) {
			throw new IllegalStateException("METRICS_OPEN_ON_MANAGEMENT_PORT=true needs the actuator on a port of "
					+ "its own: set MANAGEMENT_SERVER_PORT to a port other than SERVER_PORT.");
		}
		this.open = open;
	}

	@Override
	public @Nullable AuthorizationResult authorize(Supplier<? extends @Nullable Authentication> authentication,
			RequestAuthorizationContext context) {
		return this.open ? new AuthorizationDecision(true) : this.admins.authorize(authentication, context);
	}

}
