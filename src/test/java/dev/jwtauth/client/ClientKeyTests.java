package dev.jwtauth.client;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The key that per-client limits count under: one IPv6 subscriber usually holds a whole
 * /64, so every address in it must share one budget.
 */
class ClientKeyTests {

	@Test
	void ofWhenIpv4ThenTheFullAddress() {
		assertThat(ClientKey.of("192.0.2.17")).isEqualTo("192.0.2.17");
		assertThat(ClientKey.of("192.0.2.18")).isNotEqualTo(ClientKey.of("192.0.2.17"));
	}

	@Test
	void ofWhenIpv6ThenTheSlash64() {
		String key = ClientKey.of("2001:db8:1:2:aaaa:bbbb:cccc:dddd");
		assertThat(ClientKey.of("2001:db8:1:2::1")).isEqualTo(key);
		assertThat(ClientKey.of("2001:0db8:0001:0002:ffff:ffff:ffff:ffff")).isEqualTo(key);
		assertThat(ClientKey.of("[2001:db8:1:2::9]")).isEqualTo(key);
		assertThat(ClientKey.of("fe80::1%eth0")).isEqualTo(ClientKey.of("fe80::2"));
	}

	@Test
	void ofWhenIpv6PrefixesDifferThenDifferentKeys() {
		assertThat(ClientKey.of("2001:db8:1:3::1")).isNotEqualTo(ClientKey.of("2001:db8:1:2::1"));
		assertThat(ClientKey.of("2001:db8:2:2::1")).isNotEqualTo(ClientKey.of("2001:db8:1:2::1"));
	}

	@Test
	void ofWhenIpv4MappedIpv6ThenTheIpv4Address() {
		assertThat(ClientKey.of("::ffff:192.0.2.17")).isEqualTo("192.0.2.17");
		assertThat(ClientKey.of("0:0:0:0:0:ffff:c000:211")).isEqualTo("192.0.2.17");
		assertThat(ClientKey.of("::ffff:192.0.2.18")).isNotEqualTo(ClientKey.of("::ffff:192.0.2.17"));
	}

	@Test
	void ofWhenNotAnAddressThenKeptAsItIsWithoutLookup() {
		assertThat(ClientKey.of("proxy.example:8080")).isEqualTo("proxy.example:8080");
		assertThat(ClientKey.of("unknown")).isEqualTo("unknown");
	}

}
