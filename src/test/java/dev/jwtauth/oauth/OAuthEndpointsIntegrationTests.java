package dev.jwtauth.oauth;

import java.util.List;
import java.util.Map;

import dev.jwtauth.accounts.Accounts;
import dev.jwtauth.accounts.NewAccount;
import dev.jwtauth.accounts.Role;
import dev.jwtauth.oauth.clients.NewServiceClient;
import dev.jwtauth.oauth.clients.ServiceClients;
import dev.jwtauth.testing.IntegrationTest;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.MediaType;
import org.springframework.test.web.servlet.request.MockMvcRequestBuilders;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The service-client routes as another service calls them: client credentials,
 * introspection and revocation, with the refusals a careless or hostile caller meets.
 */
class OAuthEndpointsIntegrationTests extends IntegrationTest {

	@Autowired
	private ServiceClients clients;

	@Autowired
	private Accounts accounts;

	private NewServiceClient client(String... scopes) {
		return this.clients.add("test " + uniqueName("c"), List.of(scopes));
	}

	private static String basic(NewServiceClient client) {
		return OAuthClient.basic(client.client().clientId(), client.secret());
	}

	private Reply clientToken(NewServiceClient client) throws Exception {
		return perform(OAuthClient.post("/oauth/token", basic(client), "grant_type", "client_credentials"));
	}

	private Reply introspect(NewServiceClient caller, String token, String... more) throws Exception {
		String[] form = new String[2 + more.length];
		form[0] = "token";
		form[1] = token;
		System.arraycopy(more, 0, form, 2, more.length);
		return perform(OAuthClient.post("/oauth/introspect", basic(caller), form));
	}

	@Test
	void tokenWhenClientAuthenticatesWithBasicThenBearerTokenWithoutRefreshToken() throws Exception {
		NewServiceClient billing = client("introspect", "revoke");
		Reply reply = clientToken(billing);
		assertThat(reply.status()).isEqualTo(200);
		assertThat(reply.header("Cache-Control")).isEqualTo("no-store");
		Map<String, Object> body = reply.object();
		assertThat(body).containsOnlyKeys("access_token", "token_type", "expires_in", "scope");
		assertThat(body).containsEntry("token_type", "Bearer").containsEntry("expires_in", 900)
			.containsEntry("scope", "introspect revoke");

		Map<String, Object> claims = introspect(billing, reply.string("access_token")).object();
		assertThat(claims).containsEntry("active", true)
			.containsEntry("token_type", "Bearer")
			.containsEntry("sub", billing.client().clientId())
			.containsEntry("client_id", billing.client().clientId())
			.containsEntry("scope", "introspect revoke")
			.containsKeys("exp", "iat", "iss", "jti")
			.doesNotContainKeys("roles", "username");
	}

	@Test
	void tokenWhenSecretPostedThenIssuedAndNarrowedToTheAskedScope() throws Exception {
		NewServiceClient client = client("introspect", "revoke");
		Reply reply = perform(OAuthClient.post("/oauth/token", null, "grant_type", "client_credentials", "client_id",
				client.client().clientId(), "client_secret", client.secret(), "scope", "revoke"));
		assertThat(reply.status()).isEqualTo(200);
		assertThat(reply.string("scope")).isEqualTo("revoke");

		Reply wider = perform(OAuthClient.post("/oauth/token", basic(client), "grant_type", "client_credentials",
				"scope", "revoke admin"));
		assertThat(wider.status()).isEqualTo(400);
		assertThat(wider.object()).containsEntry("error", "invalid_scope");
	}

	@Test
	void tokenWhenCredentialsWrongOrMissingThen401InvalidClientWithBasicChallenge() throws Exception {
		NewServiceClient client = client();
		List<Reply> refusals = List.of(
				perform(OAuthClient.post("/oauth/token", OAuthClient.basic(client.client().clientId(), "wrong"),
						"grant_type", "client_credentials")),
				perform(OAuthClient.post("/oauth/token", OAuthClient.basic("client_AAAAAAAAAAAAAAAAAAAAAA",
						client.secret()), "grant_type", "client_credentials")),
				perform(OAuthClient.post("/oauth/token", null, "grant_type", "client_credentials")),
				perform(OAuthClient.post("/oauth/token", "Basic !!!not-base64", "grant_type", "client_credentials")),
				perform(OAuthClient.post("/oauth/token", "Bearer " + client.secret(), "grant_type",
						"client_credentials")),
				perform(OAuthClient.post("/oauth/token", null, "grant_type", "client_credentials", "client_id",
						client.client().clientId())));
		for (Reply refusal : refusals) {
			assertThat(refusal.status()).isEqualTo(401);
			assertThat(refusal.header("WWW-Authenticate")).startsWith("Basic ");
			assertThat(refusal.contentType()).startsWith("application/json");
			assertThat(refusal.object()).containsEntry("error", "invalid_client").doesNotContainKey("access_token");
		}
	}

	@Test
	void tokenWhenRequestMalformedThenOAuthErrorsOfRfc6749() throws Exception {
		NewServiceClient client = client();
		assertThat(perform(OAuthClient.post("/oauth/token", basic(client), "grant_type", "password", "username", "a",
				"password", "b")).object()).containsEntry("error", "unsupported_grant_type");
		assertThat(perform(OAuthClient.post("/oauth/token", basic(client))).object()).containsEntry("error",
				"invalid_request");
		Reply twice = perform(MockMvcRequestBuilders.post("/oauth/token")
			.contentType(MediaType.APPLICATION_FORM_URLENCODED)
			.header("Authorization", basic(client))
			.content("grant_type=client_credentials&grant_type=client_credentials"));
		assertThat(twice.status()).isEqualTo(400);
		assertThat(twice.object()).containsEntry("error", "invalid_request");
		Reply inAddress = perform(MockMvcRequestBuilders
			.post("/oauth/token?client_id=" + client.client().clientId() + "&client_secret=" + client.secret())
			.contentType(MediaType.APPLICATION_FORM_URLENCODED)
			.content("grant_type=client_credentials"));
		assertThat(inAddress.status()).isEqualTo(400);
		assertThat(inAddress.object()).containsEntry("error", "invalid_request");
		Reply json = perform(MockMvcRequestBuilders.post("/oauth/token")
			.contentType(MediaType.APPLICATION_JSON)
			.header("Authorization", basic(client))
			.content("{\"grant_type\":\"client_credentials\"}"));
		assertThat(json.status()).isEqualTo(400);
		assertThat(json.object()).containsEntry("error", "invalid_request");
		Reply both = perform(OAuthClient.post("/oauth/token", basic(client), "grant_type", "client_credentials",
				"client_secret", client.secret()));
		assertThat(both.object()).containsEntry("error", "invalid_request");
	}

	@Test
	void tokenWhenSecretGuessedRepeatedlyThen429ForThatClientEvenWithTheRightSecret() throws Exception {
		NewServiceClient client = client();
		String wrong = OAuthClient.basic(client.client().clientId(), "guess");
		for (int i = 0; i < 5; i++) {
			assertThat(perform(OAuthClient.post("/oauth/token", wrong, "grant_type", "client_credentials")).status())
				.isEqualTo(401);
		}
		Reply locked = perform(OAuthClient.post("/oauth/token", wrong, "grant_type", "client_credentials"));
		assertThat(locked.status()).isEqualTo(429);
		assertThat(locked.header("Retry-After")).isNotBlank();
		assertThat(locked.object()).containsKey("error");
		assertThat(clientToken(client).status()).isEqualTo(429);
		// another client is not locked by it
		assertThat(clientToken(client()).status()).isEqualTo(200);
	}

	@Test
	void clientTokenWhenOnUserRoutesThen403InsufficientScope() throws Exception {
		String token = clientToken(client("introspect")).string("access_token");
		for (String path : List.of("/me", "/protected", "/hello", "/work", "/me/sessions", "/userinfo", "/users",
				"/actuator/prometheus")) {
			Reply reply = getWithToken(path, token);
			assertThat(reply.status()).as(path).isEqualTo(403);
			assertThat(reply.header("WWW-Authenticate")).as(path).isEqualTo("Bearer error=\"insufficient_scope\"");
		}
		assertThat(perform(MockMvcRequestBuilders.post("/logout").header("Authorization", "Bearer " + token))
			.status()).isEqualTo(403);
		assertThat(getWithToken("/no-such-route", token).status()).isEqualTo(404);
	}

	@Test
	void introspectWhenClientLacksTheScopeThen403() throws Exception {
		NewServiceClient revoker = client("revoke");
		Reply reply = introspect(revoker, "anything");
		assertThat(reply.status()).isEqualTo(403);
		assertThat(reply.object()).containsEntry("error", "insufficient_scope");
		NewServiceClient introspector = client("introspect");
		Reply revoke = perform(OAuthClient.post("/oauth/revoke", basic(introspector), "token", "anything"));
		assertThat(revoke.status()).isEqualTo(403);
		assertThat(revoke.object()).containsEntry("error", "insufficient_scope");
	}

	@Test
	void introspectWhenUserTokenLiveThenClaimsAndAfterLogoutExactlyInactive() throws Exception {
		NewServiceClient api = client("introspect");
		User user = signup("intro");
		String token = login(user);
		Map<String, Object> live = introspect(api, token).object();
		assertThat(live).containsEntry("active", true)
			.containsEntry("token_type", "Bearer")
			.containsEntry("sub", user.id().toString())
			.containsEntry("username", user.username())
			.containsEntry("roles", List.of("USER"))
			.containsEntry("iss", "jwt-auth-service")
			.containsKeys("exp", "iat", "jti")
			.doesNotContainKeys("client_id", "scope");

		assertThat(perform(MockMvcRequestBuilders.post("/logout").header("Authorization", "Bearer " + token))
			.status()).isEqualTo(204);
		Reply ended = introspect(api, token);
		assertThat(ended.status()).isEqualTo(200);
		assertThat(ended.body()).isEqualTo("{\"active\":false}");
	}

	@Test
	void introspectWhenTokenForgedMalformedOrOfAnotherAccountStateThenInactive() throws Exception {
		NewServiceClient api = client("introspect");
		User user = signup("intro-bad");
		String token = login(user);
		String[] parts = token.split("\\.");
		String tampered = parts[0] + "." + parts[1] + "." + (parts[2].startsWith("A") ? "B" : "A")
				+ parts[2].substring(1);
		for (String bad : List.of(tampered, "not-a-token", parts[0] + "." + parts[1] + ".", "x".repeat(9000))) {
			assertThat(introspect(api, bad).body()).isEqualTo("{\"active\":false}");
		}
		this.accounts.setEnabled(user.id(), false);
		assertThat(introspect(api, token).body()).isEqualTo("{\"active\":false}");
	}

	@Test
	void introspectWhenRefreshTokenThenActiveOnlyWithItsHint() throws Exception {
		NewServiceClient api = client("introspect");
		User user = signup("intro-refresh");
		Reply login = postJson("/auth", map("username", user.username(), "password", user.password()));
		String refresh = login.string("refresh_token");
		assertThat(introspect(api, refresh).body()).isEqualTo("{\"active\":false}");
		assertThat(introspect(api, refresh, "token_type_hint", "access_token").body())
			.isEqualTo("{\"active\":false}");
		Map<String, Object> hinted = introspect(api, refresh, "token_type_hint", "refresh_token").object();
		assertThat(hinted).containsEntry("active", true)
			.containsEntry("token_type", "refresh_token")
			.containsEntry("sub", user.id().toString())
			.containsEntry("username", user.username());
		// an access token is still recognised under the refresh hint (RFC 7662 section 2.1)
		assertThat(introspect(api, login.string("access_token"), "token_type_hint", "refresh_token").object())
			.containsEntry("token_type", "Bearer");

		Reply rotated = postJson("/auth/refresh", map("refresh_token", refresh));
		assertThat(rotated.status()).isEqualTo(200);
		assertThat(introspect(api, refresh, "token_type_hint", "refresh_token").body())
			.isEqualTo("{\"active\":false}");
	}

	@Test
	void revokeWhenRefreshTokenThenItsSessionEndsEverywhere() throws Exception {
		NewServiceClient revoker = client("revoke");
		User user = signup("revoke-refresh");
		Reply login = postJson("/auth", map("username", user.username(), "password", user.password()));
		Reply revoked = perform(OAuthClient.post("/oauth/revoke", basic(revoker), "token",
				login.string("refresh_token"), "token_type_hint", "refresh_token"));
		assertThat(revoked.status()).isEqualTo(200);
		assertThat(revoked.body()).isEmpty();
		assertThat(postJson("/auth/refresh", map("refresh_token", login.string("refresh_token"))).status())
			.isEqualTo(401);
		assertThat(getWithToken("/me", login.string("access_token")).status()).isEqualTo(401);
	}

	@Test
	void revokeWhenAccessTokenThenDeniedAndOtherTokensOfTheLoginLive() throws Exception {
		NewServiceClient revoker = client("revoke");
		User user = signup("revoke-access");
		Reply login = postJson("/auth", map("username", user.username(), "password", user.password()));
		String access = login.string("access_token");
		assertThat(perform(OAuthClient.post("/oauth/revoke", basic(revoker), "token", access)).status())
			.isEqualTo(200);
		Reply me = getWithToken("/me", access);
		assertThat(me.status()).isEqualTo(401);
		assertThat(me.header("WWW-Authenticate")).contains("invalid_token");
		assertThat(postJson("/auth/refresh", map("refresh_token", login.string("refresh_token"))).status())
			.isEqualTo(200);
	}

	@Test
	void revokeWhenTokenUnknownThen200AndWhenMissingThenInvalidRequest() throws Exception {
		NewServiceClient revoker = client("revoke");
		assertThat(perform(OAuthClient.post("/oauth/revoke", basic(revoker), "token", "unknown-token")).status())
			.isEqualTo(200);
		Reply missing = perform(OAuthClient.post("/oauth/revoke", basic(revoker)));
		assertThat(missing.status()).isEqualTo(400);
		assertThat(missing.object()).containsEntry("error", "invalid_request");
	}

	@Test
	void userinfoWhenUserTokenThenClaimsPresentAndAbsentOnesLeftOut() throws Exception {
		User bare = signup("ui");
		Map<String, Object> info = getWithToken("/userinfo", login(bare)).object();
		assertThat(info).containsOnlyKeys("sub", "preferred_username")
			.containsEntry("sub", bare.id().toString())
			.containsEntry("preferred_username", bare.username());

		String username = uniqueName("ui-full");
		this.accounts.signup(new NewAccount(username, PASSWORD, username + "@example.com", "Ada Lovelace",
				java.util.Set.of(Role.USER)));
		Map<String, Object> full = getWithToken("/userinfo", login(username, PASSWORD)).object();
		assertThat(full).containsOnlyKeys("sub", "preferred_username", "email", "email_verified", "name")
			.containsEntry("email", username + "@example.com")
			.containsEntry("email_verified", false)
			.containsEntry("name", "Ada Lovelace");
	}

	@Test
	void discoveryWhenIssuerIsNoUrlThen404Problem() throws Exception {
		for (String path : List.of("/.well-known/oauth-authorization-server", "/.well-known/openid-configuration")) {
			Reply reply = get(path);
			assertThat(reply.status()).isEqualTo(404);
			assertThat(reply.contentType()).startsWith("application/problem+json");
		}
	}

}
