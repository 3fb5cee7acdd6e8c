/**
 * Accounts: signup, credentials, {@code /me} and {@code /users}. {@link Accounts} is
 * the module's public API; entities and repositories stay package-private so that no
 * other feature writes account rows behind its back.
 */
package dev.jwtauth.accounts;
