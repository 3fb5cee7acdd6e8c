package dev.jwtauth.sessions;

import java.time.Duration;
import java.util.Locale;

import dev.jwtauth.errors.InvalidFieldsException;
import jakarta.servlet.http.Cookie;
import jakarta.servlet.http.HttpServletRequest;
import org.jspecify.annotations.Nullable;

import org.springframework.http.ResponseCookie;

/**
 * Where a client wants its refresh token: in the answer's body (the default), or, for
 * a page on the service's own site, in the {@code __Host-refresh} cookie that scripts
 * cannot read. A client asks for the cookie with {@code X-Refresh-Token-Delivery:
 * cookie} on every login and refresh; a cross-site form or a simple request can carry
 * the cookie but cannot set that header, so without it the cookie is never read.
 */
public enum RefreshDelivery {

	/** {@code refresh_token} in the body; any cookie is ignored */
	BODY,
	/** the refresh token in the {@code __Host-refresh} cookie only */
	COOKIE;

	public static final String HEADER = "X-Refresh-Token-Delivery";

	/** What the OpenAPI description says of the header. */
	public static final String HEADER_DESCRIPTION = "`cookie`: the refresh token comes and goes in the "
			+ "`__Host-refresh` cookie (Secure, HttpOnly, SameSite=Strict), never in the body: for a page on the "
			+ "service's own site. Any other value is a 400.";

	static final String COOKIE_NAME = "__Host-refresh";

	/** The delivery the request asks for; a header with any other value than {@code cookie} is a 400. */
	public static RefreshDelivery of(HttpServletRequest request) {
		String value = request.getHeader(HEADER);
		if (value == null) {
			return BODY;
		}
		if (value.strip().toLowerCase(Locale.ROOT).equals("cookie")) {
			return COOKIE;
		}
		throw new InvalidFieldsException(HEADER, "must be cookie, or left out for the refresh token in the body");
	}

	/** The refresh token of the request's {@code __Host-refresh} cookie, if it carries one. */
	static @Nullable String presented(HttpServletRequest request) {
		Cookie[] cookies = request.getCookies();
		if (cookies == null) {
			return null;
		}
		for (Cookie cookie : cookies) {
			if (cookie.getName().equals(COOKIE_NAME) && !cookie.getValue().isEmpty()) {
				return cookie.getValue();
			}
		}
		return null;
	}

	/** {@code __Host-}: the browser keeps it only if Secure, for Path=/ and no Domain, so no sibling host can plant one. */
	static ResponseCookie carrying(String refreshToken, Duration remaining) {
		return cookie(refreshToken, remaining.isNegative() ? Duration.ZERO : remaining);
	}

	static ResponseCookie cleared() {
		return cookie("", Duration.ZERO);
	}

	private static ResponseCookie cookie(String value, Duration maxAge) {
		return ResponseCookie.from(COOKIE_NAME, value)
			.secure(true)
			.httpOnly(true)
			.sameSite("Strict")
			.path("/")
			.maxAge(maxAge)
			.build();
	}

}
