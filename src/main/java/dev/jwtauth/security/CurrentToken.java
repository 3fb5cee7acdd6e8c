package dev.jwtauth.security;

import dev.jwtauth.tokens.VerifiedToken;

import org.springframework.security.core.Authentication;

/**
 * The access token the current request was authenticated with, which the security
 * filter keeps as the authentication's credentials.
 */
public final class CurrentToken {

	private CurrentToken() {
	}

	public static VerifiedToken of(Authentication authentication) {
		if (authentication.getCredentials() instanceof VerifiedToken token) {
			return token;
		}
		throw new IllegalStateException("request not authenticated by an access token");
	}

}
