package dev.jwtauth.passkeys;

import java.net.URI;
import java.net.URISyntaxException;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Pattern;

import com.webauthn4j.data.client.Origin;
import org.jspecify.annotations.Nullable;

/**
 * Who the passkeys are for: the RP id, and the origins whose pages may run a ceremony
 * ({@code PUBLIC_BASE_URL} and {@code CORS_ALLOWED_ORIGINS}). The RP id must be the host
 * of each origin or a parent domain of it (WebAuthn §5.1.3), and no IP address; otherwise
 * browsers refuse every ceremony, so the service offers none and says why.
 *
 * @param rpId the RP id, lower case
 * @param origins the origins a client's data may name
 * @param problem why passkeys cannot serve with these settings; null when they can
 */
record RelyingParty(String rpId, Set<Origin> origins, @Nullable String problem) {

	private static final Pattern IPV4 = Pattern.compile("\\d{1,3}(\\.\\d{1,3}){3}");

	private static final Pattern LABELS = Pattern.compile("[a-z0-9]([a-z0-9-]*[a-z0-9])?(\\.[a-z0-9]([a-z0-9-]*[a-z0-9])?)*");

	boolean serving() {
		return this.problem == null;
	}

	/**
	 * @param rpIdSetting {@code WEBAUTHN_RP_ID}, or null for the public base URL's host
	 * @param publicBaseUrl {@code PUBLIC_BASE_URL}
	 * @param corsOrigins {@code CORS_ALLOWED_ORIGINS}
	 */
	static RelyingParty of(@Nullable String rpIdSetting, String publicBaseUrl, List<String> corsOrigins) {
		List<String> origins = new ArrayList<>();
		origins.add(publicBaseUrl);
		origins.addAll(corsOrigins);
		Set<Origin> allowed = new LinkedHashSet<>();
		List<String> hosts = new ArrayList<>();
		for (String origin : origins) {
			URI uri;
			try {
				uri = new URI(origin.strip());
			}
			catch (URISyntaxException ex) {
				return refused(String.valueOf(rpIdSetting), allowed, "the origin " + origin + " is no URL");
			}
			if (uri.getScheme() == null || uri.getHost() == null) {
				return refused(String.valueOf(rpIdSetting), allowed, "the origin " + origin + " names no host");
			}
			String scheme = uri.getScheme().toLowerCase(Locale.ROOT);
			String host = uri.getHost().toLowerCase(Locale.ROOT);
			allowed.add(new Origin(scheme + "://" + host + ((uri.getPort() != -1) ? ":" + uri.getPort() : "")));
			hosts.add(host);
		}
		String rpId = ((rpIdSetting != null) ? rpIdSetting.strip() : hosts.get(0)).toLowerCase(Locale.ROOT);
		if (rpId.endsWith(".")) {
			rpId = rpId.substring(0, rpId.length() - 1);
		}
		if (IPV4.matcher(rpId).matches() || rpId.contains(":") || rpId.startsWith("[")) {
			return refused(rpId, allowed, "the RP id " + rpId + " is an IP address; WebAuthn needs a domain name"
					+ " (set PUBLIC_BASE_URL to a name, or WEBAUTHN_RP_ID)");
		}
		if (!LABELS.matcher(rpId).matches()) {
			return refused(rpId, allowed, "the RP id " + rpId + " is no domain name");
		}
		for (int i = 0; i < hosts.size(); i++) {
			String host = hosts.get(i);
			if (!host.equals(rpId) && !host.endsWith("." + rpId)) {
				return refused(rpId, allowed, "the RP id " + rpId + " is neither the host of the allowed origin "
						+ origins.get(i).strip() + " nor a parent domain of it (WEBAUTHN_RP_ID, PUBLIC_BASE_URL,"
						+ " CORS_ALLOWED_ORIGINS)");
			}
		}
		return new RelyingParty(rpId, Set.copyOf(allowed), null);
	}

	private static RelyingParty refused(String rpId, Set<Origin> origins, String problem) {
		return new RelyingParty(rpId, Set.copyOf(origins), problem);
	}

}
