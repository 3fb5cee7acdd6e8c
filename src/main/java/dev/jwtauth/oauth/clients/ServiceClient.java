package dev.jwtauth.oauth.clients;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

/**
 * A registered service client, without its secret.
 *
 * @param clientId its public id, {@code client_...}
 * @param key the session id of every token it holds: revoking it revokes them all
 * @param name what the operator called it
 * @param scopes what it may do: {@code introspect}, {@code revoke}, or scopes that only
 * other services give a meaning
 * @param createdAt when it was added
 */
public record ServiceClient(String clientId, UUID key, String name, List<String> scopes, Instant createdAt) {

	public boolean hasScope(String scope) {
		return this.scopes.contains(scope);
	}

}
