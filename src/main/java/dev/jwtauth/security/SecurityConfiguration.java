package dev.jwtauth.security;

import dev.jwtauth.errors.ProblemWriter;
import dev.jwtauth.tokens.TokenProperties;
import dev.jwtauth.tokens.TokenService;

import org.springframework.boot.autoconfigure.condition.ConditionalOnWebApplication;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.http.HttpMethod;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.config.annotation.web.configurers.AbstractHttpConfigurer;
import org.springframework.security.config.http.SessionCreationPolicy;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.security.provisioning.InMemoryUserDetailsManager;
import org.springframework.security.web.SecurityFilterChain;
import org.springframework.security.web.authentication.AnonymousAuthenticationFilter;
import org.springframework.security.web.servlet.util.matcher.PathPatternRequestMatcher;
import org.springframework.security.web.util.matcher.OrRequestMatcher;
import org.springframework.security.web.util.matcher.RequestMatcher;

/**
 * The single security filter chain: stateless, no CSRF (no cookies are ever read), no
 * form login, no HTTP basic, and every refusal answered as a problem document.
 */
@Configuration(proxyBeanMethods = false)
@ConditionalOnWebApplication(type = ConditionalOnWebApplication.Type.SERVLET)
class SecurityConfiguration {

	@Bean
	SecurityFilterChain securityFilterChain(HttpSecurity http, TokenService tokens, TokenProperties tokenProperties,
			ProblemWriter problemWriter) throws Exception {
		ProblemAuthenticationEntryPoint entryPoint = new ProblemAuthenticationEntryPoint(problemWriter);
		BearerTokenFilter bearerTokenFilter = new BearerTokenFilter(tokens, entryPoint, publicPaths(),
				tokenProperties.maxTokenLength());
		// @formatter:off
		http
			.authorizeHttpRequests((authorize) -> authorize
				.requestMatchers(PublicPaths.PATTERNS).permitAll()
				.requestMatchers(HttpMethod.GET, "/users").hasRole("ADMIN")
				.requestMatchers("/users/*/revoke", "/users/*/disable", "/users/*/enable").hasRole("ADMIN")
				.anyRequest().authenticated())
			.csrf(AbstractHttpConfigurer::disable)
			.sessionManagement((sessions) -> sessions.sessionCreationPolicy(SessionCreationPolicy.STATELESS))
			.formLogin(AbstractHttpConfigurer::disable)
			.httpBasic(AbstractHttpConfigurer::disable)
			.logout(AbstractHttpConfigurer::disable)
			.requestCache(AbstractHttpConfigurer::disable)
			.exceptionHandling((exceptions) -> exceptions
				.authenticationEntryPoint(entryPoint)
				.accessDeniedHandler(new ProblemAccessDeniedHandler(problemWriter)))
			.addFilterBefore(bearerTokenFilter, AnonymousAuthenticationFilter.class);
		// @formatter:on
		return http.build();
	}

	/** No user-name/password authentication happens through Spring Security itself. */
	@Bean
	UserDetailsService noUserDetails() {
		return new InMemoryUserDetailsManager();
	}

	private static RequestMatcher publicPaths() {
		PathPatternRequestMatcher.Builder paths = PathPatternRequestMatcher.withDefaults();
		RequestMatcher[] matchers = new RequestMatcher[PublicPaths.PATTERNS.length];
		for (int i = 0; i < matchers.length; i++) {
			matchers[i] = paths.matcher(PublicPaths.PATTERNS[i]);
		}
		return new OrRequestMatcher(matchers);
	}

}
