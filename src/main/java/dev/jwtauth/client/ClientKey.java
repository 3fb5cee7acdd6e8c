package dev.jwtauth.client;

import java.net.Inet4Address;
import java.net.InetAddress;
import java.net.UnknownHostException;
import java.util.Arrays;

/**
 * The key under which per-client limits (signup, refresh, login failures) count a client
 * address. An IPv6 subscriber is usually handed a whole /64, so keying by the full address
 * would give it billions of fresh budgets: IPv6 is keyed by its /64, IPv4 by the full
 * address, and IPv4-mapped IPv6 as the IPv4 address it carries.
 */
public final class ClientKey {

	private static final int IPV6_PREFIX_BYTES = 8;

	private ClientKey() {
	}

	public static String of(String address) {
		if (address.indexOf(':') < 0) {
			return address;
		}
		int zone = address.indexOf('%');
		String literal = (zone < 0) ? address : address.substring(0, zone);
		try {
			// A name containing ':' is parsed as an IPv6 literal only, never looked up in DNS.
			InetAddress parsed = InetAddress.getByName(literal);
			if (parsed instanceof Inet4Address) {
				return parsed.getHostAddress();
			}
			byte[] bytes = parsed.getAddress();
			Arrays.fill(bytes, IPV6_PREFIX_BYTES, bytes.length, (byte) 0);
			return InetAddress.getByAddress(bytes).getHostAddress() + "/64";
		}
		catch (UnknownHostException ex) {
			return address;
		}
	}

}
