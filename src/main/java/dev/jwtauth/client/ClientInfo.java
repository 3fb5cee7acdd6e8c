package dev.jwtauth.client;

import jakarta.servlet.http.HttpServletRequest;
import org.jspecify.annotations.Nullable;

import org.springframework.http.HttpHeaders;

/**
 * Where a request came from: the address (the proxy-resolved one when the service sits
 * behind trusted proxies) and the user agent, as the audit trail, the limits and the
 * user's session list show them. The one place a request's client is read.
 */
public record ClientInfo(@Nullable String address, @Nullable String userAgent) {

	public static ClientInfo of(HttpServletRequest request) {
		return new ClientInfo(request.getRemoteAddr(), request.getHeader(HttpHeaders.USER_AGENT));
	}

	/** The key under which per-client limits count this request's address. */
	public static String limitKey(HttpServletRequest request) {
		return ClientKey.of(request.getRemoteAddr());
	}

	private static final int MAX_USER_AGENT = 256;

	public ClientInfo {
		if (userAgent != null) {
			// Shown back to the user: keep it printable and bounded.
			userAgent = userAgent.replaceAll("\\p{Cntrl}", "");
			if (userAgent.length() > MAX_USER_AGENT) {
				userAgent = userAgent.substring(0, MAX_USER_AGENT);
			}
		}
		if (address != null && address.length() > 64) {
			address = address.substring(0, 64);
		}
	}

}
