package dev.jwtauth.oauth;

import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import dev.jwtauth.audit.AuditLog;
import dev.jwtauth.client.ClientInfo;
import dev.jwtauth.oauth.clients.ServiceClient;
import dev.jwtauth.oauth.clients.ServiceClients;
import dev.jwtauth.tokens.AccessTokens;
import dev.jwtauth.tokens.IssuedToken;
import dev.jwtauth.tokens.TokenProperties;
import io.swagger.v3.oas.annotations.Hidden;
import jakarta.servlet.http.HttpServletRequest;
import org.jspecify.annotations.Nullable;

import org.springframework.http.CacheControl;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RestController;

/**
 * {@code POST /oauth/token} (client credentials), {@code /oauth/introspect} (RFC 7662)
 * and {@code /oauth/revoke} (RFC 7009), for service clients. Their errors are OAuth
 * error JSON (RFC 6749 section 5.2), which OAuth libraries read, so they stay out of the
 * OpenAPI description, whose errors are problem documents; the RFCs and
 * docs/other-services.md describe them.
 */
@Hidden
@RestController
class OAuthController {

	private final ClientAuthentication clientAuthentication;

	private final Introspection introspection;

	private final AccessTokens tokens;

	private final AuditLog audit;

	private final long expiresIn;

	OAuthController(ClientAuthentication clientAuthentication, Introspection introspection, AccessTokens tokens,
			AuditLog audit, TokenProperties properties) {
		this.clientAuthentication = clientAuthentication;
		this.introspection = introspection;
		this.tokens = tokens;
		this.audit = audit;
		this.expiresIn = properties.accessTokenTtl().toSeconds();
	}

	@PostMapping("/oauth/token")
	ResponseEntity<Map<String, Object>> token(HttpServletRequest request) {
		OAuthForm form = OAuthForm.of(request);
		ServiceClient client = this.clientAuthentication.authenticate(request, form);
		String grantType = form.require("grant_type");
		if (!"client_credentials".equals(grantType)) {
			throw new OAuthError(HttpStatus.BAD_REQUEST, "unsupported_grant_type",
					"Only grant_type=client_credentials is served.");
		}
		List<String> scopes = grantedScopes(client, form.get("scope"));
		IssuedToken issued = this.tokens.issueForClient(client.clientId(), client.key(), scopes);
		this.audit.record("client_token", null, ClientInfo.of(request).address(), "success");
		Map<String, Object> body = new LinkedHashMap<>();
		body.put("access_token", issued.value());
		body.put("token_type", "Bearer");
		body.put("expires_in", this.expiresIn);
		body.put("scope", String.join(" ", scopes));
		return noStore(HttpStatus.OK).body(body);
	}

	@PostMapping("/oauth/introspect")
	ResponseEntity<Map<String, Object>> introspect(HttpServletRequest request) {
		OAuthForm form = OAuthForm.of(request);
		requireScope(this.clientAuthentication.authenticate(request, form), ServiceClients.INTROSPECT);
		return noStore(HttpStatus.OK)
			.body(this.introspection.introspect(form.require("token"), form.get("token_type_hint")));
	}

	@PostMapping("/oauth/revoke")
	ResponseEntity<Void> revoke(HttpServletRequest request) {
		OAuthForm form = OAuthForm.of(request);
		requireScope(this.clientAuthentication.authenticate(request, form), ServiceClients.REVOKE);
		this.introspection.revoke(form.require("token"), ClientInfo.of(request));
		return noStore(HttpStatus.OK).build();
	}

	@ExceptionHandler
	ResponseEntity<Map<String, String>> oauthError(OAuthError error) {
		ResponseEntity.BodyBuilder answer = noStore(error.status());
		if (error.status() == HttpStatus.UNAUTHORIZED) {
			answer.header(HttpHeaders.WWW_AUTHENTICATE, "Basic realm=\"oauth\", charset=\"UTF-8\"");
		}
		if (error.retryAfter() != null) {
			answer.header(HttpHeaders.RETRY_AFTER, error.retryAfter());
		}
		return answer.body(Map.of("error", error.code(), "error_description", error.getMessage()));
	}

	/** The scopes asked for, each the client's own; all of the client's when none are asked for. */
	private static List<String> grantedScopes(ServiceClient client, @Nullable String requested) {
		if (requested == null) {
			return client.scopes();
		}
		List<String> asked = Arrays.stream(requested.split(" ")).filter((scope) -> !scope.isEmpty()).distinct().toList();
		if (asked.isEmpty() || !client.scopes().containsAll(asked)) {
			throw new OAuthError(HttpStatus.BAD_REQUEST, "invalid_scope",
					"The requested scope is not one this client holds.");
		}
		return asked;
	}

	private static void requireScope(ServiceClient client, String scope) {
		if (!client.hasScope(scope)) {
			throw OAuthError.insufficientScope(scope);
		}
	}

	private static ResponseEntity.BodyBuilder noStore(HttpStatus status) {
		return ResponseEntity.status(status).cacheControl(CacheControl.noStore()).header(HttpHeaders.PRAGMA, "no-cache");
	}

}
