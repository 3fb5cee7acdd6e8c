/**
 * Running the service in production: request ids in the logs, the service's own
 * metrics, and 503 answers instead of 500 while the database cannot be reached. Uses
 * only {@code audit} (to count its events) and {@code errors} (to write problems).
 */
package dev.jwtauth.operations;
