package dev.jwtauth.security;

import java.util.EnumMap;
import java.util.HashMap;
import java.util.Map;

import dev.jwtauth.tokens.InvalidTokenException.Reason;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;

import org.springframework.stereotype.Component;

/**
 * Counts refused access tokens by reason ({@code jwtauth.token.rejections{reason}}),
 * where the reason is known. Tags are the reasons' fixed set, registered at zero from the
 * start, so the metric's cardinality stays bounded and dashboards see every series.
 */
@Component
class TokenRejections {

	private final Map<Reason, Counter> counters = new EnumMap<>(Reason.class);

	TokenRejections(MeterRegistry registry) {
		Map<String, Counter> byTag = new HashMap<>();
		for (Reason reason : Reason.values()) {
			this.counters.put(reason, byTag.computeIfAbsent(reason.tag(), (tag) -> Counter.builder("jwtauth.token.rejections")
				.description("Presented access tokens refused, by reason")
				.tag("reason", tag)
				.register(registry)));
		}
	}

	void count(Reason reason) {
		this.counters.get(reason).increment();
	}

}
