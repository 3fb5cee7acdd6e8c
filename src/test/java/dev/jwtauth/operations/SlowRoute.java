package dev.jwtauth.operations;


import org.springframework.context.annotation.Bean;
import org.springframework.web.servlet.function.RouterFunction;
import org.springframework.web.servlet.function.RouterFunctions;
import org.springframework.web.servlet.function.ServerResponse;

/**
 * A route that takes three seconds, added to a service started by
 * {@link GracefulShutdownTests} through {@code spring.main.sources}, so that a request is
 * surely in flight when the service is told to stop. Deliberately no stereotype: the
 * service's component scan never finds it.
 */
public class SlowRoute {

	static final String PATH = "/slow-for-shutdown-test";

	static final String STARTED = "slow request started";

	@Bean
	RouterFunction<ServerResponse> slowRequestRoute() {
		return RouterFunctions.route().GET(PATH, (request) -> {
			System.out.println(STARTED);
			System.out.flush();
			Thread.sleep(3000);
			return ServerResponse.ok().body("finished");
		}).build();
	}

}
