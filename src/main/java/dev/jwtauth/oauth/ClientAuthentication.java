package dev.jwtauth.oauth;

import java.net.URLDecoder;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.Collections;
import java.util.List;
import java.util.Optional;

import dev.jwtauth.client.ClientInfo;
import dev.jwtauth.login.Logins;
import dev.jwtauth.oauth.clients.ServiceClient;
import dev.jwtauth.oauth.clients.ServiceClients;
import jakarta.servlet.http.HttpServletRequest;

import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Component;
import org.springframework.web.ErrorResponseException;

/**
 * Who is calling an OAuth route: a service client authenticated with HTTP Basic
 * ({@code client_secret_basic}) or with {@code client_id} and {@code client_secret} in
 * the body ({@code client_secret_post}), never both. Failures count towards the login
 * brute-force limits, per client id and per address.
 */
@Component
class ClientAuthentication {

	private static final String BASIC = "Basic ";

	private final ServiceClients clients;

	private final Logins logins;

	ClientAuthentication(ServiceClients clients, Logins logins) {
		this.clients = clients;
		this.logins = logins;
	}

	/** @throws OAuthError {@code invalid_client}, {@code invalid_request}, or 429 while locked */
	ServiceClient authenticate(HttpServletRequest request, OAuthForm form) {
		Credentials credentials = credentials(request, form);
		Optional<ServiceClient> recognized = this.clients.recognize(credentials.id(), credentials.secret());
		if (recognized.isPresent()) {
			return recognized.get();
		}
		try {
			return this.logins
				.throttledClientCheck(credentials.id(), ClientInfo.of(request),
						() -> this.clients.authenticate(credentials.id(), credentials.secret()))
				.orElseThrow(OAuthError::invalidClient);
		}
		catch (ErrorResponseException ex) {
			// Locked (429) or hashing saturated (503): the same wait, in OAuth's words.
			HttpStatus status = HttpStatus.valueOf(ex.getStatusCode().value());
			throw new OAuthError(status, "temporarily_unavailable",
					(status == HttpStatus.TOO_MANY_REQUESTS) ? "Too many failed attempts. Try again later."
							: "The service is busy. Try again shortly.",
					ex.getHeaders().getFirst(HttpHeaders.RETRY_AFTER));
		}
	}

	private static Credentials credentials(HttpServletRequest request, OAuthForm form) {
		List<String> authorizations = Collections.list(request.getHeaders(HttpHeaders.AUTHORIZATION));
		String postedId = form.get("client_id");
		String postedSecret = form.get("client_secret");
		if (authorizations.isEmpty()) {
			if (postedId == null || postedSecret == null) {
				throw OAuthError.invalidClient();
			}
			return new Credentials(postedId, postedSecret);
		}
		if (postedSecret != null) {
			throw OAuthError.invalidRequest("Use one client authentication method, not two.");
		}
		if (authorizations.size() > 1
				|| !authorizations.get(0).regionMatches(true, 0, BASIC, 0, BASIC.length())) {
			throw OAuthError.invalidClient();
		}
		Credentials basic = basic(authorizations.get(0).substring(BASIC.length()).strip());
		// client_id may repeat the Basic id in the body, but must not name another client.
		if (postedId != null && !postedId.equals(basic.id())) {
			throw OAuthError.invalidRequest("client_id names another client than the Authorization header.");
		}
		return basic;
	}

	/**
	 * RFC 6749 section 2.3.1: both parts are form-urlencoded before they are joined with a
	 * colon and base64-encoded, so a secret with {@code :}, {@code %} or {@code +} arrives
	 * intact.
	 */
	private static Credentials basic(String encoded) {
		try {
			String decoded = StandardCharsets.UTF_8.newDecoder()
				.onMalformedInput(CodingErrorAction.REPORT)
				.onUnmappableCharacter(CodingErrorAction.REPORT)
				.decode(ByteBuffer.wrap(Base64.getDecoder().decode(encoded)))
				.toString();
			int colon = decoded.indexOf(':');
			if (colon <= 0) {
				throw OAuthError.invalidClient();
			}
			String id = URLDecoder.decode(decoded.substring(0, colon), StandardCharsets.UTF_8);
			String secret = URLDecoder.decode(decoded.substring(colon + 1), StandardCharsets.UTF_8);
			if (id.isEmpty() || secret.isEmpty()) {
				throw OAuthError.invalidClient();
			}
			return new Credentials(id, secret);
		}
		catch (IllegalArgumentException | CharacterCodingException ex) {
			throw OAuthError.invalidClient();
		}
	}

	private record Credentials(String id, String secret) {

		@Override
		public String toString() {
			return "Credentials[" + this.id + "]";
		}

	}

}
