package dev.jwtauth.passkeys;

import java.nio.ByteBuffer;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Collectors;

import com.webauthn4j.WebAuthnManager;
import com.webauthn4j.converter.util.ObjectConverter;
import com.webauthn4j.credential.CredentialRecord;
import com.webauthn4j.credential.CredentialRecordImpl;
import com.webauthn4j.data.AuthenticationData;
import com.webauthn4j.data.AuthenticationParameters;
import com.webauthn4j.data.AuthenticatorTransport;
import com.webauthn4j.data.PublicKeyCredentialParameters;
import com.webauthn4j.data.PublicKeyCredentialType;
import com.webauthn4j.data.RegistrationData;
import com.webauthn4j.data.RegistrationParameters;
import com.webauthn4j.data.attestation.authenticator.AAGUID;
import com.webauthn4j.data.attestation.authenticator.AttestedCredentialData;
import com.webauthn4j.data.attestation.authenticator.COSEKey;
import com.webauthn4j.data.attestation.statement.COSEAlgorithmIdentifier;
import com.webauthn4j.data.attestation.statement.NoneAttestationStatement;
import com.webauthn4j.data.client.challenge.DefaultChallenge;
import com.webauthn4j.server.ServerProperty;
import com.webauthn4j.verifier.exception.VerificationException;
import dev.jwtauth.accounts.AccountDetails;
import dev.jwtauth.errors.InvalidFieldsException;

import org.springframework.stereotype.Component;

/**
 * The WebAuthn ceremonies, checked by webauthn4j: the options a browser's
 * {@code PublicKeyCredential.parseCreationOptionsFromJSON} and
 * {@code parseRequestOptionsFromJSON} read, and the checks of what its
 * {@code credential.toJSON()} answers: challenge, origin, RP id hash, user presence and
 * verification, signature and counter.
 */
@Component
class Ceremonies {

	/** ES256, EdDSA and RS256: what platform authenticators and security keys make. */
	private static final List<COSEAlgorithmIdentifier> ALGORITHMS = List.of(COSEAlgorithmIdentifier.ES256,
			COSEAlgorithmIdentifier.EdDSA, COSEAlgorithmIdentifier.RS256);

	private static final Set<String> TRANSPORTS = Set.of("usb", "nfc", "ble", "smart-card", "hybrid", "internal");

	/** Room for an RSA-4096 key and more; the column holds its base64url. */
	static final int MAX_PUBLIC_KEY_BYTES = 1400;

	private final ObjectConverter converter = new ObjectConverter();

	// Non-strict: no attestation trust is asked for ("attestation": "none"); every
	// check of the ceremony itself still applies.
	private final WebAuthnManager manager = WebAuthnManager.createNonStrictWebAuthnManager(this.converter);

	private final RelyingParty party;

	private final long timeoutMillis;

	Ceremonies(RelyingParty party, PasskeyProperties properties) {
		this.party = party;
		this.timeoutMillis = properties.challengeTtl().toMillis();
	}

	Map<String, Object> creationOptions(Challenges.Issued challenge, AccountDetails account,
			List<PasskeyStore.Stored> existing) {
		Map<String, Object> options = new LinkedHashMap<>();
		options.put("rp", Map.of("id", this.party.rpId(), "name", this.party.rpId()));
		options.put("user", Map.of("id", PasskeyStore.encode(userHandle(account)), "name", account.username(),
				"displayName", (account.name() != null) ? account.name() : account.username()));
		options.put("challenge", challenge.encoded());
		options.put("pubKeyCredParams",
				ALGORITHMS.stream().map((alg) -> Map.of("type", "public-key", "alg", alg.getValue())).toList());
		options.put("timeout", this.timeoutMillis);
		options.put("excludeCredentials", existing.stream().map(Ceremonies::descriptor).toList());
		options.put("authenticatorSelection",
				Map.of("residentKey", "required", "requireResidentKey", true, "userVerification", "required"));
		options.put("attestation", "none");
		options.put("extensions", Map.of("credProps", true));
		return options;
	}

	Map<String, Object> requestOptions(Challenges.Issued challenge) {
		Map<String, Object> options = new LinkedHashMap<>();
		options.put("challenge", challenge.encoded());
		options.put("rpId", this.party.rpId());
		options.put("timeout", this.timeoutMillis);
		options.put("userVerification", "required");
		return options;
	}

	/** The user handle of the account's passkeys: its public id's 16 bytes, nothing personal. */
	static byte[] userHandle(AccountDetails account) {
		return ByteBuffer.allocate(16)
			.putLong(account.id().getMostSignificantBits())
			.putLong(account.id().getLeastSignificantBits())
			.array();
	}

	/** @throws InvalidFieldsException naming {@code credential} when it is no registration response */
	RegistrationData parseRegistration(String json) {
		try {
			RegistrationData data = this.manager.parseRegistrationResponseJSON(json);
			if (data.getAttestationObject() != null && data.getCollectedClientData() != null
					&& data.getCollectedClientData().getChallenge() != null
					&& data.getAttestationObject().getAuthenticatorData().getAttestedCredentialData() != null) {
				return data;
			}
		}
		catch (RuntimeException ex) {
			// malformed: answered below
		}
		throw new InvalidFieldsException("credential",
				"is not what credential.toJSON() answers to navigator.credentials.create()");
	}

	/** @throws InvalidFieldsException naming {@code credential} when it is no authentication response */
	AuthenticationData parseAuthentication(String json) {
		try {
			AuthenticationData data = this.manager.parseAuthenticationResponseJSON(json);
			if (data.getCredentialId() != null && data.getAuthenticatorData() != null
					&& data.getCollectedClientData() != null && data.getCollectedClientData().getChallenge() != null
					&& data.getSignature() != null) {
				return data;
			}
		}
		catch (RuntimeException ex) {
			// malformed: answered below
		}
		throw new InvalidFieldsException("credential",
				"is not what credential.toJSON() answers to navigator.credentials.get()");
	}

	/** @throws VerificationException for any failed check of the ceremony */
	void verifyRegistration(RegistrationData data, byte[] challenge) {
		List<PublicKeyCredentialParameters> parameters = ALGORITHMS.stream()
			.map((alg) -> new PublicKeyCredentialParameters(PublicKeyCredentialType.PUBLIC_KEY, alg))
			.toList();
		this.manager.verify(data, new RegistrationParameters(server(challenge), parameters, true, true));
	}

	/** @throws VerificationException for any failed check of the ceremony, the counter's included */
	void verifyAuthentication(AuthenticationData data, byte[] challenge, PasskeyStore.Stored passkey) {
		COSEKey key = this.converter.getCborConverter().readValue(passkey.publicKey(), COSEKey.class);
		CredentialRecord record = new CredentialRecordImpl(new NoneAttestationStatement(), null, null, null,
				passkey.signCount(), new AttestedCredentialData(AAGUID.ZERO, passkey.credentialId(), key), null, null,
				null, null);
		this.manager.verify(data, new AuthenticationParameters(server(challenge), record, null, true, true));
	}

	byte[] publicKeyOf(RegistrationData data) {
		return this.converter.getCborConverter()
			.writeValueAsBytes(data.getAttestationObject()
				.getAuthenticatorData()
				.getAttestedCredentialData()
				.getCOSEKey());
	}

	private ServerProperty server(byte[] challenge) {
		return new ServerProperty(this.party.origins(), this.party.rpId(), new DefaultChallenge(challenge));
	}

	private static Map<String, Object> descriptor(PasskeyStore.Stored passkey) {
		return Map.of("type", "public-key", "id", PasskeyStore.encode(passkey.credentialId()), "transports",
				passkey.transports());
	}

	/** The transports the client reported, those WebAuthn names only: a client may send anything. */
	static Set<String> transportsOf(RegistrationData data) {
		return (data.getTransports() != null) ? data.getTransports()
			.stream()
			.map(AuthenticatorTransport::getValue)
			.filter(TRANSPORTS::contains)
			.collect(Collectors.toCollection(TreeSet::new)) : Set.of();
	}

}
