package org.cabildo.identity.security;

import java.util.ArrayList;
import java.util.List;

import org.cabildo.identity.AuditLog;
import org.cabildo.identity.IdentitySettings;
import org.cabildo.identity.Organisations;
import org.cabildo.identity.People;
import org.cabildo.platform.PlatformSettings;
import org.cabildo.platform.RefusalWriter;
import org.springframework.boot.autoconfigure.condition.ConditionalOnWebApplication;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.security.authentication.AuthenticationManager;
import org.springframework.security.authentication.AuthenticationManagerResolver;
import org.springframework.security.authentication.AuthenticationProvider;
import org.springframework.security.authentication.ProviderManager;
import org.springframework.security.config.Customizer;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.config.ObjectPostProcessor;
import org.springframework.security.config.http.SessionCreationPolicy;
import org.springframework.security.config.observation.SecurityObservationSettings;
import org.springframework.security.web.header.HeaderWriterFilter;
import org.springframework.security.oauth2.server.resource.authentication.BearerTokenAuthenticationToken;
import org.springframework.security.oauth2.server.resource.authentication.JwtAuthenticationProvider;
import org.springframework.core.annotation.Order;
import org.springframework.security.web.SecurityFilterChain;
import org.springframework.security.web.authentication.LoginUrlAuthenticationEntryPoint;
import org.springframework.security.web.context.DelegatingSecurityContextRepository;
import org.springframework.security.web.context.HttpSessionSecurityContextRepository;
import org.springframework.security.web.context.RequestAttributeSecurityContextRepository;
import org.springframework.security.web.context.SecurityContextHolderFilter;
import org.springframework.security.web.context.SecurityContextRepository;
import org.springframework.security.web.csrf.CookieCsrfTokenRepository;
import org.springframework.security.web.savedrequest.RequestCache;
import org.springframework.security.web.savedrequest.CookieRequestCache;
import org.springframework.security.web.authentication.AnonymousAuthenticationFilter;
import org.springframework.security.web.header.writers.ReferrerPolicyHeaderWriter;
import org.springframework.web.cors.CorsConfiguration;
import org.springframework.web.cors.CorsConfigurationSource;
import org.springframework.web.cors.UrlBasedCorsConfigurationSource;
import org.springframework.web.servlet.mvc.method.RequestMappingInfoHandlerMapping;

import jakarta.servlet.http.HttpServletRequest;

/**
 * The HTTP security of the platform: stateless (no session), credentials on every request
 * (HTTP Basic, personal API tokens and device tokens as bearer tokens, OIDC JWTs when an
 * issuer is set), every route under an {@link AccessRules access rule}, standard security
 * headers, CORS for the read API as configured. CSRF protection is off for the APIs, which
 * take no cookies. The portal's pages have a chain of their own: form sign-in, a session,
 * CSRF protection; a session cookie is never read by the API.
 */
@Configuration(proxyBeanMethods = false)
@ConditionalOnWebApplication
class SecurityConfiguration {

	/**
	 * The portal's pages: a session once someone signs in with the form (never before, nor for
	 * HTTP Basic credentials sent to a page), the person read again on each of its requests
	 * ({@link SignedInPeople}: a role revoked counts at once), CSRF
	 * tokens in a cookie so that an anonymous reader costs the server no session, sign-in
	 * rate-limited by the same {@link PasswordSignIn} as the API, sign-in through the OIDC
	 * provider when a client is configured ({@link OidcSignIn}), objections filed with a card's
	 * form limited per address with the API's objections (one allowance), and every form sent
	 * without an account within the allowance of anonymous writes per address, as the API's
	 * writes (beyond it, the error page). The same access rules decide.
	 */
	@Bean
	@Order(1)
	SecurityFilterChain pages(HttpSecurity http, IdentitySettings settings, PlatformSettings platform,
			PasswordSignIn passwords, Organisations organisations, People people, AuditLog audit, RateLimits limits,
			List<RequestMappingInfoHandlerMapping> endpoints) throws Exception {
		List<AccessRule> rules = AccessRules.all(new Routes(endpoints));
		CookieCsrfTokenRepository csrfTokens = new CookieCsrfTokenRepository();
		csrfTokens.setCookieCustomizer(cookie -> cookie.sameSite("Lax").httpOnly(true));
		SecurityContextRepository contexts = new DelegatingSecurityContextRepository(
				new RequestAttributeSecurityContextRepository(), new HttpSessionSecurityContextRepository());
		RequestCache requests = new CookieRequestCache();
		IdentitySettings.Oidc oidc = settings.oidc();
		PortalSignInFailure refused = new PortalSignInFailure(audit, oidc.signInEnabled() ? oidc.displayName() : null);
		// The chain's manager is given whole: it asks these providers and no others (no global fallback).
		List<AuthenticationProvider> signIns = new ArrayList<>(List.of(passwords));
		if (oidc.signInEnabled()) {
			signIns.add(OidcSignIn.configure(http, oidc, platform.baseUrl(), new JwtCallers(oidc, organisations),
					contexts, requests, refused));
		}
		http.securityMatcher(PortalPages.MATCHER)
			.sessionManagement(session -> session.sessionCreationPolicy(SessionCreationPolicy.IF_REQUIRED))
			.securityContext(context -> context.securityContextRepository(contexts))
			.csrf(csrf -> csrf.csrfTokenRepository(csrfTokens))
			.requestCache(cache -> cache.requestCache(requests))
			// scripts and tests may send the API's credentials to a page too; that never makes a session:
			// the caller they stand for is kept for the request only
			.httpBasic(basic -> basic.realmName("cabildo")
				.securityContextRepository(new RequestAttributeSecurityContextRepository())
				.authenticationEntryPoint(new LoginUrlAuthenticationEntryPoint(PortalPages.SIGN_IN)))
			.formLogin(form -> form.loginPage(PortalPages.SIGN_IN)
				.loginProcessingUrl(PortalPages.SIGN_IN)
				.failureHandler(refused))
			.logout(logout -> logout.logoutUrl(PortalPages.SIGN_OUT).logoutSuccessUrl("/"))
			.authenticationManager(new ProviderManager(signIns))
			.exceptionHandling(exceptions -> exceptions
				.authenticationEntryPoint(new LoginUrlAuthenticationEntryPoint(PortalPages.SIGN_IN)))
			.headers(headers -> headers
				.referrerPolicy(referrer -> referrer.policy(ReferrerPolicyHeaderWriter.ReferrerPolicy.SAME_ORIGIN)))
			.addFilterAfter(new SignedInPeople(people, contexts), SecurityContextHolderFilter.class)
			.addFilterAfter(AnonymousWrites.pages(limits), AnonymousAuthenticationFilter.class)
			.addFilterAfter(ObjectionFilings.pages(AccessRules.portalObjectionFiling(), limits), AnonymousWrites.class)
			.authorizeHttpRequests(authorize -> rules
				.forEach(rule -> authorize.requestMatchers(rule.matcher()).access(rule.access())));
		return http.build();
	}

	@Bean
	@Order(2)
	SecurityFilterChain api(HttpSecurity http, IdentitySettings settings, PasswordSignIn passwords,
			BearerTokens tokens, Organisations organisations, RateLimits limits, RefusalWriter refusals,
			List<RequestMappingInfoHandlerMapping> endpoints) throws Exception {
		List<AccessRule> rules = AccessRules.all(new Routes(endpoints));
		ProblemResponses problems = new ProblemResponses(rules, refusals);
		AuthenticationManager bearer = bearer(settings.oidc(), tokens, organisations);
		AuthenticationManagerResolver<HttpServletRequest> resolver = request -> bearer;
		http.sessionManagement(session -> session.sessionCreationPolicy(SessionCreationPolicy.STATELESS))
			.csrf(csrf -> csrf.ignoringRequestMatchers("/v1.0/**", "/v1.1/**", "/v1.0", "/v1.1", "/api/**", "/open311/**"))
			.cors(Customizer.withDefaults())
			.requestCache(cache -> cache.disable())
			.formLogin(form -> form.disable())
			.logout(logout -> logout.disable())
			.authenticationManager(new ProviderManager(passwords))
			.httpBasic(basic -> basic.realmName("cabildo").authenticationEntryPoint(problems))
			.oauth2ResourceServer(resource -> resource.authenticationManagerResolver(resolver)
				.authenticationEntryPoint(problems)
				.accessDeniedHandler(problems))
			.exceptionHandling(exceptions -> exceptions.authenticationEntryPoint(problems).accessDeniedHandler(problems))
			.headers(headers -> headers
				.referrerPolicy(referrer -> referrer.policy(ReferrerPolicyHeaderWriter.ReferrerPolicy.NO_REFERRER))
				// Written before the response instead of by a wrapper around every write: a
				// page of 1,000 observations otherwise paid about a millisecond for the wrapper.
				.withObjectPostProcessor(new ObjectPostProcessor<HeaderWriterFilter>() {
					@Override
					public <O extends HeaderWriterFilter> O postProcess(O filter) {
						filter.setShouldWriteHeadersEagerly(true);
						return filter;
					}
				}))
			.addFilterAfter(AnonymousWrites.api(limits, refusals), AnonymousAuthenticationFilter.class)
			.addFilterAfter(ObjectionFilings.api(AccessRules.objectionFiling(), limits, refusals), AnonymousWrites.class)
			.authorizeHttpRequests(authorize -> rules
				.forEach(rule -> authorize.requestMatchers(rule.matcher()).access(rule.access())));
		return http.build();
	}

	/**
	 * Bearer tokens: a JWT (three dot-separated parts) goes to the OIDC provider's keys when
	 * one is configured; anything else is a personal API token or a device secret.
	 */
	private static AuthenticationManager bearer(IdentitySettings.Oidc oidc, BearerTokens tokens,
			Organisations organisations) {
		if (!oidc.enabled()) {
			return tokens;
		}
		JwtAuthenticationProvider jwt = new JwtAuthenticationProvider(JwtCallers.decoder(oidc));
		jwt.setJwtAuthenticationConverter(new JwtCallers(oidc, organisations));
		return authentication -> {
			String token = ((BearerTokenAuthenticationToken) authentication).getToken();
			boolean isJwt = token.chars().filter(c -> c == '.').count() == 2;
			return isJwt ? jwt.authenticate(authentication) : tokens.authenticate(authentication);
		};
	}

	/**
	 * No Micrometer observation around each security filter: wrapping the dozen filters of
	 * every request cost more than the rest of a single-observation POST. Requests are still
	 * timed as a whole (http.server.requests), and refused sign-ins are in the audit log.
	 */
	@Bean
	static SecurityObservationSettings securityObservationSettings() {
		return SecurityObservationSettings.noObservations();
	}

	/** Browsers on the configured origins may read the SensorThings API (never write through CORS). */
	@Bean
	CorsConfigurationSource corsConfigurationSource(IdentitySettings settings) {
		UrlBasedCorsConfigurationSource source = new UrlBasedCorsConfigurationSource();
		if (settings.cors().allowedOrigins().isEmpty()) {
			return source;
		}
		CorsConfiguration reads = new CorsConfiguration();
		reads.setAllowedOrigins(settings.cors().allowedOrigins());
		reads.setAllowedMethods(List.of("GET", "HEAD", "OPTIONS"));
		reads.setAllowedHeaders(List.of("Accept", "Accept-Language", "Content-Type"));
		reads.setMaxAge(3600L);
		for (String pattern : List.of("/v1.0", "/v1.0/**", "/v1.1", "/v1.1/**")) {
			source.registerCorsConfiguration(pattern, reads);
		}
		return source;
	}

}
