package dev.jwtauth.tokens.keys;

import java.security.Key;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.jspecify.annotations.Nullable;

/**
 * The key that signs new tokens and the keys that verify presented ones, each bound to
 * exactly one algorithm so that a key can never be used with another.
 * <p>
 * With a shared secret (HS256) there is one key and no {@code kid}. With key pairs
 * (RS256, ES256, EdDSA) every key has a {@code kid} (its RFC 7638 thumbprint); the
 * newest key whose start has come signs, and a replaced key still verifies until the
 * last token it can have signed has expired, then leaves the JWKS.
 */
public final class SigningKeys {

	private final String algorithm;

	private final Clock clock;

	private final Duration tokenReach;

	private volatile List<Entry> entries;

	private volatile int generation;

	private SigningKeys(String algorithm, List<Entry> entries, Clock clock, Duration tokenReach) {
		this.algorithm = algorithm;
		this.entries = entries;
		this.clock = clock;
		this.tokenReach = tokenReach;
	}

	static SigningKeys hmac(Key secret) {
		return new SigningKeys("HS256", List.of(new Entry(null, secret, secret, Instant.EPOCH, null)),
				Clock.systemUTC(), Duration.ZERO);
	}

	static SigningKeys asymmetric(String algorithm, List<KeyFiles.StoredKey> stored, Clock clock,
			Duration tokenReach) {
		return new SigningKeys(algorithm, entries(stored), clock, tokenReach);
	}

	/**
	 * Takes the keys as now stored, if they differ from the ones in use: a key added,
	 * removed or swapped for another (each key is known by its thumbprint), or a start
	 * moved. Whether the change happened, so that no change costs nothing.
	 */
	boolean replace(List<KeyFiles.StoredKey> stored) {
		List<Entry> replacement = entries(stored);
		if (identities(replacement).equals(identities(this.entries))) {
			return false;
		}
		this.entries = replacement;
		this.generation++;
		return true;
	}

	private static List<String> identities(List<Entry> entries) {
		return entries.stream().map((entry) -> entry.kid() + "@" + entry.activatesAt()).toList();
	}

	/** Changes whenever the set of keys does, so that what was verified with the old set can be checked again. */
	public int generation() {
		return this.generation;
	}

	private static List<Entry> entries(List<KeyFiles.StoredKey> stored) {
		if (stored.isEmpty()) {
			throw new IllegalArgumentException("no signing key");
		}
		List<KeyFiles.StoredKey> sorted = stored.stream()
			.sorted(Comparator.comparing(KeyFiles.StoredKey::activatesAt))
			.toList();
		List<Entry> entries = new ArrayList<>();
		for (int i = 0; i < sorted.size(); i++) {
			KeyFiles.StoredKey key = sorted.get(i);
			Instant replacedAt = (i + 1 < sorted.size()) ? sorted.get(i + 1).activatesAt() : null;
			entries.add(new Entry(Jwk.thumbprint(key.publicKey()), key.privateKey(), key.publicKey(), key.activatesAt(),
					replacedAt));
		}
		return List.copyOf(entries);
	}

	/** The one algorithm tokens are signed with and accepted in, spelled as in JWS. */
	public String algorithm() {
		return this.algorithm;
	}

	public boolean publishesKeys() {
		return !"HS256".equals(this.algorithm);
	}

	/** The key that signs now, with its {@code kid} (none for a shared secret). */
	public Current current() {
		Instant now = this.clock.instant();
		Entry signing = this.entries.get(0);
		for (Entry entry : this.entries) {
			if (!entry.activatesAt().isAfter(now)) {
				signing = entry;
			}
		}
		return new Current(signing.kid(), signing.signingKey());
	}

	/**
	 * The key that verifies a token with this {@code kid}, if any still may. The id is
	 * only ever compared with known ids, never used as a path, a URL or a query.
	 */
	public Optional<Key> verificationKey(@Nullable String kid) {
		if (!publishesKeys()) {
			return (kid == null) ? Optional.of(this.entries.get(0).verificationKey()) : Optional.empty();
		}
		Instant now = this.clock.instant();
		return this.entries.stream()
			.filter((entry) -> entry.kid() != null && entry.kid().equals(kid) && stillVerifies(entry, now))
			.map(Entry::verificationKey)
			.findFirst();
	}

	/** The public keys that may still verify a token, as JWKs; none for a shared secret. */
	public List<Map<String, Object>> publicJwks() {
		if (!publishesKeys()) {
			return List.of();
		}
		Instant now = this.clock.instant();
		return this.entries.stream()
			.filter((entry) -> stillVerifies(entry, now))
			.map((entry) -> Jwk.of((java.security.PublicKey) entry.verificationKey(), entry.kid(), this.algorithm))
			.toList();
	}

	private boolean stillVerifies(Entry entry, Instant now) {
		return entry.replacedAt() == null || now.isBefore(entry.replacedAt().plus(this.tokenReach));
	}

	/** The signing key and its id. */
	public record Current(@Nullable String kid, Key key) {
	}

	private record Entry(@Nullable String kid, Key signingKey, Key verificationKey, Instant activatesAt,
			@Nullable Instant replacedAt) {
	}

}
