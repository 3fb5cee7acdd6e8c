package dev.jwtauth.security;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import org.springframework.security.web.header.HeaderWriter;
import org.springframework.security.web.servlet.util.matcher.PathPatternRequestMatcher;
import org.springframework.security.web.util.matcher.RequestMatcher;

/**
 * Swagger UI's pages get the service's policy with one inline style allowed by its hash:
 * the {@code <style>} that the bundle's top-bar logo inserts through React. A nonce
 * cannot work there (the bundle creates the element without one), and every other
 * inline style stays refused. Runs after the default policy's writer and replaces its
 * header on these pages only. A Swagger UI upgrade that changes the logo's style shows
 * up as a refusal in {@code SwaggerUiIntegrationTests}.
 */
final class SwaggerUiContentSecurityPolicy implements HeaderWriter {

	static final String LOGO_STYLE_HASH = "'sha256-RL3ie0nH+Lzz2YNqQN83mnU0J1ot4QL7b99vMdIX99w='";

	static final String POLICY = withStyleHash(SecurityConfiguration.CONTENT_SECURITY_POLICY);

	private static final String HEADER = "Content-Security-Policy";

	private final RequestMatcher pages = PathPatternRequestMatcher.withDefaults().matcher("/swagger-ui/**");

	@Override
	public void writeHeaders(HttpServletRequest request, HttpServletResponse response) {
		if (this.pages.matches(request)) {
			response.setHeader(HEADER, POLICY);
		}
	}

	private static String withStyleHash(String policy) {
		String styles = "style-src 'self'";
		if (!policy.contains(styles + ";")) {
			throw new IllegalStateException("The default policy has no \"" + styles + "\" to add the hash to");
		}
		return policy.replace(styles + ";", styles + " " + LOGO_STYLE_HASH + ";");
	}

}
