package dev.jwtauth.testing;

import java.io.ByteArrayOutputStream;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.MessageDigest;
import java.security.SecureRandom;
import java.security.Signature;
import java.security.interfaces.ECPublicKey;
import java.security.spec.ECGenParameterSpec;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import com.webauthn4j.converter.util.ObjectConverter;
import com.webauthn4j.data.attestation.authenticator.EC2COSEKey;
import com.webauthn4j.data.attestation.statement.COSEAlgorithmIdentifier;

/**
 * A passkey in software, for tests: a real P-256 key that makes and signs WebAuthn
 * answers byte for byte as an authenticator and a browser do (authenticator data, client
 * data, "none" attestation, ECDSA over both), and answers in the JSON of
 * {@code credential.toJSON()}. Each answer can be bent the way an attacker would bend it.
 */
public final class SoftAuthenticator {

	public static final String ORIGIN = "http://localhost:8080";

	public static final String RP_ID = "localhost";

	private static final int UP = 0x01;

	private static final int UV = 0x04;

	private static final int AT = 0x40;

	private static final ObjectConverter CONVERTER = new ObjectConverter();

	private final KeyPair keys;

	private final byte[] credentialId = new byte[32];

	private byte[] userHandle = new byte[0];

	private long counter;

	private final long step;

	/** @param step how much the counter grows with each signature; 0 for one that always reports 0 */
	public SoftAuthenticator(long step) {
		try {
			KeyPairGenerator generator = KeyPairGenerator.getInstance("EC");
			generator.initialize(new ECGenParameterSpec("secp256r1"));
			this.keys = generator.generateKeyPair();
		}
		catch (Exception ex) {
			throw new IllegalStateException(ex);
		}
		new SecureRandom().nextBytes(this.credentialId);
		this.step = step;
	}

	public SoftAuthenticator() {
		this(1);
	}

	/** What an answer says; tests change a field to play an attacker or a broken client. */
	public static final class Bend {

		public String origin = ORIGIN;

		public String rpId = RP_ID;

		public int flags = UP | UV;

		public String type;

		public byte[] userHandle;

		public Long counter;

		public String challenge;

		Bend(String type) {
			this.type = type;
		}

	}

	public static Bend creation() {
		return new Bend("webauthn.create");
	}

	public static Bend assertion() {
		return new Bend("webauthn.get");
	}

	public String credentialId() {
		return encode(this.credentialId);
	}

	public void setCounter(long counter) {
		this.counter = counter;
	}

	/** Makes the credential for the creation options, as {@code credential.toJSON()} answers. */
	@SuppressWarnings("unchecked")
	public Map<String, Object> create(Map<String, Object> options, Bend bend) {
		this.userHandle = Base64.getUrlDecoder().decode((String) ((Map<String, Object>) options.get("user")).get("id"));
		String challenge = (bend.challenge != null) ? bend.challenge : (String) options.get("challenge");
		byte[] clientData = clientData(bend.type, challenge, bend.origin);
		byte[] cose = CONVERTER.getCborConverter()
			.writeValueAsBytes(EC2COSEKey.create((ECPublicKey) this.keys.getPublic(), COSEAlgorithmIdentifier.ES256));
		ByteArrayOutputStream attested = new ByteArrayOutputStream();
		attested.writeBytes(new byte[16]);
		attested.writeBytes(ByteBuffer.allocate(2).putShort((short) this.credentialId.length).array());
		attested.writeBytes(this.credentialId);
		attested.writeBytes(cose);
		byte[] authenticatorData = authenticatorData(bend, bend.flags | AT, attested.toByteArray());
		Map<String, Object> attestation = new LinkedHashMap<>();
		attestation.put("fmt", "none");
		attestation.put("attStmt", Map.of());
		attestation.put("authData", authenticatorData);
		Map<String, Object> response = new LinkedHashMap<>();
		response.put("clientDataJSON", encode(clientData));
		response.put("attestationObject", encode(CONVERTER.getCborConverter().writeValueAsBytes(attestation)));
		response.put("transports", List.of("internal", "hybrid"));
		return credential(response);
	}

	public Map<String, Object> create(Map<String, Object> options) {
		return create(options, creation());
	}

	/** Signs the request options' challenge, as {@code credential.toJSON()} answers. */
	public Map<String, Object> get(Map<String, Object> options, Bend bend) {
		String challenge = (bend.challenge != null) ? bend.challenge : (String) options.get("challenge");
		byte[] clientData = clientData(bend.type, challenge, bend.origin);
		byte[] authenticatorData = authenticatorData(bend, bend.flags, new byte[0]);
		Map<String, Object> response = new LinkedHashMap<>();
		response.put("clientDataJSON", encode(clientData));
		response.put("authenticatorData", encode(authenticatorData));
		response.put("signature", encode(sign(authenticatorData, clientData)));
		response.put("userHandle", encode((bend.userHandle != null) ? bend.userHandle : this.userHandle));
		return credential(response);
	}

	public Map<String, Object> get(Map<String, Object> options) {
		return get(options, assertion());
	}

	private Map<String, Object> credential(Map<String, Object> response) {
		Map<String, Object> credential = new LinkedHashMap<>();
		credential.put("id", encode(this.credentialId));
		credential.put("rawId", encode(this.credentialId));
		credential.put("type", "public-key");
		credential.put("response", response);
		credential.put("authenticatorAttachment", "platform");
		credential.put("clientExtensionResults", Map.of());
		return credential;
	}

	private byte[] authenticatorData(Bend bend, int flags, byte[] attested) {
		if (bend.counter != null) {
			this.counter = bend.counter;
		}
		else {
			this.counter += this.step;
		}
		ByteArrayOutputStream data = new ByteArrayOutputStream();
		data.writeBytes(sha256(bend.rpId.getBytes(StandardCharsets.UTF_8)));
		data.write(flags);
		data.writeBytes(ByteBuffer.allocate(4).putInt((int) this.counter).array());
		data.writeBytes(attested);
		return data.toByteArray();
	}

	private byte[] sign(byte[] authenticatorData, byte[] clientData) {
		try {
			Signature signature = Signature.getInstance("SHA256withECDSA");
			signature.initSign(this.keys.getPrivate());
			signature.update(authenticatorData);
			signature.update(sha256(clientData));
			return signature.sign();
		}
		catch (Exception ex) {
			throw new IllegalStateException(ex);
		}
	}

	private static byte[] clientData(String type, String challenge, String origin) {
		return ("{\"type\":\"" + type + "\",\"challenge\":\"" + challenge + "\",\"origin\":\"" + origin
				+ "\",\"crossOrigin\":false}")
			.getBytes(StandardCharsets.UTF_8);
	}

	private static byte[] sha256(byte[] bytes) {
		try {
			return MessageDigest.getInstance("SHA-256").digest(bytes);
		}
		catch (Exception ex) {
			throw new IllegalStateException(ex);
		}
	}

	public static String encode(byte[] bytes) {
		return Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
	}

}
