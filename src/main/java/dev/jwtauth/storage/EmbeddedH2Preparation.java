package dev.jwtauth.storage;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.Map;

import org.springframework.boot.EnvironmentPostProcessor;
import org.springframework.boot.SpringApplication;
import org.springframework.boot.context.config.ConfigDataEnvironmentPostProcessor;
import org.springframework.core.Ordered;
import org.springframework.core.env.ConfigurableEnvironment;
import org.springframework.core.env.MapPropertySource;

/**
 * Before the data source exists: the embedded database's folder made owner-only (with
 * what it already holds), its password generated or read, and H2's {@code AUTO_SERVER}
 * port, which lets {@code useradd} work beside a running service, kept on loopback.
 * Runs after the configuration files are read, so it sees the configured URL.
 */
class EmbeddedH2Preparation implements EnvironmentPostProcessor, Ordered {

	static final String PROPERTY_SOURCE = "embeddedH2Password";

	/** H2 reads it once, when it first loads; it decides where AUTO_SERVER listens. */
	private static final String H2_BIND_ADDRESS = "h2.bindAddress";

	@Override
	public void postProcessEnvironment(ConfigurableEnvironment environment, SpringApplication application) {
		EmbeddedH2.unprepared(environment).ifPresent((h2) -> {
			try {
				if (OwnerOnly.supported(h2.folder())) {
					OwnerOnly.folder(h2.folder());
					OwnerOnly.contents(h2);
				}
				if (h2.autoServer() && System.getProperty(H2_BIND_ADDRESS) == null) {
					System.setProperty(H2_BIND_ADDRESS, "127.0.0.1");
				}
				String password = DatabasePassword.prepare(h2);
				environment.getPropertySources()
					.addFirst(new MapPropertySource(PROPERTY_SOURCE, Map.of("spring.datasource.password", password)));
			}
			catch (IOException ex) {
				throw new UncheckedIOException("Cannot prepare the embedded database's folder " + h2.folder(), ex);
			}
		});
	}

	@Override
	public int getOrder() {
		return ConfigDataEnvironmentPostProcessor.ORDER + 1;
	}

}
