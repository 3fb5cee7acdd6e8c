package dev.jwtauth.security;

/**
 * Routes anyone may call. A token sent to one of them is ignored rather than judged, so
 * a stale token in a browser never blocks a login. The page at {@code /} and its assets
 * are public too: the page itself holds no data, it calls the API with a token.
 */
final class PublicPaths {

	static final String SIGNUP = "/signup";

	static final String REFRESH = "/auth/refresh";

	static final String[] PATTERNS = { SIGNUP, "/auth", "/login", "/token", REFRESH, "/error",
			"/v3/api-docs", "/v3/api-docs/**", "/v3/api-docs.yaml", "/swagger-ui.html", "/swagger-ui/**",
			"/actuator/health", "/actuator/health/**", "/.well-known/jwks.json", "/ping",
			"/", "/index.html", "/assets/*.js", "/assets/*.css" };

	private PublicPaths() {
	}

}
