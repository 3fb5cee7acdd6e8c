package dev.jwtauth.accounts;

/**
 * What an account may do. Every account is a {@code USER}; {@code ADMIN} adds the
 * user-management routes.
 */
public enum Role {

	USER, ADMIN

}
