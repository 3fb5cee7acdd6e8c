package dev.jwtauth.cli;

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

	static ConfigurableApplicationContext context(Class<?> application, String[] springArguments) {
		return new SpringApplicationBuilder(application).web(WebApplicationType.NONE)
			.bannerMode(Banner.Mode.OFF)
			.logStartupInfo(false)
			.properties("logging.level.root=WARN", "logging.level.org.flywaydb=ERROR")
			.run(springArguments);
	}

}
