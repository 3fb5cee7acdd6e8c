/**
 * Service clients: other services registered from the command line, each with an id, a
 * secret stored only as a password hash, and scopes. {@link
 * dev.jwtauth.oauth.clients.ServiceClients} is the module's public API.
 */
package dev.jwtauth.oauth.clients;
