package dev.jwtauth.testing;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.util.Base64;
import java.util.Map;

import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

import tools.jackson.databind.json.JsonMapper;

/**
 * Builds tokens by hand, byte by byte, as an attacker would: any header, any claims,
 * signed with any key (or not at all). Independent of the service's own JWT code.
 */
public final class CraftedTokens {

	private static final Base64.Encoder BASE64URL = Base64.getUrlEncoder().withoutPadding();

	private static final JsonMapper JSON = JsonMapper.builder().build();

	private CraftedTokens() {
	}

	/** The secret the test profile's service signs with. */
	public static byte[] serviceSecret() {
		try {
			return Files.readString(Path.of("target/test-data/jwt-secret")).strip().getBytes(StandardCharsets.UTF_8);
		}
		catch (java.io.IOException ex) {
			throw new IllegalStateException("the service has not generated its test secret yet", ex);
		}
	}

	public static String encode(Object headerOrClaims) {
		byte[] bytes = (headerOrClaims instanceof String text) ? text.getBytes(StandardCharsets.UTF_8)
				: JSON.writeValueAsBytes(headerOrClaims);
		return BASE64URL.encodeToString(bytes);
	}

	public static String hmac(String algorithm, byte[] secret, String signingInput) {
		String javaName = switch (algorithm) {
			case "HS256" -> "HmacSHA256";
			case "HS384" -> "HmacSHA384";
			case "HS512" -> "HmacSHA512";
			default -> throw new IllegalArgumentException(algorithm);
		};
		try {
			Mac mac = Mac.getInstance(javaName);
			mac.init(new SecretKeySpec(secret, javaName));
			return BASE64URL.encodeToString(mac.doFinal(signingInput.getBytes(StandardCharsets.US_ASCII)));
		}
		catch (GeneralSecurityException ex) {
			throw new IllegalStateException(ex);
		}
	}

	/** A token with this header and these claims, MAC'd with {@code secret} under {@code macAlgorithm}. */
	public static String signed(Object header, Object claims, String macAlgorithm, byte[] secret) {
		String signingInput = encode(header) + "." + encode(claims);
		return signingInput + "." + hmac(macAlgorithm, secret, signingInput);
	}

	/** An HS256 token with the usual header for access tokens. */
	public static String hs256(Map<String, Object> claims, byte[] secret) {
		return signed(Map.of("alg", "HS256", "typ", "at+jwt"), claims, "HS256", secret);
	}

	/** An unsigned token: the given header, the claims, and an empty signature. */
	public static String unsigned(Object header, Object claims) {
		return encode(header) + "." + encode(claims) + ".";
	}

}
