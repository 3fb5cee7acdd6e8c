package dev.jwtauth.errors;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Random;
import java.util.UUID;

/**
 * Builds hostile HTTP/1.1 requests from a seeded random source, so that a failing run can
 * be replayed: any route (the real ones, odd spellings of them and unknown ones), any
 * method, mutated tokens in each of the three token headers, every content type, and
 * bodies that are malformed, deeply nested, binary or not UTF-8.
 */
final class HostileRequestGenerator {

	private static final List<String> ROUTES = List.of("/signup", "/auth", "/login", "/token", "/auth/refresh",
			"/logout", "/me", "/me/password", "/me/sessions", "/me/sessions/{id}", "/users", "/user", "/users/{id}",
			"/users/{id}/revoke", "/users/{id}/disable", "/users/{id}/enable", "/work", "/work/{id}", "/hello",
			"/protected", "/ping", "/.well-known/jwks.json", "/actuator/health", "/actuator/health/liveness",
			"/actuator/prometheus", "/actuator/env", "/v3/api-docs", "/swagger-ui.html", "/", "/index.html",
			"/assets/app.js", "/error", "/user-does-not-exist", "/nothing/here", "/auth/passkey",
			"/auth/passkey/options", "/me/passkeys", "/me/passkeys/options", "/me/passkeys/{id}");

	private static final List<String> METHODS = List.of("GET", "POST", "PUT", "DELETE", "PATCH", "HEAD", "OPTIONS",
			"TRACE", "PROPFIND", "get", "CONNECT");

	private static final List<String> CONTENT_TYPES = List.of("application/json", "application/json; charset=UTF-8",
			"application/json; charset=UTF-16", "application/json; charset=nope", "application/x-www-form-urlencoded",
			"application/x-www-form-urlencoded; charset=UTF-8", "application/x-www-form-urlencoded; charset=UTF-16LE",
			"application/x-www-form-urlencoded; charset=ISO-8859-1", "multipart/form-data",
			"multipart/form-data; boundary=xyz", "text/plain", "application/xml", "application/problem+json", "*/*",
			"application/", ";;;", "application/json; boundary=\"", "text/html; charset=\u00ff");

	private static final List<String> ACCEPTS = List.of("*/*", "application/json", "text/html", "application/xml",
			"image/png", "application/problem+json", "text/plain;q=0", "garbage//");

	private static final List<String> PATH_TWISTS = List.of("/", "//", ";x=1", "%2F", "/..", "/%2e%2e/", "/.",
			"%00", "%", "%zz", "?a=%zz", "?x=\u00e9", "?" + "a=1&".repeat(50), "#frag", "\\", "/%c0%ae", "%20",
			"\u0001", "\u00ff", "/\u4e2d", "?\u0000");

	private final Random random;

	private final String validToken;

	HostileRequestGenerator(long seed, String validToken) {
		this.random = new Random(seed);
		this.validToken = validToken;
	}

	/** One request; {@code description} says what it is, for a failure message. */
	Request next() {
		String method = pick(METHODS);
		String path = path();
		StringBuilder head = new StringBuilder();
		head.append(method).append(' ').append(path).append(" HTTP/1.1\r\n");
		head.append("Host: localhost\r\n").append("Connection: close\r\n");
		String accept = (this.random.nextInt(3) == 0) ? pick(ACCEPTS) : "";
		if (!accept.isEmpty()) {
			head.append("Accept: ").append(accept).append("\r\n");
		}
		String tokenHeader = tokenHeader();
		head.append(tokenHeader);
		byte[] body = new byte[0];
		String contentType = "";
		if (this.random.nextInt(4) != 0) {
			contentType = pick(CONTENT_TYPES);
			head.append("Content-Type: ").append(contentType).append("\r\n");
			body = body(contentType);
		}
		if (body.length > 0 || this.random.nextBoolean()) {
			head.append("Content-Length: ").append(body.length).append("\r\n");
		}
		head.append("\r\n");
		ByteArrayOutputStream bytes = new ByteArrayOutputStream();
		bytes.writeBytes(head.toString().getBytes(StandardCharsets.UTF_8));
		bytes.writeBytes(body);
		String description = method + " " + path + " [" + contentType + "] [accept " + accept + "] "
				+ tokenHeader.replace("\r\n", " ").replaceAll("(.{80}).+", "$1...") + "body of " + body.length + " bytes";
		return new Request(method, bytes.toByteArray(), description);
	}

	private String path() {
		String route = pick(ROUTES).replace("{id}", pick(List.of(new UUID(this.random.nextLong(), this.random.nextLong()).toString(), "1", "abc", "%00",
				"..", "x".repeat(300), "00000000-0000-0000-0000-000000000000")));
		return switch (this.random.nextInt(4)) {
			case 0 -> route + pick(PATH_TWISTS);
			case 1 -> "/" + randomText(1 + this.random.nextInt(20)).replace(" ", "%20")
				.replace("\r", "")
				.replace("\n", "");
			default -> route;
		};
	}

	private String tokenHeader() {
		String token = switch (this.random.nextInt(8)) {
			case 0 -> this.validToken;
			case 1 -> mutate(this.validToken);
			case 2 -> "eyJhbGciOiJub25lIn0." + this.validToken.split("\\.")[1] + ".";
			case 3 -> this.validToken.substring(0, this.random.nextInt(this.validToken.length()));
			case 4 -> "x".repeat(this.random.nextInt(10_000));
			case 5 -> randomText(this.random.nextInt(60));
			default -> null;
		};
		if (token == null) {
			return "";
		}
		return switch (this.random.nextInt(5)) {
			case 0 -> "Authorization: JWT " + token + "\r\n";
			case 1 -> "x-access-token: " + token + "\r\n";
			case 2 -> "Authorization: Bearer " + token + "\r\nx-access-token: " + token + "\r\n";
			case 3 -> "Authorization: " + token + "\r\n";
			default -> "Authorization: Bearer " + token + "\r\n";
		};
	}

	private byte[] body(String contentType) {
		return switch (this.random.nextInt(10)) {
			case 0 -> randomBytes(this.random.nextInt(2000));
			case 1 -> new byte[] { '{', '"', 'u', 's', 'e', 'r', 'n', 'a', 'm', 'e', '"', ':', '"', (byte) 0xC3,
					(byte) 0x28, '"', '}' };
			case 2 -> ("{\"a\":" + "[".repeat(2000) + "]".repeat(2000) + "}").getBytes(StandardCharsets.US_ASCII);
			case 3 -> "{\"username\":1e999999,\"password\":99999999999999999999999999999999999999999999}"
				.getBytes(StandardCharsets.US_ASCII);
			case 4 -> form();
			case 5 -> multipart();
			case 6 -> mutate(plausibleJson()).getBytes(StandardCharsets.UTF_8);
			case 7 -> "x".repeat(16 * 1024 + this.random.nextInt(4096)).getBytes(StandardCharsets.US_ASCII);
			case 8 -> plausibleJson().getBytes(contentType.contains("UTF-16") ? StandardCharsets.UTF_16
					: StandardCharsets.UTF_8);
			default -> new byte[0];
		};
	}

	private String plausibleJson() {
		String name = "fz" + Integer.toString(this.random.nextInt(1 << 30), 36);
		return pick(List.of("{\"username\":\"" + name + "\",\"password\":\"violet staple orbit 42\"}",
				"{\"username\":\"" + name + "\",\"password\":\"wrong\"}", "{\"refresh_token\":\"abc\"}",
				"{\"title\":\"" + randomText(20).replace("\"", "").replace("\\", "") + "\"}",
				"{\"current_password\":\"x\",\"new_password\":\"y\"}", "{\"username\":\"a\",\"username\":\"b\"}",
				"[]", "null", "\"text\"", "{\"username\":{\"$gt\":\"\"},\"password\":[1]}"));
	}

	private byte[] form() {
		return pick(List.of("username=fz&password=x", "user%01name=x", "username=%C3%28&password=%FF",
				"username=%zz&password=%", "=&=&&&=", "a=" + "%41".repeat(3000), "%00=%00", "title=\u00e9",
				"username=x&username=y&password=z"))
			.getBytes(StandardCharsets.ISO_8859_1);
	}

	private byte[] multipart() {
		String part = "--xyz\r\nContent-Disposition: form-data; name=\"" + pick(List.of("username", "pass\u0001word", ""))
				+ "\"\r\n\r\n" + randomText(10) + "\r\n";
		return (part + pick(List.of("--xyz--\r\n", "", "--xyz\r\n", "--abc--\r\n"))).getBytes(StandardCharsets.ISO_8859_1);
	}

	private String mutate(String text) {
		if (text.isEmpty()) {
			return randomText(5);
		}
		char[] chars = text.toCharArray();
		for (int i = 0, n = 1 + this.random.nextInt(4); i < n; i++) {
			chars[this.random.nextInt(chars.length)] = (char) (32 + this.random.nextInt(95));
		}
		String mutated = new String(chars);
		return this.random.nextBoolean() ? mutated : mutated.substring(0, this.random.nextInt(mutated.length()));
	}

	/** Printable ASCII, with now and then a character above it or a control character. */
	private String randomText(int length) {
		StringBuilder text = new StringBuilder(length);
		for (int i = 0; i < length; i++) {
			int kind = this.random.nextInt(20);
			text.append((char) ((kind == 0) ? this.random.nextInt(32) : (kind == 1) ? 128 + this.random.nextInt(400)
					: 33 + this.random.nextInt(94)));
		}
		return text.toString().replace("\r", "").replace("\n", "");
	}

	private byte[] randomBytes(int length) {
		byte[] bytes = new byte[length];
		this.random.nextBytes(bytes);
		return bytes;
	}

	private <T> T pick(List<T> choices) {
		return choices.get(this.random.nextInt(choices.size()));
	}

	record Request(String method, byte[] bytes, String description) {
	}

}
