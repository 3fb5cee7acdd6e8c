package dev.jwtauth.mail;

import java.net.InetAddress;
import java.net.UnknownHostException;
import java.util.Locale;
import java.util.regex.Pattern;

/**
 * Whether a URL's host names this machine, judged from its spelling alone: a name is
 * never looked up, so DNS cannot make a public host pass for a local one.
 */
final class Loopback {

	private static final Pattern IPV4 = Pattern.compile("\\d{1,3}(\\.\\d{1,3}){3}");

	private Loopback() {
	}

	static boolean host(String host) {
		String name = host.toLowerCase(Locale.ROOT);
		if (name.equals("localhost") || name.equals("localhost.")) {
			return true;
		}
		boolean ipv6 = name.startsWith("[") && name.endsWith("]");
		if (!ipv6 && !IPV4.matcher(name).matches()) {
			return false;
		}
		try {
			// A literal address is parsed, not resolved
			return InetAddress.getByName(ipv6 ? name.substring(1, name.length() - 1) : name).isLoopbackAddress();
		}
		catch (UnknownHostException ex) {
			return false;
		}
	}

}
