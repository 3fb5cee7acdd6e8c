package dev.jwtauth.cli;

import java.io.BufferedReader;
import java.io.Console;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.PrintWriter;
import java.lang.reflect.Method;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.EnumSet;
import java.util.Set;
import java.util.concurrent.Callable;

import dev.jwtauth.accounts.AccountDetails;
import dev.jwtauth.accounts.AccountTakenException;
import dev.jwtauth.accounts.Accounts;
import dev.jwtauth.accounts.NewAccount;
import dev.jwtauth.accounts.Role;
import dev.jwtauth.errors.FieldProblem;
import dev.jwtauth.errors.InvalidFieldsException;
import org.jspecify.annotations.Nullable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

import org.springframework.context.ConfigurableApplicationContext;

/**
 * {@code useradd}: creates an account from the command line, against the same database
 * the service uses (also while it runs). The password is never an argument, where it
 * would land in shell history and process lists: it is read from the terminal without
 * echo, or as one line from standard input when piped.
 */
@Command(name = UserAddCommand.NAME, mixinStandardHelpOptions = true,
		description = "Creates a user. The password is prompted for, or read as one line from standard input.")
public final class UserAddCommand implements Callable<Integer> {

	public static final String NAME = "useradd";

	static final int CREATED = 0;

	static final int REFUSED = 1;

	static final int DATABASE_IN_USE = 3;

	@Option(names = "--username", required = true, description = "the login name")
	private String username = "";

	@Option(names = "--email", description = "an email address, also usable to log in")
	private @Nullable String email;

	@Option(names = "--name", description = "a display name")
	private @Nullable String name;

	@Option(names = "--admin", description = "give the ADMIN role")
	private boolean admin;

	private final String[] springArguments;

	UserAddCommand(String[] springArguments) {
		this.springArguments = springArguments;
	}

	/**
	 * Runs the command with the arguments that follow its name; Spring properties
	 * ({@code --spring.datasource.url=...}) may come after {@code --}.
	 * @return the process exit status
	 */
	public static int run(String[] args) {
		return CommandSupport.execute(AccountsOnly.class, args, (application, spring) -> new UserAddCommand(spring));
	}

	@Override
	public Integer call() throws IOException {
		PrintWriter err = new PrintWriter(System.err, true, StandardCharsets.UTF_8);
		String password = readPassword(err);
		if (password == null) {
			return REFUSED;
		}
		Set<Role> roles = this.admin ? EnumSet.of(Role.USER, Role.ADMIN) : EnumSet.of(Role.USER);
		ConfigurableApplicationContext started;
		try {
			started = CommandSupport.context(AccountsOnly.class, this.springArguments);
		}
		catch (RuntimeException ex) {
			if (CommandSupport.databaseHeldElsewhere(ex)) {
				err.println(NAME + ": the database is open in another process that does not share it (a service "
						+ "whose spring.datasource.url lacks ;AUTO_SERVER=TRUE): give both that setting, or stop "
						+ "the service and run useradd again.");
				return DATABASE_IN_USE;
			}
			throw ex;
		}
		try (ConfigurableApplicationContext context = started) {
			AccountDetails account = context.getBean(Accounts.class)
				.signup(new NewAccount(this.username, password, this.email, this.name, roles));
			System.out.println("Created user " + account.username() + " (id " + account.id() + ")"
					+ (this.admin ? " with the ADMIN role." : "."));
			return CREATED;
		}
		catch (AccountTakenException ex) {
			err.println(NAME + ": that username or email is already taken.");
			return REFUSED;
		}
		catch (InvalidFieldsException ex) {
			for (FieldProblem problem : ex.getErrors()) {
				err.println(NAME + ": " + problem.field() + " " + problem.message() + ".");
			}
			return REFUSED;
		}
	}

	private @Nullable String readPassword(PrintWriter err) throws IOException {
		Console console = System.console();
		if (console != null && isTerminal(console)) {
			char[] first = console.readPassword("Password for %s: ", this.username);
			char[] second = console.readPassword("Repeat the password: ");
			if (first == null || second == null || !Arrays.equals(first, second)) {
				err.println(NAME + ": the two passwords differ.");
				return null;
			}
			return new String(first);
		}
		BufferedReader in = new BufferedReader(new InputStreamReader(System.in, StandardCharsets.UTF_8));
		String line = in.readLine();
		if (line == null || line.isEmpty()) {
			err.println(NAME + ": no password on standard input.");
			return null;
		}
		return line;
	}

	// From JDK 22 on, System.console() is non-null even when input is piped; ask it.
	private static boolean isTerminal(Console console) {
		try {
			Method isTerminal = Console.class.getMethod("isTerminal");
			return (Boolean) isTerminal.invoke(console);
		}
		catch (ReflectiveOperationException ex) {
			return true;
		}
	}

}
