package dev.jwtauth.cli;

import java.sql.SQLException;
import java.util.Arrays;
import java.util.function.BiFunction;

import picocli.CommandLine;

import org.springframework.boot.Banner;
import org.springframework.boot.WebApplicationType;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;

/**
 * What the commands share: their own options before {@code --} and Spring properties
 * after it, and a quiet application context without a web server.
 */
final class CommandSupport {

	/** H2's ErrorCode.DATABASE_ALREADY_OPEN_1 ("Database may be already in use"). */
	private static final int H2_DATABASE_ALREADY_OPEN = 90020;

	private CommandSupport() {
	}

	/**
	 * Parses {@code args} (the command's name first) and runs the command built from
	 * the application class and the Spring arguments.
	 * @return the process exit status
	 */
	static int execute(Class<?> application, String[] args, BiFunction<Class<?>, String[], Object> command) {
		String[] rest = Arrays.copyOfRange(args, 1, args.length);
		int separator = Arrays.asList(rest).indexOf("--");
		String[] own = (separator < 0) ? rest : Arrays.copyOfRange(rest, 0, separator);
		String[] spring = (separator < 0) ? new String[0] : Arrays.copyOfRange(rest, separator + 1, rest.length);
		return new CommandLine(command.apply(application, spring)).execute(own);
	}

	/** Whether the context failed because H2 found its database file locked by another process. */
	static boolean databaseHeldElsewhere(Throwable failure) {
		for (Throwable cause = failure; cause != null; cause = cause.getCause()) {
			if (cause instanceof SQLException sql && sql.getErrorCode() == H2_DATABASE_ALREADY_OPEN) {
				return true;
			}
		}
		return false;
	}

	static ConfigurableApplicationContext context(Class<?> application, String[] springArguments) {
		return new SpringApplicationBuilder(application).web(WebApplicationType.NONE)
			.bannerMode(Banner.Mode.OFF)
			.logStartupInfo(false)
			.properties("logging.level.root=WARN", "logging.level.org.flywaydb=ERROR",
					// a failed start is reported by the command in one line
					"logging.level.org.springframework.boot.SpringApplication=OFF",
					"logging.level.com.zaxxer.hikari=OFF")
			.run(springArguments);
	}

}
