package dev.jwtauth.passkeys;

import java.time.Duration;

import org.jspecify.annotations.Nullable;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Passkey settings.
 *
 * @param rpId the relying party id ({@code WEBAUTHN_RP_ID}); unset, the host of
 * {@code PUBLIC_BASE_URL}
 * @param challengeTtl how long a ceremony may take from its options to its answer
 */
@ConfigurationProperties("webauthn")
record PasskeyProperties(@Nullable String rpId, @DefaultValue("5m") Duration challengeTtl) {

	PasskeyProperties {
		if (rpId != null && rpId.isBlank()) {
			rpId = null;
		}
	}

}
