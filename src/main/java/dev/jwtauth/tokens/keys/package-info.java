/**
 * Signing keys: where they come from (environment, files, first-start generation) and
 * which key verifies which token. Internal to the tokens module.
 */
package dev.jwtauth.tokens.keys;
