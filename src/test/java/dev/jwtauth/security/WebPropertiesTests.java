package dev.jwtauth.security;

import java.time.Duration;
import java.util.List;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

/**
 * Allowed origins are answered with credentials, so a setting that would let in pages
 * nobody named is refused at start.
 */
class WebPropertiesTests {

	private static WebProperties withOrigins(String... origins) {
		return new WebProperties(List.of(origins), 30, 150, Duration.ofMinutes(5), 30, 3000);
	}

	@Test
	void originsWhenExactThenKept() {
		assertThat(withOrigins(" https://app.example ", "http://localhost:5173", "").corsAllowedOrigins())
			.containsExactly("https://app.example", "http://localhost:5173");
	}

	@Test
	void originsWhenWildcardNullPatternOrPathThenRefused() {
		for (String origin : List.of("*", "null", "https://*.example", "https://app.example/", "https://app.example/x",
				"app.example", "file:///tmp/page.html", "https://user@app.example")) {
			assertThatIllegalArgumentException().as(origin)
				.isThrownBy(() -> withOrigins(origin))
				.withMessageContaining("CORS_ALLOWED_ORIGINS");
		}
	}

}
