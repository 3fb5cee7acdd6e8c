/**
 * Account recovery by mail: single-use mail tokens and the password reset they carry.
 * Nothing outside uses this package; it answers its own routes.
 */
package dev.jwtauth.recovery;
