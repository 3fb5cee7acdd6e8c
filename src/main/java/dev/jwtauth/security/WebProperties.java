package dev.jwtauth.security;

import java.net.URI;
import java.net.URISyntaxException;
import java.time.Duration;
import java.util.List;

import jakarta.validation.constraints.Min;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.validation.annotation.Validated;

/**
 * Browser and abuse settings of the web layer.
 *
 * @param corsAllowedOrigins origins whose pages may call the API with a token
 * ({@code CORS_ALLOWED_ORIGINS}, comma-separated; none by default)
 * @param signupsPerPeriod signups allowed from one client address per period
 * ({@code RATE_LIMIT_SIGNUP})
 * @param refreshesPerPeriod refreshes allowed from one client address per period
 * ({@code RATE_LIMIT_REFRESH})
 * @param ratePeriod the period of those limits ({@code RATE_LIMIT_PERIOD})
 * @param recoveriesPerPeriod recovery requests, confirmations, verifications and
 * verification-mail resends allowed from one client address per period
 * ({@code RATE_LIMIT_RECOVERY})
 * @param oauthRequestsPerPeriod requests to the service-client routes (token,
 * introspection, revocation) allowed from one client address per period
 * ({@code RATE_LIMIT_OAUTH})
 */
@ConfigurationProperties("web")
@Validated
record WebProperties(@DefaultValue("") List<String> corsAllowedOrigins, @DefaultValue("30") @Min(1) int signupsPerPeriod,
		@DefaultValue("150") @Min(1) int refreshesPerPeriod, @DefaultValue("5m") Duration ratePeriod,
		@DefaultValue("30") @Min(1) int recoveriesPerPeriod, @DefaultValue("3000") @Min(1) int oauthRequestsPerPeriod) {

	WebProperties {
		corsAllowedOrigins = corsAllowedOrigins.stream().map(String::strip).filter((origin) -> !origin.isEmpty()).toList();
		corsAllowedOrigins.forEach(WebProperties::requireOrigin);
	}

	/**
	 * Allowed origins get credentials, so each must be one exact origin: {@code *},
	 * {@code null} (what sandboxed frames and files send) or a pattern would hand the
	 * refresh cookie's session to pages nobody chose.
	 */
	private static void requireOrigin(String origin) {
		URI uri;
		try {
			uri = new URI(origin);
		}
		catch (URISyntaxException ex) {
			uri = null;
		}
		boolean exact = uri != null && ("https".equals(uri.getScheme()) || "http".equals(uri.getScheme()))
				&& uri.getHost() != null && uri.getRawUserInfo() == null && uri.getRawPath().isEmpty()
				&& uri.getRawQuery() == null && uri.getRawFragment() == null;
		if (!exact) {
			throw new IllegalArgumentException("CORS_ALLOWED_ORIGINS: '" + origin
					+ "' is not an origin; give each as scheme://host[:port], with no path (no '*' or 'null')");
		}
	}

}
