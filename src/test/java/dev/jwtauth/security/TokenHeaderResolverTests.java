package dev.jwtauth.security;

import org.junit.jupiter.api.Test;

import org.springframework.mock.web.MockHttpServletRequest;

import static org.assertj.core.api.Assertions.assertThat;

class TokenHeaderResolverTests {

	@Test
	void resolveWhenBearerThenToken() {
		MockHttpServletRequest request = new MockHttpServletRequest();
		request.addHeader("Authorization", "Bearer abc.def.ghi");
		assertThat(TokenHeaderResolver.resolve(request)).containsExactly("abc.def.ghi");
	}

	@Test
	void resolveWhenJwtSchemeOrAccessTokenHeaderThenToken() {
		MockHttpServletRequest jwt = new MockHttpServletRequest();
		jwt.addHeader("Authorization", "JWT abc.def.ghi");
		assertThat(TokenHeaderResolver.resolve(jwt)).containsExactly("abc.def.ghi");
		MockHttpServletRequest header = new MockHttpServletRequest();
		header.addHeader("x-access-token", "abc.def.ghi");
		assertThat(TokenHeaderResolver.resolve(header)).containsExactly("abc.def.ghi");
	}

	@Test
	void resolveWhenOtherSchemeThenNothing() {
		MockHttpServletRequest request = new MockHttpServletRequest();
		request.addHeader("Authorization", "Basic YTpi");
		assertThat(TokenHeaderResolver.resolve(request)).isEmpty();
		MockHttpServletRequest bearerish = new MockHttpServletRequest();
		bearerish.addHeader("Authorization", "Bearerabc.def.ghi");
		assertThat(TokenHeaderResolver.resolve(bearerish)).isEmpty();
	}

	@Test
	void resolveWhenSchemeInAnyCaseThenToken() {
		for (String scheme : new String[] { "bearer", "BEARER", "bEaReR", "jwt", "Jwt" }) {
			MockHttpServletRequest request = new MockHttpServletRequest();
			request.addHeader("Authorization", scheme + " abc.def.ghi");
			assertThat(TokenHeaderResolver.resolve(request)).as(scheme).containsExactly("abc.def.ghi");
			MockHttpServletRequest bare = new MockHttpServletRequest();
			bare.addHeader("Authorization", scheme);
			assertThat(TokenHeaderResolver.resolve(bare)).as(scheme).containsExactly("");
		}
	}

	@Test
	void resolveWhenSchemeWithoutTokenThenEmptyToken() {
		MockHttpServletRequest request = new MockHttpServletRequest();
		request.addHeader("Authorization", "Bearer");
		assertThat(TokenHeaderResolver.resolve(request)).containsExactly("");
	}

	@Test
	void resolveWhenQueryParameterThenIgnored() {
		MockHttpServletRequest request = new MockHttpServletRequest();
		request.setParameter("access_token", "abc.def.ghi");
		request.setQueryString("access_token=abc.def.ghi");
		assertThat(TokenHeaderResolver.resolve(request)).isEmpty();
	}

	@Test
	void resolveWhenSeveralHeadersThenEveryTokenIsReturned() {
		MockHttpServletRequest request = new MockHttpServletRequest();
		request.addHeader("Authorization", "Bearer one");
		request.addHeader("Authorization", "JWT two");
		request.addHeader("x-access-token", "three");
		assertThat(TokenHeaderResolver.resolve(request)).containsExactly("one", "two", "three");
	}

}
