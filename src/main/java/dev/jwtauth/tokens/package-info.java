/**
 * Access tokens: issuing and verifying them, the memory of tokens already checked, and
 * the keys that sign them. {@link dev.jwtauth.tokens.AccessTokens} is the module's public
 * API; only {@code AccessTokenCodec} touches the JWT library, and {@code keys} is used by
 * this package alone.
 */
package dev.jwtauth.tokens;
