/**
 * Second factors: TOTP (RFC 6238) with recovery codes. Enrolment, confirmation, disabling
 * and new recovery codes at {@code /me/mfa/...}, the second step of a login at
 * {@code /auth/mfa}, and the admin's reset. The TOTP secret is kept encrypted with a key
 * held outside the database; recovery codes and mfa_tokens only as hashes. Its public
 * facade is {@code SecondFactors}; it answers {@code login} and {@code accounts} through
 * their interfaces.
 */
package dev.jwtauth.mfa;
