package dev.jwtauth.tokens;

import org.jspecify.annotations.Nullable;

/**
 * Where a login or refresh came from, as shown in the user's session list.
 */
public record ClientInfo(@Nullable String address, @Nullable String userAgent) {

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
