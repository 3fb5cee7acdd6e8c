package dev.jwtauth.cli;

import java.util.List;
import java.util.Set;
import java.util.concurrent.Callable;
import java.util.function.Function;

import dev.jwtauth.oauth.clients.NewServiceClient;
import dev.jwtauth.oauth.clients.ServiceClient;
import dev.jwtauth.oauth.clients.ServiceClients;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

import org.springframework.context.ConfigurableApplicationContext;

/**
 * {@code clientadd}, {@code clientlist} and {@code clientremove}: the service clients
 * that other services use to get tokens, introspect and revoke, managed against the
 * same database as the service (also while it runs).
 */
public final class ClientCommands {

	public static final Set<String> NAMES = Set.of(Add.NAME, ListClients.NAME, Remove.NAME);

	static final int DONE = 0;

	static final int REFUSED = 1;

	private ClientCommands() {
	}

	/**
	 * Runs the command named by the first argument; Spring properties may come after
	 * {@code --}.
	 * @return the process exit status
	 */
	public static int run(String[] args) {
		Function<String[], Object> command = switch (args[0]) {
			case Add.NAME -> Add::new;
			case ListClients.NAME -> ListClients::new;
			case Remove.NAME -> Remove::new;
			default -> throw new IllegalArgumentException("no client command " + args[0]);
		};
		return CommandSupport.execute(ClientsOnly.class, args, (application, spring) -> command.apply(spring));
	}

	private static ServiceClients clients(ConfigurableApplicationContext context) {
		return context.getBean(ServiceClients.class);
	}

	@Command(name = Add.NAME, mixinStandardHelpOptions = true,
			description = "Adds a service client and prints its id and secret; the secret is shown this once.")
	static final class Add implements Callable<Integer> {

		static final String NAME = "clientadd";

		@Option(names = "--name", required = true, description = "what the client is, e.g. billing")
		private String name = "";

		@Option(names = "--scopes", split = ",",
				description = "comma-separated: introspect, revoke, or scopes other services check (default: none)")
		private List<String> scopes = List.of();

		private final String[] springArguments;

		Add(String[] springArguments) {
			this.springArguments = springArguments;
		}

		@Override
		public Integer call() {
			try (ConfigurableApplicationContext context = CommandSupport.context(ClientsOnly.class,
					this.springArguments)) {
				NewServiceClient added = clients(context).add(this.name, this.scopes);
				System.out.println("client_id:     " + added.client().clientId());
				System.out.println("client_secret: " + added.secret());
				System.out.println("scopes:        " + String.join(" ", added.client().scopes()));
				System.out.println("Keep the secret now: it is stored only as a hash and shown never again.");
				return DONE;
			}
			catch (IllegalArgumentException ex) {
				System.err.println(NAME + ": " + ex.getMessage() + ".");
				return REFUSED;
			}
		}

	}

	@Command(name = ListClients.NAME, mixinStandardHelpOptions = true, description = "Lists the service clients.")
	static final class ListClients implements Callable<Integer> {

		static final String NAME = "clientlist";

		private final String[] springArguments;

		ListClients(String[] springArguments) {
			this.springArguments = springArguments;
		}

		@Override
		public Integer call() {
			try (ConfigurableApplicationContext context = CommandSupport.context(ClientsOnly.class,
					this.springArguments)) {
				List<ServiceClient> all = clients(context).list();
				if (all.isEmpty()) {
					System.out.println("No service clients.");
				}
				for (ServiceClient client : all) {
					System.out.println(String.join("\t", client.clientId(), client.name(),
							String.join(",", client.scopes()), client.createdAt().toString()));
				}
				return DONE;
			}
		}

	}

	@Command(name = Remove.NAME, mixinStandardHelpOptions = true,
			description = "Removes a service client; its tokens stop working at once on every instance.")
	static final class Remove implements Callable<Integer> {

		static final String NAME = "clientremove";

		@Option(names = "--id", required = true, description = "the client id, client_...")
		private String id = "";

		private final String[] springArguments;

		Remove(String[] springArguments) {
			this.springArguments = springArguments;
		}

		@Override
		public Integer call() {
			try (ConfigurableApplicationContext context = CommandSupport.context(ClientsOnly.class,
					this.springArguments)) {
				if (!clients(context).remove(this.id)) {
					System.err.println(NAME + ": no client " + this.id + ".");
					return REFUSED;
				}
				System.out.println("Removed " + this.id + "; its tokens are revoked.");
				return DONE;
			}
		}

	}

}
