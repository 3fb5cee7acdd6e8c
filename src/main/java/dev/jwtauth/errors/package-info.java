/**
 * The one RFC 9457 error contract. Every error the service answers, whether raised in
 * a controller, in the security filter chain, by the servlet container or on
 * {@code /error}, is a problem document built here, with {@code errors} for field
 * problems. Depends on no other feature.
 */
package dev.jwtauth.errors;
