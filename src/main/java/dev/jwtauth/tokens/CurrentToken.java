package dev.jwtauth.tokens;

import org.springframework.security.core.Authentication;

/**
 * The access token the current request was authenticated with, which the security
 * filter keeps as the authentication's credentials.
 */
final class CurrentToken {

	private CurrentToken() {
	}

	static VerifiedToken of(Authentication authentication) {
		if (authentication.getCredentials() instanceof VerifiedToken token) {
			return token;
		}
		throw new IllegalStateException("request not authenticated by an access token");
	}

}
