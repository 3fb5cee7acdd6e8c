/**
 * The audit trail: one structured log line per security event (signup, login, refresh,
 * reuse detection, logout, password change, revocation, lockout), with who, from where
 * and the outcome, never a secret. Depends on no other feature.
 */
package dev.jwtauth.audit;
