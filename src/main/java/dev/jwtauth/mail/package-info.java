/**
 * Outgoing mail for the account flows: {@code Mail} queues a message, sends it after the
 * caller's transaction commits, on threads of its own, with retries, and builds the
 * links that mail carries from {@code PUBLIC_BASE_URL} alone. The message goes out over
 * SMTP when {@code spring.mail.host} is set, else into an owner-only folder of
 * {@code .eml} files. Uses {@code storage} for owner-only files.
 */
@NullMarked
package dev.jwtauth.mail;

import org.jspecify.annotations.NullMarked;
