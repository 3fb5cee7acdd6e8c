package dev.jwtauth.security;

import org.springframework.http.HttpMethod;
import org.springframework.security.web.servlet.util.matcher.PathPatternRequestMatcher;
import org.springframework.security.web.util.matcher.OrRequestMatcher;
import org.springframework.security.web.util.matcher.RequestMatcher;

/**
 * The routes the security chain treats apart from "signed in": the public ones, the
 * admin-only ones and the rate-limited ones, each named once here for the chain and the
 * filters to read.
 */
final class Routes {

	private static final String SIGNUP = "/signup";

	private static final String REFRESH = "/auth/refresh";

	/** The second step of a login: it takes an mfa_token, not an access token. */
	private static final String MFA_LOGIN = "/auth/mfa";

	/** A passkey login: its options and its answer, both before anyone is signed in. */
	private static final String[] PASSKEY_LOGIN = { "/auth/passkey/options", "/auth/passkey" };

	/** Recovery routes that anyone may call: each costs a lookup, a hash or a mail. */
	private static final String[] RECOVERY = { "/recover", "/recover/confirm", "/verify" };

	/**
	 * The service-client routes: the client authenticates itself with its secret, never
	 * with a bearer token, and each costs a secret check.
	 */
	private static final String[] OAUTH = { "/oauth/token", "/oauth/introspect", "/oauth/revoke" };

	/**
	 * Routes anyone may call. A token sent to one of them is ignored rather than judged, so
	 * a stale token in a browser never blocks a login. The page at {@code /} and its assets
	 * are public too: the page itself holds no data, it calls the API with a token.
	 */
	static final String[] PUBLIC = { SIGNUP, "/auth", "/login", "/token", REFRESH, MFA_LOGIN, PASSKEY_LOGIN[0],
			PASSKEY_LOGIN[1], RECOVERY[0], RECOVERY[1],
			RECOVERY[2], OAUTH[0], OAUTH[1], OAUTH[2], "/.well-known/oauth-authorization-server",
			"/.well-known/openid-configuration", "/error",
			"/v3/api-docs", "/v3/api-docs/**", "/v3/api-docs.yaml", "/swagger-ui.html", "/swagger-ui/**",
			"/actuator/health", "/actuator/health/**", "/.well-known/jwks.json", "/ping",
			"/", "/index.html", "/assets/*.js", "/assets/*.css" };

	/** Admin-only routes, matched for every method: a HEAD runs the GET handler too. */
	static final String[] ADMIN = { "/users", "/user", "/users/*/revoke", "/users/*/disable", "/users/*/enable",
			"/users/*/mfa/reset" };

	private static final PathPatternRequestMatcher.Builder PATHS = PathPatternRequestMatcher.withDefaults();

	/** The public routes as one matcher, for the bearer-token filter to skip and the chain to permit. */
	static final RequestMatcher PUBLIC_MATCHER = AnyPath.of(PATHS, PUBLIC);

	/** The admin-only routes as one matcher. */
	static final RequestMatcher ADMIN_MATCHER = AnyPath.of(PATHS, ADMIN);

	// The rate-limited routes are POSTs only: RateLimitFilter looks no further for another method.

	/** Signups, rate-limited per client. */
	static final RequestMatcher SIGNUP_POST = PATHS.matcher(HttpMethod.POST, SIGNUP);

	/** Refreshes, rate-limited per client. */
	static final RequestMatcher REFRESH_POST = PATHS.matcher(HttpMethod.POST, REFRESH);

	/** Second steps of logins, rate-limited per client like refreshes. */
	static final RequestMatcher MFA_LOGIN_POST = PATHS.matcher(HttpMethod.POST, MFA_LOGIN);

	/** Passkey login options, rate-limited per client like refreshes. */
	static final RequestMatcher PASSKEY_OPTIONS_POST = PATHS.matcher(HttpMethod.POST, PASSKEY_LOGIN[0]);

	/** Passkey logins, rate-limited per client like refreshes, apart from their options. */
	static final RequestMatcher PASSKEY_LOGIN_POST = PATHS.matcher(HttpMethod.POST, PASSKEY_LOGIN[1]);

	/** Recovery requests and verification-mail resends, rate-limited per client. */
	static final RequestMatcher RECOVERY_POST = new OrRequestMatcher(PATHS.matcher(HttpMethod.POST, RECOVERY[0]),
			PATHS.matcher(HttpMethod.POST, RECOVERY[1]), PATHS.matcher(HttpMethod.POST, RECOVERY[2]),
			PATHS.matcher(HttpMethod.POST, "/me/email/verification"));

	/** The service-client routes, rate-limited per client. */
	static final RequestMatcher OAUTH_POST = new OrRequestMatcher(PATHS.matcher(HttpMethod.POST, OAUTH[0]),
			PATHS.matcher(HttpMethod.POST, OAUTH[1]), PATHS.matcher(HttpMethod.POST, OAUTH[2]));

	private Routes() {
	}

}
