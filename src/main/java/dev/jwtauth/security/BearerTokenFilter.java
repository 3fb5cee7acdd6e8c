package dev.jwtauth.security;

import java.io.IOException;
import java.util.List;
import java.util.Objects;

import dev.jwtauth.accounts.AccountDetails;
import dev.jwtauth.tokens.InvalidTokenException;
import dev.jwtauth.tokens.InvalidTokenException.Reason;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.authority.SimpleGrantedAuthority;
import org.springframework.security.core.context.SecurityContext;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.security.core.context.SecurityContextHolderStrategy;
import org.springframework.security.web.AuthenticationEntryPoint;
import org.springframework.security.web.util.matcher.RequestMatcher;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * Validates the access token a request carries and puts its account into the security
 * context; requests without a token pass on anonymous, for the authorisation rules to
 * judge. Built by {@link SecurityConfiguration}, never a bean, so the servlet container
 * does not register it a second time.
 */
class BearerTokenFilter extends OncePerRequestFilter {

	private final Authenticator authenticator;

	private final TokenRejections rejections;

	private final AuthenticationEntryPoint entryPoint;

	private final RequestMatcher publicPaths;

	private final int maxTokenLength;

	private final SecurityContextHolderStrategy contexts = SecurityContextHolder.getContextHolderStrategy();

	BearerTokenFilter(Authenticator authenticator, TokenRejections rejections, AuthenticationEntryPoint entryPoint,
			RequestMatcher publicPaths, int maxTokenLength) {
		this.authenticator = authenticator;
		this.rejections = rejections;
		this.entryPoint = entryPoint;
		this.publicPaths = publicPaths;
		this.maxTokenLength = maxTokenLength;
	}

	@Override
	protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
			throws ServletException, IOException {
		// The headers are read before the path is matched: most requests carry no token,
		// and a token sent to a public route is ignored there.
		List<String> presented = TokenHeaderResolver.resolve(request);
		if (presented.isEmpty() || this.publicPaths.matches(request)) {
			chain.doFilter(request, response);
			return;
		}
		try {
			// Two tokens could belong to two users: refuse to guess which one is meant.
			if (presented.size() > 1) {
				throw BearerTokenException.invalidRequest("The request carries more than one access token.");
			}
			String token = presented.get(0);
			if (token.isEmpty()) {
				throw BearerTokenException.invalidToken(Reason.EMPTY);
			}
			// Checked before any parsing, so an oversized token costs nothing.
			if (token.length() > this.maxTokenLength) {
				throw BearerTokenException.invalidToken(Reason.TOO_LONG);
			}
			Authenticator.Authenticated caller = authenticate(token);
			AccountDetails account = caller.account();
			// The verified token rides along as the credentials, for logout and sessions.
			SecurityContext context = this.contexts.createEmptyContext();
			if (account != null) {
				context.setAuthentication(UsernamePasswordAuthenticationToken.authenticated(account, caller.token(),
						account.roles().stream().map((role) -> new SimpleGrantedAuthority("ROLE_" + role.name())).toList()));
			}
			else {
				// A service client: signed in, with no authority, so every user route refuses it with 403.
				context.setAuthentication(UsernamePasswordAuthenticationToken.authenticated(
						Objects.requireNonNull(caller.token().clientId()), caller.token(), List.of()));
			}
			this.contexts.setContext(context);
		}
		catch (BearerTokenException ex) {
			this.contexts.clearContext();
			if (ex.getReason() != null) {
				this.rejections.count(ex.getReason());
			}
			this.entryPoint.commence(request, response, ex);
			return;
		}
		chain.doFilter(request, response);
	}

	private Authenticator.Authenticated authenticate(String token) {
		try {
			return this.authenticator.authenticate(token);
		}
		catch (InvalidTokenException ex) {
			throw BearerTokenException.invalidToken(ex);
		}
	}

}
