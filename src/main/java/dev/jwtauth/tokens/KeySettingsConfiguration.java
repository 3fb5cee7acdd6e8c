package dev.jwtauth.tokens;

import dev.jwtauth.tokens.keys.KeySettings;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** Hands the key settings to the keys package, which knows nothing of token settings. */
@Configuration(proxyBeanMethods = false)
class KeySettingsConfiguration {

	@Bean
	KeySettings keySettings(TokenProperties properties) {
		return properties.keys();
	}

}
