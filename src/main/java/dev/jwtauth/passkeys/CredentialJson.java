package dev.jwtauth.passkeys;

import dev.jwtauth.errors.InvalidFieldsException;
import org.jspecify.annotations.Nullable;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/** The {@code credential} field of a request, as the JSON text webauthn4j parses. */
final class CredentialJson {

	private CredentialJson() {
	}

	/** @throws InvalidFieldsException naming {@code credential} when it is missing or no JSON object */
	static String of(@Nullable JsonNode credential, JsonMapper json) {
		if (credential == null || !credential.isObject()) {
			throw new InvalidFieldsException("credential", "is required: the object credential.toJSON() answers");
		}
		return json.writeValueAsString(credential);
	}

}
