package dev.jwtauth.oauth.clients;

/**
 * A client just added, with the secret in clear: shown once, never stored.
 */
public record NewServiceClient(ServiceClient client, String secret) {

	@Override
	public String toString() {
		return "NewServiceClient[" + this.client.clientId() + "]";
	}

}
