package dev.jwtauth.storage;

import java.io.IOException;
import java.io.UncheckedIOException;

import org.springframework.boot.context.event.ApplicationPreparedEvent;
import org.springframework.context.ApplicationListener;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.context.SmartLifecycle;

/**
 * Once the database is open: its files made since the folder was prepared (the new
 * database, the lock file that names the AUTO_SERVER port) made owner-only too, since
 * H2 creates them with the process's default modes. Done as the first lifecycle step,
 * after the schema is migrated and before the web server takes a request.
 */
class EmbeddedH2FileModes implements ApplicationListener<ApplicationPreparedEvent> {

	@Override
	public void onApplicationEvent(ApplicationPreparedEvent event) {
		ConfigurableApplicationContext context = event.getApplicationContext();
		context.getBeanFactory().registerSingleton(Restrict.class.getName(), new Restrict(context));
	}

	private static final class Restrict implements SmartLifecycle {

		private final ConfigurableApplicationContext context;

		private volatile boolean running;

		Restrict(ConfigurableApplicationContext context) {
			this.context = context;
		}

		@Override
		public void start() {
			EmbeddedH2.prepared(this.context.getEnvironment())
				.filter((h2) -> OwnerOnly.supported(h2.folder()))
				.ifPresent((h2) -> {
					try {
						OwnerOnly.contents(h2);
					}
					catch (IOException ex) {
						throw new UncheckedIOException("Cannot restrict the files in " + h2.folder(), ex);
					}
				});
			this.running = true;
		}

		@Override
		public void stop() {
			this.running = false;
		}

		@Override
		public boolean isRunning() {
			return this.running;
		}

		@Override
		public int getPhase() {
			return Integer.MIN_VALUE;
		}

	}

}
