package dev.jwtauth.tokens;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermission;
import java.security.KeyFactory;
import java.security.interfaces.ECPrivateKey;
import java.security.interfaces.RSAPrivateCrtKey;
import java.security.spec.RSAPublicKeySpec;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import com.nimbusds.jose.JOSEObjectType;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.JWSHeader;
import com.nimbusds.jose.JWSObject;
import com.nimbusds.jose.Payload;
import com.nimbusds.jose.crypto.ECDSASigner;
import com.nimbusds.jose.crypto.factories.DefaultJWSVerifierFactory;
import com.nimbusds.jose.jwk.Curve;
import com.nimbusds.jose.jwk.ECKey;
import com.nimbusds.jose.jwk.JWK;
import com.nimbusds.jose.jwk.JWKSet;
import com.nimbusds.jose.jwk.gen.ECKeyGenerator;
import dev.jwtauth.accounts.AccountDetails;
import dev.jwtauth.accounts.Role;
import dev.jwtauth.testing.AdjustableClock;
import dev.jwtauth.testing.CraftedTokens;
import dev.jwtauth.tokens.keys.SigningKeys;
import dev.jwtauth.tokens.keys.TestSigningKeys;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import tools.jackson.databind.json.JsonMapper;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * RS256, ES256 and EdDSA: keys kept on disk, published as a JWKS that a standard
 * library alone can verify with, rotated without breaking tokens already out, and
 * immune to algorithm confusion.
 */
class AsymmetricKeysTests {

	private static final JsonMapper JSON = JsonMapper.builder().build();

	@TempDir
	Path directory;

	private final AdjustableClock clock = new AdjustableClock();

	private AccessTokenCodec codec(SigningKeys keys, String algorithm) {
		return new AccessTokenCodec(keys,
				TestTokenProperties.with(null, Path.of("unused"), null, algorithm, this.directory), this.clock);
	}

	private static AccountDetails account() {
		return new AccountDetails(UUID.randomUUID(), "alice", null, null, EnumSet.of(Role.USER), true, Instant.now());
	}

	private JWKSet jwks(SigningKeys keys) throws Exception {
		return JWKSet.parse(JSON.writeValueAsString(Map.of("keys", keys.publicJwks())));
	}

	@ParameterizedTest
	@ValueSource(strings = { "RS256", "ES256", "EdDSA" })
	void tokenWhenSignedThenVerifiesWithThePublicJwksAloneInNimbus(String algorithm) throws Exception {
		SigningKeys keys = TestSigningKeys.fromDirectory(algorithm, this.directory, this.clock);
		String token = codec(keys, algorithm).issue(account(), UUID.randomUUID()).value();
		JWSObject jws = JWSObject.parse(token);
		assertThat(jws.getHeader().getAlgorithm().getName()).isEqualTo(algorithm);
		assertThat(jws.getHeader().getType().toString()).isEqualTo("at+jwt");
		JWK jwk = jwks(keys).getKeyByKeyId(jws.getHeader().getKeyID());
		assertThat(jwk).as("the JWKS holds the token's kid").isNotNull();
		assertThat(jwk.isPrivate()).isFalse();
		// the kid is the key's RFC 7638 thumbprint, computed here by Nimbus
		assertThat(jwk.computeThumbprint().toString()).isEqualTo(jws.getHeader().getKeyID());
		if (algorithm.equals("EdDSA")) {
			// Nimbus verifies Ed25519 only with Tink; the JDK's Ed25519 takes the JWK's x as parsed by Nimbus
			assertThat(verifyEd25519(jwk.toOctetKeyPair().getDecodedX(), jws)).isTrue();
			return;
		}
		java.security.Key publicKey = algorithm.equals("RS256") ? jwk.toRSAKey().toPublicKey()
				: jwk.toECKey().toPublicKey();
		assertThat(jws.verify(new DefaultJWSVerifierFactory().createJWSVerifier(jws.getHeader(), publicKey))).isTrue();
	}

	private static boolean verifyEd25519(byte[] x, JWSObject jws) throws Exception {
		byte[] prefix = { 0x30, 0x2a, 0x30, 0x05, 0x06, 0x03, 0x2b, 0x65, 0x70, 0x03, 0x21, 0x00 };
		byte[] encoded = new byte[prefix.length + x.length];
		System.arraycopy(prefix, 0, encoded, 0, prefix.length);
		System.arraycopy(x, 0, encoded, prefix.length, x.length);
		java.security.Signature signature = java.security.Signature.getInstance("Ed25519");
		signature.initVerify(KeyFactory.getInstance("Ed25519").generatePublic(new java.security.spec.X509EncodedKeySpec(encoded)));
		signature.update(jws.getSigningInput());
		return signature.verify(jws.getSignature().decode());
	}

	@ParameterizedTest
	@ValueSource(strings = { "RS256", "ES256", "EdDSA" })
	void jwksWhenServedThenHoldsNoPrivateMember(String algorithm) throws Exception {
		SigningKeys keys = TestSigningKeys.fromDirectory(algorithm, this.directory, this.clock);
		String json = JSON.writeValueAsString(Map.of("keys", keys.publicJwks()));
		for (String member : List.of("\"d\"", "\"p\"", "\"q\"", "\"dp\"", "\"dq\"", "\"qi\"", "\"k\"")) {
			assertThat(json).doesNotContain(member);
		}
		assertThat(keys.publicJwks()).singleElement().satisfies((jwk) -> assertThat(jwk).containsEntry("alg", algorithm)
			.containsEntry("use", "sig")
			.containsKey("kid"));
	}

	@ParameterizedTest
	@ValueSource(strings = { "RS256", "ES256", "EdDSA" })
	void keyFileWhenGeneratedThenReadableByTheOwnerOnly(String algorithm) throws Exception {
		TestSigningKeys.fromDirectory(algorithm, this.directory, this.clock);
		try (var files = Files.list(this.directory)) {
			assertThat(files.toList()).singleElement()
				.satisfies((file) -> assertThat(Files.getPosixFilePermissions(file)).containsExactlyInAnyOrder(
						PosixFilePermission.OWNER_READ, PosixFilePermission.OWNER_WRITE));
		}
	}

	@Test
	void hs256TokenWhenSignedWithThePublicKeyAsSecretThenRefused() throws Exception {
		SigningKeys keys = TestSigningKeys.fromDirectory("RS256", this.directory, this.clock);
		AccessTokenCodec codec = codec(keys, "RS256");
		String real = codec.issue(account(), UUID.randomUUID()).value();
		String kid = JWSObject.parse(real).getHeader().getKeyID();
		Map<String, Object> header = new LinkedHashMap<>(Map.of("alg", "HS256", "typ", "at+jwt", "kid", kid));
		Map<String, Object> claims = JSON.readValue(Base64.getUrlDecoder().decode(real.split("\\.")[1]), Map.class);
		// the classic confusion: the published public key, as DER and as PEM text, used as an HMAC secret
		RSAPrivateCrtKey privateKey = (RSAPrivateCrtKey) keys.current().key();
		byte[] der = KeyFactory.getInstance("RSA")
			.generatePublic(new RSAPublicKeySpec(privateKey.getModulus(), privateKey.getPublicExponent()))
			.getEncoded();
		String pem = "-----BEGIN PUBLIC KEY-----\n" + Base64.getMimeEncoder().encodeToString(der)
				+ "\n-----END PUBLIC KEY-----\n";
		for (byte[] secret : List.of(der, pem.getBytes(StandardCharsets.US_ASCII))) {
			String forged = CraftedTokens.signed(header, claims, "HS256", secret);
			assertThatThrownBy(() -> codec.verify(forged)).isInstanceOf(InvalidTokenException.class)
				.hasMessage("The token's algorithm is not accepted.");
		}
		assertThat(codec.verify(real).jti()).isEqualTo(claims.get("jti"));
	}

	@Test
	void tokenWhenKidUnknownOrMissingThenRefused() throws Exception {
		SigningKeys keys = TestSigningKeys.fromDirectory("ES256", this.directory, this.clock);
		AccessTokenCodec codec = codec(keys, "ES256");
		String real = codec.issue(account(), UUID.randomUUID()).value();
		Payload claims = JWSObject.parse(real).getPayload();
		for (String kid : new String[] { "../../dev/null", "unknown", null }) {
			// signed by the service's own key: only the key lookup by kid refuses it
			JWSObject token = new JWSObject(new JWSHeader.Builder(JWSAlgorithm.ES256).type(new JOSEObjectType("at+jwt"))
				.keyID(kid)
				.build(), claims);
			token.sign(new ECDSASigner((ECPrivateKey) keys.current().key()));
			assertThatThrownBy(() -> codec.verify(token.serialize())).isInstanceOf(InvalidTokenException.class)
				.hasMessage("The token's signature is invalid.");
		}
	}

	@Test
	void tokenWhenHeaderEmbedsTheSignersOwnKeyThenTheKeyIsIgnored() throws Exception {
		SigningKeys keys = TestSigningKeys.fromDirectory("ES256", this.directory, this.clock);
		AccessTokenCodec codec = codec(keys, "ES256");
		String real = codec.issue(account(), UUID.randomUUID()).value();
		ECKey attacker = new ECKeyGenerator(Curve.P_256).generate();
		// the attacker's public key in the header, under the attacker's kid and under the service's
		for (String kid : new String[] { attacker.computeThumbprint().toString(), keys.current().kid() }) {
			JWSObject forged = new JWSObject(new JWSHeader.Builder(JWSAlgorithm.ES256)
				.type(new JOSEObjectType("at+jwt"))
				.keyID(kid)
				.jwk(attacker.toPublicJWK())
				.build(), JWSObject.parse(real).getPayload());
			forged.sign(new ECDSASigner(attacker));
			assertThatThrownBy(() -> codec.verify(forged.serialize())).isInstanceOf(InvalidTokenException.class)
				.hasMessage("The token's signature is invalid.");
		}
	}

	@Test
	void keyWhenRotatedAcrossARestartThenOldTokensVerifyUntilTheyExpireAndTheOldKeyLeaves() throws Exception {
		SigningKeys beforeRestart = TestSigningKeys.fromDirectory("ES256", this.directory, this.clock);
		String oldToken = codec(beforeRestart, "ES256").issue(account(), UUID.randomUUID()).value();
		String oldKid = JWSObject.parse(oldToken).getHeader().getKeyID();

		TestSigningKeys.rotation(
				TestTokenProperties.with(null, Path.of("unused"), null, "ES256", this.directory), this.clock)
			.rotate(Duration.ZERO);
		this.clock.advance(Duration.ofSeconds(1));
		SigningKeys afterRestart = TestSigningKeys.fromDirectory("ES256", this.directory, this.clock);
		AccessTokenCodec codec = codec(afterRestart, "ES256");
		String newToken = codec.issue(account(), UUID.randomUUID()).value();
		assertThat(JWSObject.parse(newToken).getHeader().getKeyID()).isNotEqualTo(oldKid);
		assertThat(codec.verify(oldToken).expiresAt()).isAfter(this.clock.instant());
		assertThat(afterRestart.publicJwks()).hasSize(2);

		// once every token the old key signed has expired, it neither verifies nor is published
		this.clock.advance(Duration.ofMinutes(16));
		assertThat(afterRestart.publicJwks()).singleElement()
			.satisfies((jwk) -> assertThat(jwk.get("kid")).isNotEqualTo(oldKid));
		assertThat(afterRestart.verificationKey(oldKid)).isEmpty();
	}

	@ParameterizedTest
	@ValueSource(booleans = { false, true })
	void keyWhenReplacedOneForOneInTheDirectoryThenTheReloaderWithdrawsIt(boolean underTheSameName)
			throws Exception {
		SigningKeys keys = TestSigningKeys.fromDirectory("ES256", this.directory, this.clock);
		TokenProperties properties = TestTokenProperties.with(null, Path.of("unused"), null, "ES256", this.directory);
		Runnable reloader = TestSigningKeys.reloader(keys, properties);
		reloader.run();
		AccessTokenCodec codec = codec(keys, "ES256");
		AccountDetails account = account();
		String withdrawn = codec.issue(account, UUID.randomUUID()).value();
		String withdrawnKid = JWSObject.parse(withdrawn).getHeader().getKeyID();
		assertThat(codec.verify(withdrawn).accountId()).isEqualTo(account.id());

		// the operator makes a new key elsewhere (as rotate-key does) and swaps it for the leaked one
		Path leaked;
		try (var files = Files.list(this.directory)) {
			leaked = files.toList().get(0);
		}
		Path staging = Files.createDirectory(this.directory.resolveSibling(this.directory.getFileName() + "-new"));
		Path fresh = TestSigningKeys
			.rotation(TestTokenProperties.with(null, Path.of("unused"), null, "ES256", staging), this.clock)
			.rotate(Duration.ZERO);
		Files.delete(leaked);
		Files.move(fresh, underTheSameName ? leaked : this.directory.resolve(fresh.getFileName()));
		reloader.run();

		assertThatThrownBy(() -> codec.verify(withdrawn)).isInstanceOf(InvalidTokenException.class)
			.hasMessage("The token's signature is invalid.");
		String issued = codec.issue(account, UUID.randomUUID()).value();
		String newKid = JWSObject.parse(issued).getHeader().getKeyID();
		assertThat(newKid).isNotEqualTo(withdrawnKid);
		assertThat(codec.verify(issued).accountId()).isEqualTo(account.id());
		assertThat(keys.publicJwks()).singleElement().satisfies((jwk) -> assertThat(jwk).containsEntry("kid", newKid));
	}

	@Test
	void keyWhenRotatedToStartLaterThenPublishedFirstAndSignsOnlyFromItsStart() throws Exception {
		SigningKeys keys = TestSigningKeys.fromDirectory("EdDSA", this.directory, this.clock);
		String currentKid = keys.current().kid();
		TestSigningKeys.rotation(
				TestTokenProperties.with(null, Path.of("unused"), null, "EdDSA", this.directory), this.clock)
			.rotate(Duration.ofMinutes(1));
		SigningKeys reloaded = TestSigningKeys.fromDirectory("EdDSA", this.directory, this.clock);
		assertThat(reloaded.publicJwks()).hasSize(2);
		assertThat(reloaded.current().kid()).isEqualTo(currentKid);
		this.clock.advance(Duration.ofMinutes(2));
		assertThat(reloaded.current().kid()).isNotEqualTo(currentKid);
	}

	@Test
	void keyFileWhenWrittenByOpensslStyleThenLoaded() throws Exception {
		// a PKCS#8 key as `openssl genpkey -algorithm ed25519` writes it, dropped in by an operator
		java.security.KeyPair pair = java.security.KeyPairGenerator.getInstance("Ed25519").generateKeyPair();
		String pem = "-----BEGIN PRIVATE KEY-----\n" + Base64.getMimeEncoder().encodeToString(pair.getPrivate().getEncoded())
				+ "\n-----END PRIVATE KEY-----\n";
		Files.writeString(this.directory.resolve("20260101T000000Z-from-ops.pem"), pem);
		Files.writeString(this.directory.resolve("notes.txt"), "not a key");
		SigningKeys keys = TestSigningKeys.fromDirectory("EdDSA", this.directory, this.clock);
		assertThat(keys.publicJwks()).singleElement()
			.satisfies((jwk) -> assertThat(jwk.get("x")).isEqualTo(Base64.getUrlEncoder()
				.withoutPadding()
				.encodeToString(java.util.Arrays.copyOfRange(pair.getPublic().getEncoded(), 12, 44))));
	}

}
