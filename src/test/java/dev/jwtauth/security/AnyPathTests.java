package dev.jwtauth.security;

import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

import org.springframework.mock.web.MockHttpServletRequest;
import org.springframework.security.web.servlet.util.matcher.PathPatternRequestMatcher;
import org.springframework.security.web.util.matcher.OrRequestMatcher;
import org.springframework.security.web.util.matcher.RequestMatcher;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The set lookup decides exactly as trying each pattern does, for the chain's own route
 * lists and for every spelling a client can send: encoded, with path parameters, with a
 * trailing or doubled separator, in another case, under a context path.
 */
class AnyPathTests {

	private static final PathPatternRequestMatcher.Builder PATHS = PathPatternRequestMatcher.withDefaults();

	static Stream<Arguments> routeLists() {
		// The last list has a trailing ** with no literal twin: it matches its bare start too.
		return Stream.of(Arguments.of((Object) Routes.PUBLIC), Arguments.of((Object) Routes.ADMIN),
				Arguments.of((Object) new String[] { "/docs/**", "/files/*.txt", "/plain" }));
	}

	@ParameterizedTest
	@MethodSource("routeLists")
	void matchesWhenAnyPathThenSameAsEachPatternInTurn(String[] patterns) {
		RequestMatcher fast = AnyPath.of(PATHS, patterns);
		RequestMatcher reference = new OrRequestMatcher(Stream.of(patterns).map(PATHS::matcher).toList());
		int matched = 0;
		for (String path : paths(patterns)) {
			for (String contextPath : List.of("", "/api")) {
				MockHttpServletRequest first = request(contextPath, path);
				MockHttpServletRequest second = request(contextPath, path);
				boolean expected = reference.matches(first);
				assertThat(fast.matches(second)).as("%s under '%s'", path, contextPath).isEqualTo(expected);
				matched += expected ? 1 : 0;
			}
		}
		// The spellings include matches and misses alike, so the comparison is not vacuous.
		assertThat(matched).isGreaterThan(patterns.length);
	}

	/** Each pattern in the spellings a client can send, and paths near it. */
	private static List<String> paths(String[] patterns) {
		List<String> paths = new ArrayList<>(List.of("", "/", "//", "/protected", "/me", "/users/abc", "/v3",
				"/v3/api-docs", "/v3/api-docs/", "/v3/api-docs/x/y", "/v3/api-docsx", "/assets/app.js", "/assets/app.css",
				"/assets/sub/app.js", "/assets/app.jsx", "/actuator/health/readiness", "/actuator/healthz",
				"/users/1/revoke", "/users/1/2/revoke", "/users//revoke", "/swagger-ui/index.html", "/%70ing", "/pin%67",
				"/ping;x=1", "/PING", "/docs", "/docsx", "/files"));
		for (String pattern : patterns) {
			String concrete = pattern.replace("**", "a/b").replace("*", "x");
			paths.addAll(List.of(concrete, concrete + "/", "/" + concrete, concrete + "x", concrete.toUpperCase(),
					concrete + ";jsessionid=1", concrete.replace("/", "/%2F").replaceFirst("/%2F", "/"),
					concrete.isEmpty() ? "/%61" : concrete.substring(0, concrete.length() - 1)
							+ "%" + Integer.toHexString(concrete.charAt(concrete.length() - 1))));
		}
		// A request path always starts with its separator (the context path ends before it).
		return paths.stream().filter((path) -> path.isEmpty() || path.startsWith("/")).toList();
	}

	private static MockHttpServletRequest request(String contextPath, String path) {
		MockHttpServletRequest request = new MockHttpServletRequest("GET", contextPath + path);
		request.setContextPath(contextPath);
		return request;
	}

}
