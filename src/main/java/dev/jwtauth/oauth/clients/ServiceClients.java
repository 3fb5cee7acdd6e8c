package dev.jwtauth.oauth.clients;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Duration;
import java.time.temporal.ChronoUnit;
import java.util.Base64;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import java.util.regex.Pattern;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import dev.jwtauth.accounts.Accounts;
import dev.jwtauth.revocation.Revocations;
import org.jspecify.annotations.Nullable;

import org.springframework.stereotype.Service;

/**
 * The service clients' public API: add one (its secret returned once and stored as a
 * password hash), list them, remove one (its tokens revoked on every instance at once),
 * and check a presented id and secret.
 */
@Service
public class ServiceClients {

	/** The scopes this service itself gives a meaning to. */
	public static final String INTROSPECT = "introspect";

	public static final String REVOKE = "revoke";

	/** RFC 6749 scope tokens, kept to a plain subset that needs no quoting anywhere. */
	private static final Pattern SCOPE = Pattern.compile("[A-Za-z0-9._:-]{1,64}");

	private static final Pattern CLIENT_ID = Pattern.compile("client_[A-Za-z0-9_-]{22}");

	private static final int MAX_NAME = 100;

	private static final Base64.Encoder BASE64URL = Base64.getUrlEncoder().withoutPadding();

	private final ClientTable table;

	private final Accounts accounts;

	private final Revocations revocations;

	private final Clock clock;

	private final SecureRandom random = new SecureRandom();

	// A secret proven once is not checked with the slow hash again for a while: a
	// resource server introspecting on every request must not cost a password hash each
	// time. Keyed by the client, holding the stored hash and a digest of the secret, so a
	// changed or removed client, or any other secret, misses.
	private final Cache<String, Proven> proven = Caffeine.newBuilder()
		.maximumSize(10_000)
		.expireAfterWrite(Duration.ofMinutes(10))
		.build();

	ServiceClients(ClientTable table, Accounts accounts, Revocations revocations, Clock clock) {
		this.table = table;
		this.accounts = accounts;
		this.revocations = revocations;
		this.clock = clock;
	}

	/**
	 * Adds a client with a new random id and secret.
	 * @throws IllegalArgumentException naming what is wrong with the name or a scope
	 */
	public NewServiceClient add(String name, List<String> scopes) {
		byte[] secret = new byte[32];
		this.random.nextBytes(secret);
		return add(name, scopes, BASE64URL.encodeToString(secret));
	}

	/** Adds a client with the given secret (a test's, which may hold any character). */
	NewServiceClient add(String name, List<String> scopes, String secret) {
		String trimmed = name.strip();
		if (trimmed.isEmpty() || trimmed.length() > MAX_NAME || trimmed.chars().anyMatch(Character::isISOControl)) {
			throw new IllegalArgumentException("the name must be 1 to " + MAX_NAME + " printable characters");
		}
		LinkedHashSet<String> distinct = new LinkedHashSet<>();
		for (String scope : scopes) {
			if (!SCOPE.matcher(scope).matches()) {
				throw new IllegalArgumentException("'" + scope + "' is not a scope: letters, digits and . _ : - only");
			}
			distinct.add(scope);
		}
		byte[] id = new byte[16];
		this.random.nextBytes(id);
		ServiceClient client = new ServiceClient("client_" + BASE64URL.encodeToString(id), UUID.randomUUID(), trimmed,
				List.copyOf(distinct), this.clock.instant().truncatedTo(ChronoUnit.MICROS));
		this.table.insert(client, this.accounts.hashSecret(secret));
		return new NewServiceClient(client, secret);
	}

	public List<ServiceClient> list() {
		return this.table.all();
	}

	/**
	 * Removes the client and revokes every token it holds, on every instance within the
	 * revocation feed's poll interval; false when there was no such client.
	 */
	public boolean remove(String clientId) {
		Optional<ClientTable.Stored> found = this.table.find(clientId);
		if (found.isEmpty() || !this.table.delete(clientId)) {
			return false;
		}
		this.revocations.sessionRevoked(found.get().client().key());
		this.proven.invalidate(clientId);
		return true;
	}

	/**
	 * The client when its secret was proven here lately, without the slow hash; empty
	 * when that is not known (check it with {@link #authenticate}).
	 */
	public Optional<ServiceClient> recognize(String clientId, String secret) {
		Proven known = this.proven.getIfPresent(clientId);
		if (known == null) {
			return Optional.empty();
		}
		Optional<ClientTable.Stored> stored = this.table.find(clientId);
		if (stored.isEmpty() || !stored.get().secretHash().equals(known.secretHash())
				|| !MessageDigest.isEqual(known.digest(), digest(secret))) {
			return Optional.empty();
		}
		return Optional.of(stored.get().client());
	}

	/**
	 * The client the id and secret belong to, or empty: an unknown id and a wrong secret
	 * cost the same password hash, so timing tells nothing about which ids exist.
	 * @throws dev.jwtauth.accounts.HashingBusyException when hashing is saturated
	 */
	public Optional<ServiceClient> authenticate(String clientId, @Nullable String secret) {
		Optional<ClientTable.Stored> stored = CLIENT_ID.matcher(clientId).matches() ? this.table.find(clientId)
				: Optional.empty();
		String hash = stored.map(ClientTable.Stored::secretHash).orElse(null);
		if (!this.accounts.secretMatches(secret, hash) || stored.isEmpty() || secret == null) {
			return Optional.empty();
		}
		this.proven.put(clientId, new Proven(stored.get().secretHash(), digest(secret)));
		return Optional.of(stored.get().client());
	}

	private static byte[] digest(String secret) {
		try {
			return MessageDigest.getInstance("SHA-256").digest(secret.getBytes(StandardCharsets.UTF_8));
		}
		catch (NoSuchAlgorithmException ex) {
			throw new IllegalStateException(ex);
		}
	}

	private record Proven(String secretHash, byte[] digest) {
	}

}
