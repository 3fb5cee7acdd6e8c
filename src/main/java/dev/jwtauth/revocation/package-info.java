/**
 * Revocation: which logins and access tokens are revoked, kept in memory on each
 * instance and shared through the revocation feed. {@link
 * dev.jwtauth.revocation.Revocations} is the module's public API.
 */
package dev.jwtauth.revocation;
