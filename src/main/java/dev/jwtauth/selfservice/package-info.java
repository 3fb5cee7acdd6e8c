/**
 * Account self-service: the owner's export of what the service holds about the account,
 * and the account's deletion. Nothing outside uses this package; it answers its routes.
 */
package dev.jwtauth.selfservice;
