/**
 * Web-security plumbing, no business rules: the filter chain, the bearer-token filter
 * that puts the caller into the security context, the RFC 6750 error answers, and the
 * request limits that run before everything else.
 */
package dev.jwtauth.security;
