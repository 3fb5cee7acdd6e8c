package dev.jwtauth.security;

import dev.jwtauth.errors.ProblemWriter;
import dev.jwtauth.operations.MetricsAccess;
import dev.jwtauth.tokens.TokenProperties;

import org.springframework.boot.autoconfigure.condition.ConditionalOnWebApplication;
import java.time.Duration;
import java.util.List;

import org.springframework.context.ApplicationContext;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.config.annotation.web.configurers.AbstractHttpConfigurer;
import org.springframework.security.config.http.SessionCreationPolicy;
import org.springframework.security.config.observation.SecurityObservationSettings;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.security.provisioning.InMemoryUserDetailsManager;
import org.springframework.security.web.SecurityFilterChain;
import org.springframework.security.web.authentication.AnonymousAuthenticationFilter;
import org.springframework.security.web.firewall.StrictHttpFirewall;
import org.springframework.security.web.header.writers.ReferrerPolicyHeaderWriter.ReferrerPolicy;
import org.springframework.web.cors.CorsConfiguration;
import org.springframework.web.cors.CorsConfigurationSource;
import org.springframework.web.cors.UrlBasedCorsConfigurationSource;

/**
 * The single security filter chain: stateless, no CSRF (no cookies are ever read), no
 * form login, no HTTP basic, and every refusal answered as a problem document.
 */
@Configuration(proxyBeanMethods = false)
@ConditionalOnWebApplication(type = ConditionalOnWebApplication.Type.SERVLET)
class SecurityConfiguration {

	@Bean
	SecurityFilterChain securityFilterChain(HttpSecurity http, Authenticator authenticator,
			TokenRejections rejections, TokenProperties tokenProperties, ProblemWriter problemWriter,
			WebProperties webProperties, MetricsAccess metricsAccess, ClientBuckets clientBuckets) throws Exception {
		ProblemAuthenticationEntryPoint entryPoint = new ProblemAuthenticationEntryPoint(problemWriter);
		BearerTokenFilter bearerTokenFilter = new BearerTokenFilter(authenticator, rejections, entryPoint,
				Routes.PUBLIC_MATCHER, tokenProperties.maxTokenLength());
		// @formatter:off
		http
			.authorizeHttpRequests((authorize) -> authorize
				.requestMatchers(Routes.PUBLIC_MATCHER).permitAll()
				.requestMatchers(Routes.ADMIN_MATCHER).hasRole("ADMIN")
				.requestMatchers("/actuator/prometheus").access(metricsAccess)
				.anyRequest().access(new SignedInOrUnknownRoute(http.getSharedObject(ApplicationContext.class))))
			.cors((cors) -> cors.configurationSource(corsSource(webProperties)))
			.headers((headers) -> headers
				.contentSecurityPolicy((csp) -> csp.policyDirectives(CONTENT_SECURITY_POLICY))
				.addHeaderWriter(new SwaggerUiContentSecurityPolicy())
				.referrerPolicy((referrer) -> referrer.policy(ReferrerPolicy.NO_REFERRER)))
			.csrf(AbstractHttpConfigurer::disable)
			.sessionManagement((sessions) -> sessions.sessionCreationPolicy(SessionCreationPolicy.STATELESS))
			.formLogin(AbstractHttpConfigurer::disable)
			.httpBasic(AbstractHttpConfigurer::disable)
			.logout(AbstractHttpConfigurer::disable)
			.requestCache(AbstractHttpConfigurer::disable)
			.exceptionHandling((exceptions) -> exceptions
				.authenticationEntryPoint(entryPoint)
				.accessDeniedHandler(new ProblemAccessDeniedHandler(problemWriter)))
			.addFilterBefore(new RateLimitFilter(problemWriter, clientBuckets, webProperties), AnonymousAuthenticationFilter.class)
			.addFilterBefore(bearerTokenFilter, AnonymousAuthenticationFilter.class);
		// @formatter:on
		return http.build();
	}

	/**
	 * No Spring Security observations, so that no filter is wrapped on every request; the
	 * HTTP server metrics time each request once (docs/performance.md).
	 */
	@Bean
	static SecurityObservationSettings noSecurityObservations() {
		return SecurityObservationSettings.noObservations();
	}

	/** Own scripts and styles only: no inline code, no third-party origin, no framing. */
	static final String CONTENT_SECURITY_POLICY = "default-src 'self'; script-src 'self'; style-src 'self'; "
			+ "img-src 'self' data:; connect-src 'self'; object-src 'none'; base-uri 'none'; "
			+ "frame-ancestors 'none'; form-action 'self'";

	/**
	 * Browser pages on the configured origins may send the token headers and read the
	 * answers (preflight included), with credentials, so that such a page can refresh
	 * through the refresh cookie; each gets its own origin back, never {@code *}. With no
	 * origin configured, no cross-origin call is allowed.
	 */
	private static CorsConfigurationSource corsSource(WebProperties properties) {
		UrlBasedCorsConfigurationSource source = new UrlBasedCorsConfigurationSource();
		if (!properties.corsAllowedOrigins().isEmpty()) {
			CorsConfiguration cors = new CorsConfiguration();
			cors.setAllowedOrigins(properties.corsAllowedOrigins());
			cors.setAllowedMethods(List.of("GET", "POST", "DELETE", "OPTIONS"));
			// X-Refresh-Token-Delivery: the sessions module's switch to the refresh cookie
			cors.setAllowedHeaders(
					List.of("Authorization", "x-access-token", "Content-Type", "X-Refresh-Token-Delivery"));
			cors.setExposedHeaders(List.of("WWW-Authenticate", "Location", "Retry-After"));
			cors.setAllowCredentials(true);
			cors.setMaxAge(Duration.ofHours(1));
			source.registerCorsConfiguration("/**", cors);
		}
		return source;
	}

	/**
	 * Spring Security's strict firewall, with its header-value check a plain loop for
	 * printable ASCII, since the default's per-character Unicode lookup weighs on every
	 * token check (docs/performance.md); other characters are judged as the default does.
	 */
	@Bean
	StrictHttpFirewall httpFirewall() {
		StrictHttpFirewall firewall = new StrictHttpFirewall();
		firewall.setAllowedHeaderValues(SecurityConfiguration::isAllowedHeaderValue);
		return firewall;
	}

	/** Assigned and not a control character but tab, code point by code point, as the default. */
	static boolean isAllowedHeaderValue(String value) {
		int i = 0;
		while (i < value.length()) {
			char c = value.charAt(i);
			if ((c >= ' ' && c < 0x7f) || c == '\t') {
				i++;
				continue;
			}
			int codePoint = value.codePointAt(i);
			if (Character.getType(codePoint) == Character.UNASSIGNED || Character.isISOControl(codePoint)) {
				return false;
			}
			i += Character.charCount(codePoint);
		}
		return true;
	}

	/** No user-name/password authentication happens through Spring Security itself. */
	@Bean
	UserDetailsService noUserDetails() {
		return new InMemoryUserDetailsManager();
	}

}
