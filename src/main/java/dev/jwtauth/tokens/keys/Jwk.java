package dev.jwtauth.tokens.keys;

import java.math.BigInteger;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.PublicKey;
import java.security.interfaces.ECPublicKey;
import java.security.interfaces.EdECPublicKey;
import java.security.interfaces.RSAPublicKey;
import java.util.Arrays;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Public keys as JSON Web Keys (RFC 7517/7518/8037) and their RFC 7638 thumbprints,
 * which serve as {@code kid}. Only public members are ever written.
 */
final class Jwk {

	private static final Base64.Encoder BASE64URL = Base64.getUrlEncoder().withoutPadding();

	private Jwk() {
	}

	/** The public JWK of the key, with its {@code kid}, {@code alg} and {@code use}. */
	static Map<String, Object> of(PublicKey key, String kid, String algorithm) {
		Map<String, Object> jwk = new LinkedHashMap<>(required(key));
		jwk.put("kid", kid);
		jwk.put("alg", algorithm);
		jwk.put("use", "sig");
		return jwk;
	}

	/** The RFC 7638 thumbprint: SHA-256 of the required members in lexical order. */
	static String thumbprint(PublicKey key) {
		StringBuilder json = new StringBuilder("{");
		required(key).entrySet()
			.stream()
			.sorted(Map.Entry.comparingByKey())
			.forEach((member) -> json.append(json.length() > 1 ? "," : "")
				.append('"')
				.append(member.getKey())
				.append("\":\"")
				.append(member.getValue())
				.append('"'));
		json.append('}');
		try {
			return BASE64URL.encodeToString(
					MessageDigest.getInstance("SHA-256").digest(json.toString().getBytes(StandardCharsets.UTF_8)));
		}
		catch (NoSuchAlgorithmException ex) {
			throw new IllegalStateException(ex);
		}
	}

	private static Map<String, String> required(PublicKey key) {
		Map<String, String> members = new LinkedHashMap<>();
		if (key instanceof RSAPublicKey rsa) {
			members.put("kty", "RSA");
			members.put("n", unsigned(rsa.getModulus(), 0));
			members.put("e", unsigned(rsa.getPublicExponent(), 0));
		}
		else if (key instanceof ECPublicKey ec) {
			members.put("kty", "EC");
			members.put("crv", "P-256");
			members.put("x", unsigned(ec.getW().getAffineX(), 32));
			members.put("y", unsigned(ec.getW().getAffineY(), 32));
		}
		else if (key instanceof EdECPublicKey) {
			byte[] encoded = key.getEncoded();
			// X.509 SubjectPublicKeyInfo of Ed25519: a fixed 12-byte prefix, then the 32-byte key
			members.put("kty", "OKP");
			members.put("crv", "Ed25519");
			members.put("x", BASE64URL.encodeToString(Arrays.copyOfRange(encoded, encoded.length - 32, encoded.length)));
		}
		else {
			throw new IllegalArgumentException("unsupported key type " + key.getAlgorithm());
		}
		return members;
	}

	/** Big-endian bytes without a sign byte, left-padded to {@code length} when given. */
	private static String unsigned(BigInteger value, int length) {
		byte[] bytes = value.toByteArray();
		if (bytes.length > 1 && bytes[0] == 0) {
			bytes = Arrays.copyOfRange(bytes, 1, bytes.length);
		}
		if (length > bytes.length) {
			byte[] padded = new byte[length];
			System.arraycopy(bytes, 0, padded, length - bytes.length, bytes.length);
			bytes = padded;
		}
		return BASE64URL.encodeToString(bytes);
	}

}
