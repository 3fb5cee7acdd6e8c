package dev.jwtauth.mfa;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.SecureRandom;
import java.util.Arrays;
import java.util.Base64;
import java.util.UUID;

import javax.crypto.Cipher;
import javax.crypto.SecretKey;
import javax.crypto.spec.GCMParameterSpec;
import javax.crypto.spec.SecretKeySpec;

/**
 * Encrypts TOTP secrets for the database with AES-256-GCM: a fresh 96-bit nonce each
 * time, and the account's id as associated data, so that a sealed secret copied onto
 * another account's row does not open.
 */
final class SecretCipher {

	private static final String VERSION = "v1.";

	private static final int NONCE_BYTES = 12;

	private static final int TAG_BITS = 128;

	private final SecretKey key;

	private final SecureRandom random = new SecureRandom();

	SecretCipher(byte[] key) {
		if (key.length != 32) {
			throw new IllegalArgumentException("the key must be 32 bytes");
		}
		this.key = new SecretKeySpec(key, "AES");
	}

	String seal(byte[] secret, UUID accountId) {
		byte[] nonce = new byte[NONCE_BYTES];
		this.random.nextBytes(nonce);
		try {
			Cipher cipher = Cipher.getInstance("AES/GCM/NoPadding");
			cipher.init(Cipher.ENCRYPT_MODE, this.key, new GCMParameterSpec(TAG_BITS, nonce));
			cipher.updateAAD(associatedData(accountId));
			byte[] sealed = cipher.doFinal(secret);
			byte[] stored = ByteBuffer.allocate(nonce.length + sealed.length).put(nonce).put(sealed).array();
			return VERSION + Base64.getUrlEncoder().withoutPadding().encodeToString(stored);
		}
		catch (GeneralSecurityException ex) {
			throw new IllegalStateException("AES-GCM is not available", ex);
		}
	}

	/**
	 * @throws IllegalStateException when the value was not sealed with this key for this
	 * account: another key, another row, or changed bytes
	 */
	byte[] open(String sealed, UUID accountId) {
		if (!sealed.startsWith(VERSION)) {
			throw new IllegalStateException("unknown sealed secret format");
		}
		try {
			byte[] stored = Base64.getUrlDecoder().decode(sealed.substring(VERSION.length()));
			Cipher cipher = Cipher.getInstance("AES/GCM/NoPadding");
			cipher.init(Cipher.DECRYPT_MODE, this.key,
					new GCMParameterSpec(TAG_BITS, Arrays.copyOfRange(stored, 0, NONCE_BYTES)));
			cipher.updateAAD(associatedData(accountId));
			return cipher.doFinal(stored, NONCE_BYTES, stored.length - NONCE_BYTES);
		}
		catch (GeneralSecurityException | IllegalArgumentException ex) {
			throw new IllegalStateException("a TOTP secret does not open with the configured MFA_ENCRYPTION_KEY", ex);
		}
	}

	private static byte[] associatedData(UUID accountId) {
		return ("totp:" + accountId).getBytes(StandardCharsets.US_ASCII);
	}

}
