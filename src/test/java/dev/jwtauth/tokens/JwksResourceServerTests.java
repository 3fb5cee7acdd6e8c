package dev.jwtauth.tokens;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.util.Map;

import dev.jwtauth.AuthApplication;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.boot.SpringApplication;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.security.oauth2.jose.jws.SignatureAlgorithm;
import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.security.oauth2.jwt.JwtException;
import org.springframework.security.oauth2.jwt.JwtIssuerValidator;
import org.springframework.security.oauth2.jwt.JwtTypeValidator;
import org.springframework.security.oauth2.jwt.JwtValidators;
import org.springframework.security.oauth2.jwt.NimbusJwtDecoder;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * Another service, built on Spring Security's resource server as docs/security.md shows,
 * verifies this service's ES256 tokens through its JWKS alone.
 */
class JwksResourceServerTests {

	private static final JsonMapper JSON = JsonMapper.builder().build();

	@TempDir
	Path keys;

	@Test
	@SuppressWarnings("unchecked")
	void resourceServerWhenGivenTheJwksUriThenVerifiesIssuedTokens() throws Exception {
		try (ConfigurableApplicationContext service = SpringApplication.run(AuthApplication.class, "--server.port=0",
				"--spring.profiles.active=test", "--jwt.algorithm=ES256", "--jwt.key-dir=" + this.keys)) {
			String base = "http://127.0.0.1:" + service.getEnvironment().getProperty("local.server.port");
			HttpClient http = HttpClient.newHttpClient();
			String username = "rs-" + System.nanoTime();
			http.send(json(base + "/signup", Map.of("username", username, "password", "violet staple orbit 42")),
					HttpResponse.BodyHandlers.ofString());
			HttpResponse<String> login = http.send(
					json(base + "/auth", Map.of("username", username, "password", "violet staple orbit 42")),
					HttpResponse.BodyHandlers.ofString());
			Map<String, Object> tokens = JSON.readValue(login.body(), Map.class);

			HttpResponse<String> jwks = http.send(
					HttpRequest.newBuilder(URI.create(base + "/.well-known/jwks.json")).build(),
					HttpResponse.BodyHandlers.ofString());
			assertThat(jwks.statusCode()).isEqualTo(200);
			assertThat(jwks.body()).contains("\"kty\":\"EC\"").doesNotContain("\"d\"");

			// @formatter:off
			NimbusJwtDecoder decoder = NimbusJwtDecoder.withJwkSetUri(base + "/.well-known/jwks.json")
				.jwsAlgorithm(SignatureAlgorithm.ES256)
				.build();
			decoder.setJwtValidator(JwtValidators.createDefaultWithValidators(
					new JwtIssuerValidator("jwt-auth-service"), new JwtTypeValidator("at+jwt")));
			// @formatter:on
			Jwt jwt = decoder.decode((String) tokens.get("access_token"));
			assertThat(jwt.getSubject()).isEqualTo(tokens.get("user_id"));
			assertThat(jwt.getClaimAsString("iss")).isEqualTo("jwt-auth-service");
			assertThat(jwt.getClaimAsStringList("roles")).containsExactly("USER");
			assertThatThrownBy(() -> decoder.decode((String) tokens.get("refresh_token")))
				.isInstanceOf(JwtException.class);
		}
	}

	@Test
	void jwksWhenSigningWithASharedSecretThen404() throws Exception {
		try (ConfigurableApplicationContext service = SpringApplication.run(AuthApplication.class, "--server.port=0",
				"--spring.profiles.active=test")) {
			String base = "http://127.0.0.1:" + service.getEnvironment().getProperty("local.server.port");
			HttpResponse<String> jwks = HttpClient.newHttpClient()
				.send(HttpRequest.newBuilder(URI.create(base + "/.well-known/jwks.json")).build(),
						HttpResponse.BodyHandlers.ofString());
			assertThat(jwks.statusCode()).isEqualTo(404);
			assertThat(jwks.headers().firstValue("Content-Type")).hasValueSatisfying(
					(type) -> assertThat(type).startsWith("application/problem+json"));
		}
	}

	private static HttpRequest json(String url, Object body) {
		return HttpRequest.newBuilder(URI.create(url))
			.header("Content-Type", "application/json")
			.POST(HttpRequest.BodyPublishers.ofString(JSON.writeValueAsString(body)))
			.build();
	}

}
