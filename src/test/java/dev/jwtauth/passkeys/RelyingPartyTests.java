package dev.jwtauth.passkeys;

import java.util.List;

import com.webauthn4j.data.client.Origin;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/** The RP id against the origins it must serve: what browsers would refuse is refused at start. */
class RelyingPartyTests {

	@Test
	void rpIdWhenUnsetThenTheHostOfThePublicBaseUrl() {
		RelyingParty party = RelyingParty.of(null, "https://Auth.Example.com/", List.of());
		assertThat(party.serving()).isTrue();
		assertThat(party.rpId()).isEqualTo("auth.example.com");
		assertThat(party.origins()).containsExactly(new Origin("https://auth.example.com"));
	}

	@Test
	void rpIdWhenAParentDomainOfEveryOriginThenServing() {
		RelyingParty party = RelyingParty.of("example.com", "https://auth.example.com",
				List.of("https://app.example.com:8443", "https://example.com"));
		assertThat(party.serving()).isTrue();
		assertThat(party.origins()).containsExactlyInAnyOrder(new Origin("https://auth.example.com"),
				new Origin("https://app.example.com:8443"), new Origin("https://example.com"));
	}

	@Test
	void rpIdWhenLocalhostThenServingOnAnyPort() {
		assertThat(RelyingParty.of(null, "http://localhost:41234", List.of()).rpId()).isEqualTo("localhost");
	}

	@Test
	void rpIdWhenAnIpAddressThenNotServing() {
		RelyingParty v4 = RelyingParty.of(null, "http://127.0.0.1:8080", List.of());
		assertThat(v4.serving()).isFalse();
		assertThat(v4.problem()).contains("IP address");
		assertThat(RelyingParty.of(null, "http://[::1]:8080", List.of()).serving()).isFalse();
		assertThat(RelyingParty.of("10.0.0.1", "http://10.0.0.1", List.of()).serving()).isFalse();
	}

	@Test
	void rpIdWhenNotASuffixOfAnOriginThenNotServing() {
		RelyingParty other = RelyingParty.of("example.org", "https://auth.example.com", List.of());
		assertThat(other.serving()).isFalse();
		assertThat(other.problem()).contains("https://auth.example.com");
		// A suffix of the text is no parent domain: badexample.com is not under example.com.
		assertThat(RelyingParty.of("example.com", "https://badexample.com", List.of()).serving()).isFalse();
		// A child of the host is no parent of it.
		assertThat(RelyingParty.of("login.auth.example.com", "https://auth.example.com", List.of()).serving())
			.isFalse();
		RelyingParty cors = RelyingParty.of(null, "https://auth.example.com", List.of("https://app.example.net"));
		assertThat(cors.serving()).isFalse();
		assertThat(cors.problem()).contains("https://app.example.net");
	}

}
