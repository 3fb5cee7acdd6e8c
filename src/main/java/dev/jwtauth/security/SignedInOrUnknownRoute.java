package dev.jwtauth.security;

import java.util.ArrayList;
import java.util.Collections;
import java.util.Enumeration;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Supplier;

import dev.jwtauth.tokens.VerifiedToken;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletRequestWrapper;
import org.jspecify.annotations.Nullable;

import org.springframework.beans.factory.BeanFactoryUtils;
import org.springframework.context.ApplicationContext;
import org.springframework.core.annotation.AnnotationAwareOrderComparator;
import org.springframework.security.authorization.AuthenticatedAuthorizationManager;
import org.springframework.security.authorization.AuthorizationDecision;
import org.springframework.security.authorization.AuthorizationManager;
import org.springframework.security.authorization.AuthorizationResult;
import org.springframework.security.core.Authentication;
import org.springframework.security.web.access.intercept.RequestAuthorizationContext;
import org.springframework.web.servlet.HandlerExecutionChain;
import org.springframework.web.servlet.HandlerMapping;
import org.springframework.web.servlet.resource.ResourceHttpRequestHandler;
import org.springframework.web.util.ServletRequestPathUtils;

/**
 * Grants a signed-in user (not a service client), and an anonymous caller only where no handler would serve the
 * request or only a static file would (all of them public): a path that is no route answers
 * 404 with or without a token, while every real route still asks for one. The route is looked up only for anonymous requests, so a
 * token check pays nothing for it.
 */
final class SignedInOrUnknownRoute implements AuthorizationManager<RequestAuthorizationContext> {

	private static final AuthorizationDecision GRANTED = new AuthorizationDecision(true);

	private static final AuthorizationDecision DENIED = new AuthorizationDecision(false);

	private final AuthenticatedAuthorizationManager<RequestAuthorizationContext> signedIn = AuthenticatedAuthorizationManager
		.authenticated();

	private final ApplicationContext context;

	private volatile @Nullable List<HandlerMapping> handlerMappings;

	SignedInOrUnknownRoute(ApplicationContext context) {
		this.context = context;
	}

	@Override
	public AuthorizationResult authorize(Supplier<? extends @Nullable Authentication> authentication,
			RequestAuthorizationContext object) {
		AuthorizationResult result = this.signedIn.authorize(authentication, object);
		if (result.isGranted() && isServiceClient(authentication.get())) {
			result = DENIED;
		}
		if (result.isGranted() || routeExists(object.getRequest())) {
			return result;
		}
		return GRANTED;
	}

	/** A service client's token reaches no user route. */
	private static boolean isServiceClient(@Nullable Authentication authentication) {
		return authentication != null && authentication.getCredentials() instanceof VerifiedToken token
				&& token.isClientToken();
	}

	private boolean routeExists(HttpServletRequest request) {
		// The lookup leaves matching details in request attributes: keep them off the real request.
		HttpServletRequest probe = new PrivateAttributesRequest(request);
		ServletRequestPathUtils.parseAndCache(probe);
		for (HandlerMapping mapping : handlerMappings()) {
			try {
				HandlerExecutionChain chain = mapping.getHandler(probe);
				if (chain != null) {
					// Static files are public: each one is either served to anyone or absent.
					return !(chain.getHandler() instanceof ResourceHttpRequestHandler);
				}
			}
			catch (Exception ex) {
				// A route with another method or media type exists: its own answer applies.
				return true;
			}
		}
		return false;
	}

	private List<HandlerMapping> handlerMappings() {
		List<HandlerMapping> mappings = this.handlerMappings;
		if (mappings == null) {
			mappings = new ArrayList<>(BeanFactoryUtils
				.beansOfTypeIncludingAncestors(this.context, HandlerMapping.class, true, false)
				.values());
			AnnotationAwareOrderComparator.sort(mappings);
			mappings = List.copyOf(mappings);
			this.handlerMappings = mappings;
		}
		return mappings;
	}

	/** Reads the real request's attributes; writes go to a map of its own. */
	private static final class PrivateAttributesRequest extends HttpServletRequestWrapper {

		private final Map<String, Object> written = new HashMap<>();

		private final Set<String> removed = new HashSet<>();

		PrivateAttributesRequest(HttpServletRequest request) {
			super(request);
		}

		@Override
		public @Nullable Object getAttribute(String name) {
			if (this.written.containsKey(name)) {
				return this.written.get(name);
			}
			return this.removed.contains(name) ? null : super.getAttribute(name);
		}

		@Override
		public Enumeration<String> getAttributeNames() {
			Set<String> names = new HashSet<>(Collections.list(super.getAttributeNames()));
			names.removeAll(this.removed);
			names.addAll(this.written.keySet());
			return Collections.enumeration(names);
		}

		@Override
		public void setAttribute(String name, @Nullable Object value) {
			if (value == null) {
				removeAttribute(name);
				return;
			}
			this.written.put(name, value);
			this.removed.remove(name);
		}

		@Override
		public void removeAttribute(String name) {
			this.written.remove(name);
			this.removed.add(name);
		}

	}

}
