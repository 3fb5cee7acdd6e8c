package dev.jwtauth.apidocs;

import java.util.List;
import java.util.Objects;

import com.fasterxml.jackson.databind.PropertyNamingStrategies;
import io.swagger.v3.core.jackson.ModelResolver;
import io.swagger.v3.core.util.Json31;
import io.swagger.v3.oas.models.Components;
import io.swagger.v3.oas.models.OpenAPI;
import io.swagger.v3.oas.models.info.Info;
import io.swagger.v3.oas.models.info.License;
import io.swagger.v3.oas.models.security.SecurityScheme;
import io.swagger.v3.oas.models.servers.Server;
import org.springdoc.core.customizers.OpenApiCustomizer;

import org.springframework.boot.autoconfigure.condition.ConditionalOnWebApplication;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.security.web.access.WebInvocationPrivilegeEvaluator;

/**
 * The parts of the OpenAPI description that no controller states: what the service is,
 * the bearer scheme, the RFC 9457 problem schema, and the answers every route shares.
 */
@Configuration(proxyBeanMethods = false)
@ConditionalOnWebApplication(type = ConditionalOnWebApplication.Type.SERVLET)
class ApiDocsConfiguration {

	/** The name of the security scheme that protected operations require. */
	static final String BEARER = "bearer";

	private static final String DESCRIPTION = """
			Sign up, log in, and call protected routes with the access token.

			Log in at `POST /auth` (also served at `/login` and `/token`) and send the \
			`access_token` in `Authorization: Bearer <token>`. Clients of the tutorials may \
			send it as `Authorization: JWT <token>` or `x-access-token: <token>` instead; \
			a token in the query string is never accepted, and two tokens in one request \
			are refused. In Swagger UI, "Authorize" takes the bare access token.

			Every error is an RFC 9457 problem document (`application/problem+json`) with \
			`type`, `title`, `status`, `detail`, and `errors` (a list of `{field, message}`) \
			for invalid fields. Any route may also answer 431 when the request headers \
			exceed 16 KiB.""";

	/**
	 * The repository carries no open-source license; SPDX names such a license with a
	 * {@code LicenseRef-} identifier of one's own.
	 */
	private static final License LICENSE = new License().name("Proprietary, all rights reserved")
		.identifier("LicenseRef-Proprietary");

	@Bean
	OpenAPI apiDescription() {
		String version = Objects.requireNonNullElse(getClass().getPackage().getImplementationVersion(), "dev");
		return new OpenAPI()
			.info(new Info().title("jwt-auth-service").version(version).description(DESCRIPTION).license(LICENSE))
			// Relative: the service at whichever address the description was read from, not
			// the address of the machine that happened to generate it.
			.servers(List.of(new Server().url("/").description("This service")))
			.components(new Components().addSecuritySchemes(BEARER, bearerScheme()));
	}

	/**
	 * Schemas name properties as the service writes and reads them: the service's JSON is
	 * snake_case ({@code spring.jackson.property-naming-strategy}), while springdoc reads
	 * classes with its own mapper, which would otherwise keep the Java names.
	 */
	@Bean
	ModelResolver snakeCaseModelResolver() {
		return new ModelResolver(Json31.mapper().copy().setPropertyNamingStrategy(PropertyNamingStrategies.SNAKE_CASE))
			.openapi31(true);
	}

	@Bean
	OpenApiCustomizer sharedAnswers(WebInvocationPrivilegeEvaluator privileges) {
		return new SharedAnswers(privileges);
	}

	private static SecurityScheme bearerScheme() {
		return new SecurityScheme().type(SecurityScheme.Type.HTTP)
			.scheme("bearer")
			.bearerFormat("JWT")
			.description("The `access_token` of a login. `Authorization: JWT <token>` and "
					+ "`x-access-token: <token>` carry it as well.");
	}

}
