package dev.jwtauth.cli;

import java.io.IOException;
import java.nio.file.Path;
import java.time.Duration;
import java.time.format.DateTimeParseException;
import java.util.concurrent.Callable;

import dev.jwtauth.tokens.AccessTokens;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

import org.springframework.context.ConfigurableApplicationContext;

/**
 * {@code rotate-key}: adds a new signing key to {@code JWT_KEY_DIR} that starts signing
 * after {@code --activate-in} (60 s by default). Running instances pick it up from the
 * directory; the previous key verifies until its last token has expired.
 */
@Command(name = RotateKeyCommand.NAME, mixinStandardHelpOptions = true,
		description = "Adds a new signing key to JWT_KEY_DIR (RS256, ES256 or EdDSA).")
public final class RotateKeyCommand implements Callable<Integer> {

	public static final String NAME = "rotate-key";

	@Option(names = "--activate-in", defaultValue = "60s",
			description = "how long until the new key signs, e.g. 60s, 5m, 0s (default: ${DEFAULT-VALUE})")
	private String activateIn = "60s";

	private final Class<?> application;

	private final String[] springArguments;

	RotateKeyCommand(Class<?> application, String[] springArguments) {
		this.application = application;
		this.springArguments = springArguments;
	}

	/** Runs the command with the arguments after its name; Spring properties may follow {@code --}. */
	public static int run(Class<?> application, String[] args) {
		return CommandSupport.execute(application, args, RotateKeyCommand::new);
	}

	@Override
	public Integer call() throws IOException {
		Duration delay;
		try {
			delay = Duration.parse("PT" + this.activateIn.toUpperCase(java.util.Locale.ROOT));
		}
		catch (DateTimeParseException ex) {
			System.err.println(NAME + ": --activate-in takes a duration such as 60s or 5m.");
			return 2;
		}
		try (ConfigurableApplicationContext context = CommandSupport.context(this.application, this.springArguments)) {
			Path file = context.getBean(AccessTokens.class).rotateKey(delay);
			System.out.println("Added " + file + "; it signs from " + file.getFileName().toString().substring(0, 16)
					+ ". The previous key verifies until its tokens expire.");
			return 0;
		}
		catch (IllegalStateException ex) {
			System.err.println(NAME + ": " + ex.getMessage());
			return 1;
		}
	}

}
