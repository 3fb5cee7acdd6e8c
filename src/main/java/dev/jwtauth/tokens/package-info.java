/**
 * Everything about tokens: login, issuing and verifying access tokens, and the keys
 * that sign them. {@link TokenService} is the module's public API; only
 * {@code AccessTokenCodec} touches the JWT library, and {@code keys} stays internal.
 */
package dev.jwtauth.tokens;
