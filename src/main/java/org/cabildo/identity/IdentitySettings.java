package org.cabildo.identity;

import java.time.Duration;
import java.util.List;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Settings of identity and access ({@code cabildo.identity.*}).
 *
 * @param tokenCache how long a verified API token or device secret is kept in memory before it
 * is looked up again (revoking on this node evicts it at once; other nodes see it within this time)
 * @param oidc an OIDC provider whose JWTs are accepted as bearer tokens; off while its issuer is empty
 * @param cors origins allowed to read the API from a browser (CORS)
 * @param limits rate limits on sign-in and anonymous writes
 * @param bootstrap an account created at start when it does not exist (for tests and unattended
 * installations); off while its username is empty
 */
@ConfigurationProperties("cabildo.identity")
public record IdentitySettings(@DefaultValue("30s") Duration tokenCache, @DefaultValue Oidc oidc,
		@DefaultValue Cors cors, @DefaultValue Limits limits, @DefaultValue Bootstrap bootstrap) {

	/**
	 * @param issuerUri the provider's issuer (its {@code iss} claim); JWTs are accepted only when set
	 * @param jwkSetUri where its signing keys are; empty to discover them from the issuer
	 * @param audience the {@code aud} a token must carry; empty to accept any
	 * @param organisationClaim the claim naming the caller's organisation (by name)
	 * @param rolesClaim the claim listing the caller's roles in that organisation
	 * @param usernameClaim the claim naming the caller
	 * @param clientId the portal's client at the provider: with it (and the issuer), the portal's
	 * sign-in page offers the provider's sign-in (the authorisation-code flow); empty: not offered
	 * @param clientSecret that client's secret
	 * @param providerName the provider's name on the sign-in page ("Sign in with ..."); empty: the
	 * issuer's host
	 * @param scopes the scopes the portal asks for ({@code openid} first)
	 */
	public record Oidc(@DefaultValue("") String issuerUri, @DefaultValue("") String jwkSetUri,
			@DefaultValue("") String audience, @DefaultValue("organisation") String organisationClaim,
			@DefaultValue("roles") String rolesClaim, @DefaultValue("preferred_username") String usernameClaim,
			@DefaultValue("") String clientId, @DefaultValue("") String clientSecret,
			@DefaultValue("") String providerName, @DefaultValue({ "openid", "profile" }) List<String> scopes) {

		public boolean enabled() {
			return !issuerUri.isBlank();
		}

		/** Whether the portal's pages offer sign-in with the provider: an issuer and a client are set. */
		public boolean signInEnabled() {
			return enabled() && !clientId.isBlank();
		}

		/** The provider's name for people: as set, else the issuer's host. */
		public String displayName() {
			if (!providerName.isBlank()) {
				return providerName;
			}
			String host = java.net.URI.create(issuerUri.strip()).getHost();
			return host == null ? issuerUri : host;
		}

	}

	/** @param allowedOrigins origins that may read the API from a browser; empty: none */
	public record Cors(@DefaultValue List<String> allowedOrigins) {
	}

	/**
	 * @param signInFailuresPerUsername failed sign-ins a username may have per minute
	 * @param signInFailuresPerAddress failed sign-ins (passwords or tokens) an address may have per minute
	 * @param anonymousWritesPerAddress writes without credentials an address may send per minute
	 * @param objectionsPerAddress objections an address may file on the register per hour
	 * @param costlyReadsPerAddress reads without credentials an address may send per minute whose
	 * {@code $filter} goes through to-many relations, over all Observations, or on results in an
	 * asked unit across Datastreams
	 */
	public record Limits(@DefaultValue("5") int signInFailuresPerUsername,
			@DefaultValue("20") int signInFailuresPerAddress, @DefaultValue("30") int anonymousWritesPerAddress,
			@DefaultValue("10") int objectionsPerAddress, @DefaultValue("20") int costlyReadsPerAddress) {
	}

	/**
	 * @param username the account's name; empty: no account is created
	 * @param password its password (bcrypt-hashed when stored)
	 * @param organisation its organisation, created if missing
	 * @param roles its roles in that organisation
	 * @param token a personal API token to give it (at least 32 characters), empty for none
	 */
	public record Bootstrap(@DefaultValue("") String username, @DefaultValue("") String password,
			@DefaultValue("") String organisation, @DefaultValue List<String> roles,
			@DefaultValue("") String token) {
	}

}
