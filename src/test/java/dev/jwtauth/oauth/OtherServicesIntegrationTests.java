package dev.jwtauth.oauth;

import java.io.IOException;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

import dev.jwtauth.AuthApplication;
import dev.jwtauth.oauth.clients.NewServiceClient;
import dev.jwtauth.oauth.clients.ServiceClients;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.boot.SpringApplication;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.AuthenticationException;
import org.springframework.security.core.GrantedAuthority;
import org.springframework.security.oauth2.jwt.JwtDecoders;
import org.springframework.security.oauth2.jwt.JwtIssuerValidator;
import org.springframework.security.oauth2.jwt.JwtTypeValidator;
import org.springframework.security.oauth2.jwt.JwtValidators;
import org.springframework.security.oauth2.jwt.NimbusJwtDecoder;
import org.springframework.security.oauth2.server.resource.authentication.BearerTokenAuthenticationToken;
import org.springframework.security.oauth2.server.resource.authentication.JwtAuthenticationConverter;
import org.springframework.security.oauth2.server.resource.authentication.JwtAuthenticationProvider;
import org.springframework.security.oauth2.server.resource.authentication.JwtGrantedAuthoritiesConverter;
import org.springframework.security.oauth2.server.resource.authentication.OpaqueTokenAuthenticationProvider;
import org.springframework.security.oauth2.server.resource.introspection.SpringOpaqueTokenIntrospector;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * Other services as docs/other-services.md sets them up, against the service on a real
 * port whose JWT_ISSUER is its own URL: a Spring resource server configured from the
 * issuer alone, and one that introspects every token.
 */
class OtherServicesIntegrationTests {

	private static final JsonMapper JSON = JsonMapper.builder().build();

	private static final String PASSWORD = "violet staple orbit 42";

	private final HttpClient http = HttpClient.newHttpClient();

	@TempDir
	Path keys;

	@ParameterizedTest
	@ValueSource(strings = { "RS256", "ES256" })
	void resourceServerWhenConfiguredFromTheIssuerAloneThenAcceptsTokensAndRefusesTamperedOnes(String algorithm)
			throws Exception {
		int port = freePort();
		String issuer = "http://127.0.0.1:" + port;
		try (ConfigurableApplicationContext service = start(port, issuer, "--jwt.algorithm=" + algorithm,
				"--jwt.key-dir=" + this.keys)) {
			Map<String, Object> tokens = login(issuer, "rs");

			// What Spring Boot builds from spring.security.oauth2.resourceserver.jwt.issuer-uri,
			// plus the at+jwt type check and roles as authorities.
			NimbusJwtDecoder decoder = (NimbusJwtDecoder) JwtDecoders.fromIssuerLocation(issuer);
			decoder.setJwtValidator(JwtValidators.createDefaultWithValidators(new JwtIssuerValidator(issuer),
					new JwtTypeValidator("at+jwt")));
			JwtGrantedAuthoritiesConverter roles = new JwtGrantedAuthoritiesConverter();
			roles.setAuthoritiesClaimName("roles");
			roles.setAuthorityPrefix("ROLE_");
			JwtAuthenticationConverter converter = new JwtAuthenticationConverter();
			converter.setJwtGrantedAuthoritiesConverter(roles);
			JwtAuthenticationProvider resourceServer = new JwtAuthenticationProvider(decoder);
			resourceServer.setJwtAuthenticationConverter(converter);

			String access = (String) tokens.get("access_token");
			Authentication user = resourceServer.authenticate(new BearerTokenAuthenticationToken(access));
			assertThat(user.getName()).isEqualTo(tokens.get("user_id"));
			// Spring Security 7 adds FACTOR_BEARER for how the caller authenticated.
			assertThat(user.getAuthorities()).extracting(GrantedAuthority::getAuthority)
				.filteredOn((authority) -> authority.startsWith("ROLE_"))
				.containsExactly("ROLE_USER");

			String[] parts = access.split("\\.");
			String tamperedClaims = parts[0] + "." + parts[1].substring(0, parts[1].length() - 2)
					+ (parts[1].endsWith("A") ? "BA" : "AA") + "." + parts[2];
			String tamperedSignature = parts[0] + "." + parts[1] + "." + (parts[2].startsWith("A") ? "B" : "A")
					+ parts[2].substring(1);
			for (String tampered : List.of(tamperedClaims, tamperedSignature, (String) tokens.get("refresh_token"))) {
				assertThatThrownBy(() -> resourceServer.authenticate(new BearerTokenAuthenticationToken(tampered)))
					.isInstanceOf(AuthenticationException.class);
			}

			// A service client's token verifies the same way and carries its client_id and scope.
			NewServiceClient client = service.getBean(ServiceClients.class).add("billing", List.of("introspect"));
			String clientToken = (String) JSON.readValue(post(issuer + "/oauth/token",
					OAuthClient.basic(client.client().clientId(), client.secret()), "grant_type=client_credentials")
				.body(), Map.class)
				.get("access_token");
			assertThat(decoder.decode(clientToken).getClaimAsString("client_id")).isEqualTo(client.client().clientId());
		}
	}

	@Test
	void discoveryWhenIssuerIsTheServiceUrlThenEveryAdvertisedEndpointAnswers() throws Exception {
		int port = freePort();
		String issuer = "http://127.0.0.1:" + port;
		try (ConfigurableApplicationContext service = start(port, issuer, "--jwt.algorithm=ES256",
				"--jwt.key-dir=" + this.keys)) {
			HttpResponse<String> oauth = get(issuer + "/.well-known/oauth-authorization-server", null);
			HttpResponse<String> openId = get(issuer + "/.well-known/openid-configuration", null);
			assertThat(oauth.statusCode()).isEqualTo(200);
			assertThat(openId.body()).isEqualTo(oauth.body());
			assertThat(oauth.headers().firstValue("Cache-Control")).hasValueSatisfying(
					(cache) -> assertThat(cache).contains("max-age=").contains("public"));
			// Never from the Host header: a forged one changes nothing.
			assertThat(get(issuer + "/.well-known/openid-configuration", "evil.example").body())
				.isEqualTo(oauth.body());

			Map<String, Object> metadata = JSON.readValue(oauth.body(), Map.class);
			assertThat(metadata).containsOnlyKeys("issuer", "token_endpoint", "introspection_endpoint",
					"revocation_endpoint", "userinfo_endpoint", "jwks_uri", "grant_types_supported",
					"response_types_supported", "token_endpoint_auth_methods_supported",
					"introspection_endpoint_auth_methods_supported", "revocation_endpoint_auth_methods_supported");
			assertThat(metadata).containsEntry("issuer", issuer)
				.containsEntry("grant_types_supported", List.of("client_credentials"))
				.containsEntry("response_types_supported", List.of())
				.containsEntry("token_endpoint_auth_methods_supported",
						List.of("client_secret_basic", "client_secret_post"));

			NewServiceClient client = service.getBean(ServiceClients.class)
				.add("gateway", List.of("introspect", "revoke"));
			String basic = OAuthClient.basic(client.client().clientId(), client.secret());
			Map<String, Object> tokens = login(issuer, "disc");
			String access = (String) tokens.get("access_token");

			HttpResponse<String> token = post((String) metadata.get("token_endpoint"), basic,
					"grant_type=client_credentials");
			assertThat(token.statusCode()).isEqualTo(200);
			HttpResponse<String> introspection = post((String) metadata.get("introspection_endpoint"), basic,
					OAuthClient.form("token", access));
			assertThat(JSON.readValue(introspection.body(), Map.class)).containsEntry("active", true);
			HttpResponse<String> userinfo = http.send(HttpRequest.newBuilder(URI.create(
					(String) metadata.get("userinfo_endpoint"))).header("Authorization", "Bearer " + access).build(),
					HttpResponse.BodyHandlers.ofString());
			assertThat(userinfo.statusCode()).isEqualTo(200);
			assertThat(get((String) metadata.get("jwks_uri"), null).body()).contains("\"kty\":\"EC\"");
			HttpResponse<String> revocation = post((String) metadata.get("revocation_endpoint"), basic,
					OAuthClient.form("token", access));
			assertThat(revocation.statusCode()).isEqualTo(200);
			assertThat(JSON.readValue(post((String) metadata.get("introspection_endpoint"), basic,
					OAuthClient.form("token", access)).body(), Map.class)).isEqualTo(Map.of("active", false));
		}
	}

	@Test
	void opaqueTokenResourceServerWhenUserLogsOutThenRefusesTheTokenAtOnce() throws Exception {
		int port = freePort();
		String issuer = "http://127.0.0.1:" + port;
		try (ConfigurableApplicationContext service = start(port, issuer)) {
			HttpResponse<String> metadata = get(issuer + "/.well-known/openid-configuration", null);
			assertThat(JSON.readValue(metadata.body(), Map.class)).doesNotContainKey("jwks_uri");

			NewServiceClient client = service.getBean(ServiceClients.class).add("orders", List.of("introspect"));
			// What spring.security.oauth2.resourceserver.opaquetoken.* builds.
			OpaqueTokenAuthenticationProvider resourceServer = new OpaqueTokenAuthenticationProvider(
					SpringOpaqueTokenIntrospector.withIntrospectionUri(issuer + "/oauth/introspect")
						.clientId(client.client().clientId())
						.clientSecret(client.secret())
						.build());
			Map<String, Object> tokens = login(issuer, "opaque");
			String access = (String) tokens.get("access_token");
			Authentication user = resourceServer.authenticate(new BearerTokenAuthenticationToken(access));
			assertThat(user.getName()).isEqualTo(tokens.get("user_id"));

			HttpResponse<String> logout = http.send(HttpRequest.newBuilder(URI.create(issuer + "/logout"))
				.header("Authorization", "Bearer " + access)
				.POST(HttpRequest.BodyPublishers.noBody())
				.build(), HttpResponse.BodyHandlers.ofString());
			assertThat(logout.statusCode()).isEqualTo(204);
			assertThatThrownBy(() -> resourceServer.authenticate(new BearerTokenAuthenticationToken(access)))
				.isInstanceOf(AuthenticationException.class);
			assertThatThrownBy(() -> resourceServer
				.authenticate(new BearerTokenAuthenticationToken((String) tokens.get("refresh_token"))))
				.isInstanceOf(AuthenticationException.class);
		}
	}

	private static ConfigurableApplicationContext start(int port, String issuer, String... more) {
		String[] args = new String[3 + more.length];
		args[0] = "--server.port=" + port;
		args[1] = "--spring.profiles.active=test";
		args[2] = "--jwt.issuer=" + issuer;
		System.arraycopy(more, 0, args, 3, more.length);
		return SpringApplication.run(AuthApplication.class, args);
	}

	private static int freePort() throws IOException {
		try (ServerSocket socket = new ServerSocket(0)) {
			return socket.getLocalPort();
		}
	}

	@SuppressWarnings("unchecked")
	private Map<String, Object> login(String base, String prefix) throws Exception {
		String username = prefix + "-" + System.nanoTime();
		Map<String, String> credentials = Map.of("username", username, "password", PASSWORD);
		this.http.send(json(base + "/signup", credentials), HttpResponse.BodyHandlers.ofString());
		return JSON.readValue(this.http.send(json(base + "/auth", credentials), HttpResponse.BodyHandlers.ofString())
			.body(), Map.class);
	}

	private HttpResponse<String> get(String url, String host) throws Exception {
		HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(url));
		if (host != null) {
			request.header("X-Forwarded-Host", host);
		}
		return this.http.send(request.build(), HttpResponse.BodyHandlers.ofString());
	}

	private HttpResponse<String> post(String url, String authorization, String form) throws Exception {
		return this.http.send(HttpRequest.newBuilder(URI.create(url))
			.header("Authorization", authorization)
			.header("Content-Type", "application/x-www-form-urlencoded")
			.POST(HttpRequest.BodyPublishers.ofString(form))
			.build(), HttpResponse.BodyHandlers.ofString());
	}

	private static HttpRequest json(String url, Object body) {
		return HttpRequest.newBuilder(URI.create(url))
			.header("Content-Type", "application/json")
			.POST(HttpRequest.BodyPublishers.ofString(JSON.writeValueAsString(body)))
			.build();
	}

}
