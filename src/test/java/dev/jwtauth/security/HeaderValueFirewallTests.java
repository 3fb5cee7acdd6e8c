package dev.jwtauth.security;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import org.springframework.mock.web.MockHttpServletRequest;
import org.springframework.security.web.firewall.HttpFirewall;
import org.springframework.security.web.firewall.RequestRejectedException;
import org.springframework.security.web.firewall.StrictHttpFirewall;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The service's faster header-value check accepts and refuses exactly what Spring
 * Security's default check does.
 */
class HeaderValueFirewallTests {

	private final HttpFirewall standard = new StrictHttpFirewall();

	private final HttpFirewall ours = new SecurityConfiguration().httpFirewall();

	@ParameterizedTest
	@ValueSource(strings = { "Bearer eyJhbGciOiJIUzI1NiJ9.eyJzdWIiOiIxIn0.c2lnbmF0dXJl", "", " ", "~!@#$%^&*()",
			"caf\u00e9", "\u00a0non-breaking", "emoji \ud83d\udd11", "tab\there", "nul\u0000", "bell\u0007",
			"del\u007f", "next line\u0085", "c1 control\u009f", "unassigned\u0378", "noncharacter\uffff",
			"lone surrogate\ud800", "line\nbreak", "carriage\rreturn" })
	void headerValueWhenCheckedThenSameVerdictAsTheDefault(String value) {
		assertThat(accepts(this.ours, value)).as("verdict on %s", value.codePoints().boxed().toList())
			.isEqualTo(accepts(this.standard, value));
	}

	private static boolean accepts(HttpFirewall firewall, String value) {
		MockHttpServletRequest request = new MockHttpServletRequest("GET", "/protected");
		request.addHeader("X-Value", value);
		try {
			firewall.getFirewalledRequest(request).getHeader("X-Value");
			return true;
		}
		catch (RequestRejectedException ex) {
			return false;
		}
	}

}
