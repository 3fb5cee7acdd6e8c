package dev.jwtauth.tokens.keys;

import java.io.IOException;
import java.util.List;

import org.apache.commons.logging.Log;
import org.apache.commons.logging.LogFactory;

import org.springframework.scheduling.annotation.Scheduled;

/**
 * Picks up changes to {@code JWT_KEY_DIR} while running: keys added, removed, or
 * replaced one for one (a withdrawn key swapped for a new one, even under the same file
 * name), all told apart by the keys themselves rather than by the files. A rotated-in key is
 * published (and verifies) from the moment it is read, and signs from the instant its
 * file name gives; with that instant a minute ahead, every instance knows the key
 * before any token signed with it reaches them.
 */
class KeyDirectoryReloader {

	private static final Log log = LogFactory.getLog(KeyDirectoryReloader.class);

	private final SigningKeys keys;

	private final KeySettings properties;

	KeyDirectoryReloader(SigningKeys keys, KeySettings properties) {
		this.keys = keys;
		this.properties = properties;
	}

	@Scheduled(fixedDelayString = "${jwt.key-reload-interval:10s}", initialDelayString = "${jwt.key-reload-interval:10s}")
	void reload() {
		if (!this.properties.asymmetric()) {
			return;
		}
		try {
			List<KeyFiles.StoredKey> stored = KeyFiles.load(this.properties.keyDir().toAbsolutePath().normalize(),
					this.properties.algorithm());
			// an emptied directory keeps the keys in use: tokens need some key to verify with
			if (!stored.isEmpty() && this.keys.replace(stored)) {
				log.info("Key directory changed: " + stored.size() + " " + this.properties.algorithm() + " keys");
			}
		}
		catch (IOException | RuntimeException ex) {
			log.warn("Cannot re-read the key directory: " + ex.getMessage());
		}
	}

}
