package bench.peer;

import java.nio.charset.StandardCharsets;
import java.util.Map;

import javax.crypto.spec.SecretKeySpec;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.context.annotation.Bean;
import org.springframework.security.config.Customizer;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.config.http.SessionCreationPolicy;
import org.springframework.security.oauth2.jose.jws.MacAlgorithm;
import org.springframework.security.oauth2.jwt.JwtDecoder;
import org.springframework.security.oauth2.jwt.JwtIssuerValidator;
import org.springframework.security.oauth2.jwt.JwtTypeValidator;
import org.springframework.security.oauth2.jwt.JwtValidators;
import org.springframework.security.oauth2.jwt.NimbusJwtDecoder;
import org.springframework.security.oauth2.server.resource.authentication.JwtAuthenticationToken;
import org.springframework.security.web.SecurityFilterChain;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RestController;

/**
 * What a team would write with Spring Security's resource server instead of the service's
 * own token check: a public route and a protected one that accepts the service's access
 * tokens. bench/run measures it beside the service.
 */
@SpringBootApplication
@RestController
public class ResourceServer {

	public static void main(String[] args) {
		SpringApplication.run(ResourceServer.class, args);
	}

	@Bean
	SecurityFilterChain chain(HttpSecurity http) throws Exception {
		// @formatter:off
		http
			.authorizeHttpRequests((requests) -> requests
				.requestMatchers("/ping").permitAll()
				.anyRequest().authenticated())
			.csrf((csrf) -> csrf.disable())
			.sessionManagement((sessions) -> sessions.sessionCreationPolicy(SessionCreationPolicy.STATELESS))
			.oauth2ResourceServer((server) -> server.jwt(Customizer.withDefaults()));
		// @formatter:on
		return http.build();
	}

	/** The service's HS256 secret is the UTF-8 bytes of JWT_SECRET; its tokens are typed at+jwt. */
	@Bean
	JwtDecoder jwtDecoder(@Value("${peer.secret}") String secret, @Value("${peer.issuer}") String issuer) {
		NimbusJwtDecoder decoder = NimbusJwtDecoder
			.withSecretKey(new SecretKeySpec(secret.getBytes(StandardCharsets.UTF_8), "HmacSHA256"))
			.macAlgorithm(MacAlgorithm.HS256)
			.build();
		decoder.setJwtValidator(JwtValidators.createDefaultWithValidators(new JwtIssuerValidator(issuer),
				new JwtTypeValidator("at+jwt", "application/at+jwt")));
		return decoder;
	}

	@GetMapping("/ping")
	Map<String, String> ping() {
		return Map.of("status", "ok");
	}

	@GetMapping("/protected")
	Map<String, String> protectedRoute(JwtAuthenticationToken caller) {
		return Map.of("id", caller.getName());
	}

}
