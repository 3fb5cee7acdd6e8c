package dev.jwtauth;

import dev.jwtauth.cli.ClientCommands;
import dev.jwtauth.cli.RotateKeyCommand;
import dev.jwtauth.cli.UserAddCommand;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.boot.context.properties.ConfigurationPropertiesScan;
import org.springframework.scheduling.annotation.EnableScheduling;

/**
 * Starts the HTTP service, or runs a command-line task when the first argument names
 * one ({@code useradd}, {@code rotate-key}, {@code clientadd}, {@code clientlist},
 * {@code clientremove}).
 */
@SpringBootApplication
@ConfigurationPropertiesScan
@EnableScheduling
public class AuthApplication {

	public static void main(String[] args) {
		if (args.length > 0 && UserAddCommand.NAME.equals(args[0])) {
			System.exit(UserAddCommand.run(args));
		}
		if (args.length > 0 && ClientCommands.NAMES.contains(args[0])) {
			System.exit(ClientCommands.run(args));
		}
		if (args.length > 0 && RotateKeyCommand.NAME.equals(args[0])) {
			System.exit(RotateKeyCommand.run(AuthApplication.class, args));
		}
		SpringApplication.run(AuthApplication.class, args);
	}

}
