package dev.jwtauth.security;

import java.util.regex.Pattern;

import dev.jwtauth.testing.IntegrationTest;
import org.junit.jupiter.api.Test;

import org.springframework.test.web.servlet.request.MockMvcRequestBuilders;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The page at {@code /} and its assets are public and fit the Content-Security-Policy;
 * everything else answers exactly as before the page existed.
 */
class PublicPageIntegrationTests extends IntegrationTest {

	@Test
	void pageWhenNoTokenThenServedWithSecurityHeaders() throws Exception {
		// "/" is the welcome page: a forward to index.html, which MockMvc does not follow
		Reply welcome = get("/");
		assertThat(welcome.status()).isEqualTo(200);
		assertThat(welcome.raw().getForwardedUrl()).isEqualTo("index.html");
		Reply page = get("/index.html");
		assertThat(page.status()).isEqualTo(200);
		assertThat(page.contentType()).startsWith("text/html");
		assertThat(page.body()).contains("<title>JWT auth service</title>");
		assertThat(page.header("Content-Security-Policy")).contains("script-src 'self'")
			.doesNotContain("unsafe-inline");
		assertThat(page.header("X-Content-Type-Options")).isEqualTo("nosniff");
	}

	@Test
	void assetsWhenNoTokenThenServedWithTheirTypes() throws Exception {
		Reply script = get("/assets/app.js");
		assertThat(script.status()).isEqualTo(200);
		assertThat(script.contentType()).contains("javascript");
		Reply style = get("/assets/app.css");
		assertThat(style.status()).isEqualTo(200);
		assertThat(style.contentType()).startsWith("text/css");
	}

	@Test
	void pageWhenStaleTokenSentThenStillServed() throws Exception {
		assertThat(get("/", "Authorization", "Bearer not.a.token").status()).isEqualTo(200);
		assertThat(get("/assets/app.js", "Authorization", "Bearer not.a.token").status()).isEqualTo(200);
	}

	@Test
	void pageWhenReadThenHasNoInlineScriptOrStyleForTheCspToBlock() throws Exception {
		String html = get("/index.html").body();
		// every script has a src, no element has an event-handler or a style attribute
		assertThat(Pattern.compile("<script(?![^>]*\\bsrc=)[^>]*>").matcher(html).find()).isFalse();
		assertThat(Pattern.compile("\\son[a-z]+\\s*=", Pattern.CASE_INSENSITIVE).matcher(html).find()).isFalse();
		assertThat(Pattern.compile("\\sstyle\\s*=", Pattern.CASE_INSENSITIVE).matcher(html).find()).isFalse();
		assertThat(html).doesNotContain("<style").doesNotContain("javascript:");
		// and nothing from another origin
		assertThat(Pattern.compile("(src|href)=\"(https?:)?//").matcher(html).find()).isFalse();
	}

	@Test
	void otherRoutesWhenNoTokenThenStillRefused() throws Exception {
		for (String path : new String[] { "/me", "/work", "/hello", "/protected", "/me/sessions", "/users" }) {
			Reply reply = get(path);
			assertThat(reply.status()).as(path).isEqualTo(401);
			assertThat(reply.header("WWW-Authenticate")).as(path).isEqualTo("Bearer realm=\"api\"");
		}
	}

	@Test
	void assetsWhenAbsentThen404Problem() throws Exception {
		Reply reply = get("/assets/no-such-file.js");
		assertThat(reply.status()).isEqualTo(404);
		assertThat(reply.contentType()).startsWith("application/problem+json");
	}

	@Test
	void pageWhenPostedToThenNoServerError() throws Exception {
		Reply reply = perform(MockMvcRequestBuilders.post("/"));
		assertThat(reply.status()).isBetween(400, 499);
	}

}
