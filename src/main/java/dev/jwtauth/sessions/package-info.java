/**
 * Sessions: a login's refresh-token family, its rotation and theft detection, refresh
 * and logout, the user's session list and the admin's revoke. {@link
 * dev.jwtauth.sessions.Sessions} is the module's public API.
 */
package dev.jwtauth.sessions;
