/**
 * The service for other services: discovery (RFC 8414), the client-credentials token
 * endpoint, introspection (RFC 7662), revocation (RFC 7009) and {@code /userinfo}. Its
 * routes are its only API; introspection and revocation go through the same token
 * checks, revocations and sessions as every request.
 */
package dev.jwtauth.oauth;
