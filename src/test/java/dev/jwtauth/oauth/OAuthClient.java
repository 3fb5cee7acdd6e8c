package dev.jwtauth.oauth;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.StringJoiner;

import org.springframework.http.MediaType;
import org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder;
import org.springframework.test.web.servlet.request.MockMvcRequestBuilders;

/** Requests as an OAuth client library makes them: form bodies, Basic per RFC 6749 section 2.3.1. */
public final class OAuthClient {

	private OAuthClient() {
	}

	/** {@code Basic base64(urlencode(id) ":" urlencode(secret))}. */
	public static String basic(String id, String secret) {
		String joined = URLEncoder.encode(id, StandardCharsets.UTF_8) + ":"
				+ URLEncoder.encode(secret, StandardCharsets.UTF_8);
		return "Basic " + Base64.getEncoder().encodeToString(joined.getBytes(StandardCharsets.UTF_8));
	}

	/** A form body from names and values, each form-urlencoded. */
	public static String form(String... namesAndValues) {
		StringJoiner body = new StringJoiner("&");
		for (int i = 0; i + 1 < namesAndValues.length; i += 2) {
			body.add(URLEncoder.encode(namesAndValues[i], StandardCharsets.UTF_8) + "="
					+ URLEncoder.encode(namesAndValues[i + 1], StandardCharsets.UTF_8));
		}
		return body.toString();
	}

	public static MockHttpServletRequestBuilder post(String path, String authorization, String... form) {
		MockHttpServletRequestBuilder request = MockMvcRequestBuilders.post(path)
			.contentType(MediaType.APPLICATION_FORM_URLENCODED)
			.content(form(form));
		return (authorization != null) ? request.header("Authorization", authorization) : request;
	}

}
