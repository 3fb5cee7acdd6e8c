/**
 * Command-line tasks run with the packaged jar instead of the HTTP service, such as
 * {@code useradd}. They go through the accounts module's API like any other client.
 */
package dev.jwtauth.cli;
