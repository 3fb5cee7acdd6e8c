package dev.jwtauth.storage;

import java.io.IOException;
import java.io.UncheckedIOException;

import org.springframework.boot.context.event.ApplicationStartedEvent;
import org.springframework.context.ApplicationListener;

/**
 * Once the database is open: its files made since the folder was prepared (the new
 * database, the lock file that names the AUTO_SERVER port) made owner-only too, since
 * H2 creates them with the process's default modes.
 */
class EmbeddedH2FileModes implements ApplicationListener<ApplicationStartedEvent> {

	@Override
	public void onApplicationEvent(ApplicationStartedEvent event) {
		EmbeddedH2.prepared(event.getApplicationContext().getEnvironment())
			.filter((h2) -> OwnerOnly.supported(h2.folder()))
			.ifPresent((h2) -> {
				try {
					OwnerOnly.contents(h2);
				}
				catch (IOException ex) {
					throw new UncheckedIOException("Cannot restrict the files in " + h2.folder(), ex);
				}
			});
	}

}
