package dev.jwtauth.tokens;

import dev.jwtauth.accounts.AccountDetails;
import dev.jwtauth.accounts.Accounts;
import org.jspecify.annotations.Nullable;

import org.springframework.stereotype.Service;

/**
 * The tokens module's public API: log in, and verify a presented access token.
 */
@Service
public class TokenService {

	private final Accounts accounts;

	private final AccessTokenCodec codec;

	private final TokenProperties properties;

	TokenService(Accounts accounts, AccessTokenCodec codec, TokenProperties properties) {
		this.accounts = accounts;
		this.codec = codec;
		this.properties = properties;
	}

	TokenResponse login(@Nullable String loginName, @Nullable String password) {
		AccountDetails account = this.accounts.authenticate(loginName, password)
			.orElseThrow(InvalidCredentialsException::new);
		IssuedToken access = this.codec.issue(account);
		return TokenResponse.bearer(access, this.properties.accessTokenTtl().toSeconds(), null, account.id());
	}

	/**
	 * Checks a presented access token's format, signature and claims.
	 * @throws InvalidTokenException naming the check that failed
	 */
	public VerifiedToken verify(String token) {
		return this.codec.verify(token);
	}

}
