/**
 * JWT authentication service: people sign up, log in, receive tokens and call
 * protected routes with them. Each sub-package is one feature; their allowed
 * dependencies are checked by {@code ModularityTests}.
 */
package dev.jwtauth;
