package dev.jwtauth.passkeys;

import java.util.List;

import org.apache.commons.logging.Log;
import org.apache.commons.logging.LogFactory;

import org.springframework.boot.context.properties.bind.Bindable;
import org.springframework.boot.context.properties.bind.Binder;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.env.Environment;

/**
 * Reads the relying party from the settings that fix where people reach the service,
 * {@code PUBLIC_BASE_URL} and {@code CORS_ALLOWED_ORIGINS}, and says at start when
 * passkeys cannot serve with them; the rest of the service starts all the same.
 */
@Configuration(proxyBeanMethods = false)
class RelyingPartyConfiguration {

	private static final Log log = LogFactory.getLog(RelyingPartyConfiguration.class);

	@Bean
	RelyingParty relyingParty(PasskeyProperties properties, Environment environment) {
		Binder binder = Binder.get(environment);
		String publicBaseUrl = binder.bind("mail.public-base-url", String.class).orElse("http://localhost:8080");
		List<String> cors = binder.bind("web.cors-allowed-origins", Bindable.listOf(String.class))
			.orElse(List.of())
			.stream()
			.map(String::strip)
			.filter((origin) -> !origin.isEmpty())
			.toList();
		RelyingParty party = RelyingParty.of(properties.rpId(), publicBaseUrl, cors);
		if (!party.serving()) {
			log.warn("Passkeys are off, their routes answer 404: " + party.problem());
		}
		else {
			log.info("Passkeys serve the RP id " + party.rpId() + " for " + party.origins());
		}
		return party;
	}

}
