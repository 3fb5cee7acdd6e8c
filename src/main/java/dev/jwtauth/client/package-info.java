/**
 * Who a request comes from: {@link dev.jwtauth.client.ClientInfo} reads the client
 * address and user agent once, for the audit trail, the limits and the session list.
 */
package dev.jwtauth.client;
