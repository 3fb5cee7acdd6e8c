package dev.jwtauth.sessions;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.util.Base64;
import java.util.HexFormat;
import java.util.regex.Pattern;

import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

import org.springframework.stereotype.Component;

/**
 * Opaque refresh tokens: 256 random bits, base64url. Only their SHA-256 is stored. The
 * successor of a spent token is derived from it with a keyed MAC, so that a repeat of
 * the spent token within the grace interval gets the same successor back without the
 * service ever storing a usable token, and nobody without the key can compute it.
 */
@Component
class RefreshTokenCodec {

	private static final Pattern FORMAT = Pattern.compile("[A-Za-z0-9_-]{43}");

	private static final Base64.Encoder BASE64URL = Base64.getUrlEncoder().withoutPadding();

	private final SecureRandom random = new SecureRandom();

	private final SecretKeySpec successorKey;

	RefreshTokenCodec(ServiceKeys serviceKeys) {
		this.successorKey = new SecretKeySpec(serviceKeys.get("refresh-successor"), "HmacSHA256");
	}

	String newToken() {
		byte[] bytes = new byte[32];
		this.random.nextBytes(bytes);
		return BASE64URL.encodeToString(bytes);
	}

	/** Whether this could be one of ours at all; an access token (a JWT) never is. */
	boolean isWellFormed(String token) {
		return FORMAT.matcher(token).matches();
	}

	String successorOf(String token) {
		try {
			Mac mac = Mac.getInstance("HmacSHA256");
			mac.init(this.successorKey);
			return BASE64URL.encodeToString(mac.doFinal(token.getBytes(StandardCharsets.US_ASCII)));
		}
		catch (GeneralSecurityException ex) {
			throw new IllegalStateException(ex);
		}
	}

	String hash(String token) {
		try {
			return HexFormat.of()
				.formatHex(MessageDigest.getInstance("SHA-256").digest(token.getBytes(StandardCharsets.US_ASCII)));
		}
		catch (NoSuchAlgorithmException ex) {
			throw new IllegalStateException(ex);
		}
	}

}
