package org.cabildo.identity.security;

import java.io.IOException;

import org.cabildo.identity.IdentitySettings;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.http.HttpStatus;
import org.springframework.security.authentication.AuthenticationProvider;
import org.springframework.security.config.ObjectPostProcessor;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.context.SecurityContext;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.security.oauth2.client.OAuth2AuthorizedClient;
import org.springframework.security.oauth2.client.endpoint.RestClientAuthorizationCodeTokenResponseClient;
import org.springframework.security.oauth2.client.oidc.authentication.OidcAuthorizationCodeAuthenticationProvider;
import org.springframework.security.oauth2.client.oidc.userinfo.OidcUserService;
import org.springframework.security.oauth2.client.registration.ClientRegistrationRepository;
import org.springframework.security.oauth2.client.registration.ClientRegistrations;
import org.springframework.security.oauth2.client.registration.InMemoryClientRegistrationRepository;
import org.springframework.security.oauth2.client.registration.SupplierClientRegistrationRepository;
import org.springframework.security.oauth2.client.web.DefaultOAuth2AuthorizationRequestResolver;
import org.springframework.security.oauth2.client.web.OAuth2AuthorizationRequestRedirectFilter;
import org.springframework.security.oauth2.client.web.OAuth2AuthorizationRequestResolver;
import org.springframework.security.oauth2.client.web.OAuth2AuthorizedClientRepository;
import org.springframework.security.oauth2.core.endpoint.OAuth2AuthorizationRequest;
import org.springframework.security.oauth2.core.oidc.user.OidcUser;
import org.springframework.security.web.authentication.AuthenticationFailureHandler;
import org.springframework.security.web.authentication.AuthenticationSuccessHandler;
import org.springframework.security.web.authentication.SavedRequestAwareAuthenticationSuccessHandler;
import org.springframework.security.web.context.SecurityContextRepository;
import org.springframework.security.web.savedrequest.RequestCache;
import org.springframework.security.web.servlet.util.matcher.PathPatternRequestMatcher;
import org.springframework.security.web.util.matcher.RequestMatcher;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

/**
 * Sign-in to the portal's pages through the OIDC provider, with the authorisation-code flow,
 * when an issuer and a client are configured: {@code /sign-in/oidc} sends the browser to the
 * provider (with a state and a nonce kept in the session), which sends it back to
 * {@code /sign-in/oidc/callback} with a code. The code is exchanged for an ID token, whose
 * signature, issuer, audience (the client), nonce and times are checked; its claims (with the
 * provider's user info) make the {@link org.cabildo.identity.Caller} exactly as {@link JwtCallers}
 * makes it from a JWT sent to the API. The session then holds that caller, as after a password
 * sign-in; the provider's tokens are not kept. The provider's settings are discovered from the
 * issuer at the first sign-in, so that the platform starts while the provider is away.
 */
final class OidcSignIn implements AuthenticationSuccessHandler {

	private static final Logger log = LoggerFactory.getLogger(OidcSignIn.class);

	static final String START = PortalPages.SIGN_IN + "/oidc";

	static final String CALLBACK = START + "/callback";

	private static final String REGISTRATION = "oidc";

	private final JwtCallers callers;

	private final SecurityContextRepository contexts;

	private final SavedRequestAwareAuthenticationSuccessHandler next = new SavedRequestAwareAuthenticationSuccessHandler();

	private OidcSignIn(JwtCallers callers, SecurityContextRepository contexts, RequestCache requests) {
		this.callers = callers;
		this.contexts = contexts;
		this.next.setRequestCache(requests);
	}

	/**
	 * Adds the provider's sign-in to the pages' chain; the returned provider exchanges the codes
	 * and belongs in the chain's authentication manager.
	 */
	static AuthenticationProvider configure(HttpSecurity http, IdentitySettings.Oidc oidc, String baseUrl,
			JwtCallers callers, SecurityContextRepository contexts, RequestCache requests,
			AuthenticationFailureHandler refused) {
		ClientRegistrationRepository registrations = registrations(oidc, baseUrl);
		OidcSignIn signedIn = new OidcSignIn(callers, contexts, requests);
		http.oauth2Login(login -> login.loginPage(PortalPages.SIGN_IN)
			.clientRegistrationRepository(registrations)
			.authorizedClientRepository(new NoAuthorizedClients())
			.securityContextRepository(contexts)
			.authorizationEndpoint(start -> start.authorizationRequestResolver(start(registrations)))
			.redirectionEndpoint(callback -> callback.baseUri(CALLBACK))
			.successHandler(signedIn)
			.failureHandler(refused)
			.withObjectPostProcessor(new ObjectPostProcessor<OAuth2AuthorizationRequestRedirectFilter>() {
				@Override
				public <O extends OAuth2AuthorizationRequestRedirectFilter> O postProcess(O filter) {
					filter.setAuthenticationFailureHandler(OidcSignIn::providerUnreachable);
					return filter;
				}
			}));
		return new OidcAuthorizationCodeAuthenticationProvider(new RestClientAuthorizationCodeTokenResponseClient(),
				new OidcUserService());
	}

	/** The portal's client at the provider, its endpoints discovered from the issuer when first needed. */
	private static ClientRegistrationRepository registrations(IdentitySettings.Oidc oidc, String baseUrl) {
		String base = baseUrl.isBlank() ? "{baseUrl}" : baseUrl.replaceAll("/+$", "");
		// A failed discovery is not kept: the next sign-in asks the provider again.
		return new SupplierClientRegistrationRepository(() -> new InMemoryClientRegistrationRepository(
				ClientRegistrations.fromOidcIssuerLocation(oidc.issuerUri())
					.registrationId(REGISTRATION)
					.clientId(oidc.clientId())
					.clientSecret(oidc.clientSecret())
					.scope(oidc.scopes())
					.redirectUri(base + CALLBACK)
					.clientName(oidc.displayName())
					.build()));
	}

	/** Only {@code /sign-in/oidc} starts the flow (any other path under it is no sign-in). */
	private static OAuth2AuthorizationRequestResolver start(ClientRegistrationRepository registrations) {
		DefaultOAuth2AuthorizationRequestResolver requests = new DefaultOAuth2AuthorizationRequestResolver(
				registrations, START);
		RequestMatcher path = PathPatternRequestMatcher.withDefaults().matcher(org.springframework.http.HttpMethod.GET, START);
		return new OAuth2AuthorizationRequestResolver() {

			@Override
			public OAuth2AuthorizationRequest resolve(HttpServletRequest request) {
				return path.matches(request) ? requests.resolve(request, REGISTRATION) : null;
			}

			@Override
			public OAuth2AuthorizationRequest resolve(HttpServletRequest request, String registration) {
				return requests.resolve(request, registration);
			}

		};
	}

	/** The provider could not be asked where to send the browser (its discovery failed): 503. */
	private static void providerUnreachable(HttpServletRequest request, HttpServletResponse response,
			org.springframework.security.core.AuthenticationException e) throws IOException {
		log.warn("The OIDC provider could not be reached to sign someone in: {}", e.getMessage());
		response.sendError(HttpStatus.SERVICE_UNAVAILABLE.value());
	}

	/** Signed in by the provider: the session holds the caller its claims describe, nothing of the provider's. */
	@Override
	public void onAuthenticationSuccess(HttpServletRequest request, HttpServletResponse response,
			Authentication authentication) throws IOException, jakarta.servlet.ServletException {
		CallerAuthentication caller = new CallerAuthentication(
				callers.caller((OidcUser) authentication.getPrincipal()));
		caller.setDetails(authentication.getDetails());
		SecurityContext context = SecurityContextHolder.createEmptyContext();
		context.setAuthentication(caller);
		SecurityContextHolder.setContext(context);
		contexts.saveContext(context, request, response);
		next.onAuthenticationSuccess(request, response, caller);
	}

	/** The portal calls nothing with the provider's tokens: it keeps none. */
	private static final class NoAuthorizedClients implements OAuth2AuthorizedClientRepository {

		@Override
		public <T extends OAuth2AuthorizedClient> T loadAuthorizedClient(String registration,
				Authentication principal, HttpServletRequest request) {
			return null;
		}

		@Override
		public void saveAuthorizedClient(OAuth2AuthorizedClient client, Authentication principal,
				HttpServletRequest request, HttpServletResponse response) {
		}

		@Override
		public void removeAuthorizedClient(String registration, Authentication principal, HttpServletRequest request,
				HttpServletResponse response) {
		}

	}

}
