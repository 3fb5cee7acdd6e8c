package dev.jwtauth.oauth;

import java.net.URI;
import java.net.URISyntaxException;
import java.time.Duration;
import java.util.List;

import com.fasterxml.jackson.annotation.JsonInclude;
import dev.jwtauth.tokens.TokenProperties;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.tags.Tag;
import org.apache.commons.logging.Log;
import org.apache.commons.logging.LogFactory;
import org.jspecify.annotations.Nullable;

import org.springframework.http.CacheControl;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.server.ResponseStatusException;

/**
 * Authorization-server metadata (RFC 8414), also at the OpenID path most libraries read.
 * Made once from the settings, never from a request's {@code Host}, and naming only what
 * the service serves: no authorization endpoint, no ID tokens, and a JWK set only when
 * tokens are signed with a key pair. Endpoint addresses are built from {@code JWT_ISSUER},
 * so discovery needs it to be the service's URL.
 */
@RestController
@Tag(name = "other services")
class DiscoveryController {

	private static final Log log = LogFactory.getLog(DiscoveryController.class);

	private static final List<String> CLIENT_AUTH_METHODS = List.of("client_secret_basic", "client_secret_post");

	private final @Nullable Metadata metadata;

	DiscoveryController(TokenProperties properties) {
		this.metadata = isUrl(properties.issuer()) ? Metadata.of(properties.issuer(), properties.asymmetric()) : null;
		if (this.metadata == null) {
			log.info("Discovery (/.well-known/openid-configuration) answers 404: JWT_ISSUER is not the service's "
					+ "URL, from which endpoint addresses are built");
		}
	}

	@Operation(summary = "Authorization-server metadata (RFC 8414) for other services, also at the OpenID "
			+ "discovery path; the service is no OpenID Provider")
	@ApiResponse(responseCode = "200", description = "The metadata; cacheable.")
	@ApiResponse(responseCode = "404", description = "JWT_ISSUER is not an http(s) URL, so no endpoint address "
			+ "can be given.")
	@GetMapping({ "/.well-known/oauth-authorization-server", "/.well-known/openid-configuration" })
	ResponseEntity<Metadata> metadata() {
		if (this.metadata == null) {
			throw new ResponseStatusException(HttpStatus.NOT_FOUND,
					"Discovery needs JWT_ISSUER set to the service's URL.");
		}
		return ResponseEntity.ok()
			.cacheControl(CacheControl.maxAge(Duration.ofMinutes(5)).cachePublic())
			.body(this.metadata);
	}

	/** An absolute http(s) URL with a host and no query or fragment, as RFC 8414 wants an issuer. */
	static boolean isUrl(String issuer) {
		try {
			URI uri = new URI(issuer);
			return ("https".equals(uri.getScheme()) || "http".equals(uri.getScheme())) && uri.getHost() != null
					&& uri.getRawUserInfo() == null && uri.getRawQuery() == null && uri.getRawFragment() == null;
		}
		catch (URISyntaxException ex) {
			return false;
		}
	}

	/**
	 * The metadata document. {@code response_types_supported}, which RFC 8414 requires, is
	 * empty: there is no authorization endpoint.
	 */
	@JsonInclude(JsonInclude.Include.NON_NULL)
	record Metadata(String issuer, String tokenEndpoint, String introspectionEndpoint, String revocationEndpoint,
			String userinfoEndpoint, @Nullable String jwksUri, List<String> grantTypesSupported,
			List<String> responseTypesSupported, List<String> tokenEndpointAuthMethodsSupported,
			List<String> introspectionEndpointAuthMethodsSupported,
			List<String> revocationEndpointAuthMethodsSupported) {

		static Metadata of(String issuer, boolean publishesKeys) {
			String base = issuer.endsWith("/") ? issuer.substring(0, issuer.length() - 1) : issuer;
			return new Metadata(issuer, base + "/oauth/token", base + "/oauth/introspect", base + "/oauth/revoke",
					base + "/userinfo", publishesKeys ? base + "/.well-known/jwks.json" : null,
					List.of("client_credentials"), List.of(), CLIENT_AUTH_METHODS, CLIENT_AUTH_METHODS,
					CLIENT_AUTH_METHODS);
		}

	}

}
