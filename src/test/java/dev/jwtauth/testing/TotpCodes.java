package dev.jwtauth.testing;

import java.nio.ByteBuffer;
import java.security.GeneralSecurityException;
import java.time.Instant;

import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * RFC 6238 codes (HMAC-SHA-1, 30 s, 6 digits) computed by the tests themselves, apart
 * from the service's library, as an authenticator app computes them.
 */
public final class TotpCodes {

	private TotpCodes() {
	}

	public static String code(byte[] secret, Instant at) throws GeneralSecurityException {
		Mac mac = Mac.getInstance("HmacSHA1");
		mac.init(new SecretKeySpec(secret, "HmacSHA1"));
		byte[] hash = mac.doFinal(ByteBuffer.allocate(8).putLong(Math.floorDiv(at.getEpochSecond(), 30)).array());
		int offset = hash[hash.length - 1] & 0xf;
		int binary = ((hash[offset] & 0x7f) << 24) | ((hash[offset + 1] & 0xff) << 16)
				| ((hash[offset + 2] & 0xff) << 8) | (hash[offset + 3] & 0xff);
		return String.format("%06d", binary % 1_000_000);
	}

}
