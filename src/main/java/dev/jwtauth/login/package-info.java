/**
 * Login and password change: the login routes, the password check within the
 * brute-force limits ({@code LoginThrottle}), and the change of a password. It answers
 * with a session started by {@code sessions}; nothing outside uses this package.
 */
package dev.jwtauth.login;
