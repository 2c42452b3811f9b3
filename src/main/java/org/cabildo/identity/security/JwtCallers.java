package org.cabildo.identity.security;

import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

import org.cabildo.identity.Caller;
import org.cabildo.identity.IdentitySettings;
import org.cabildo.identity.Organisations;
import org.cabildo.identity.Role;
import org.springframework.core.convert.converter.Converter;
import org.springframework.security.authentication.AbstractAuthenticationToken;
import org.springframework.security.oauth2.core.ClaimAccessor;
import org.springframework.security.oauth2.core.DelegatingOAuth2TokenValidator;
import org.springframework.security.oauth2.core.OAuth2Error;
import org.springframework.security.oauth2.core.OAuth2TokenValidator;
import org.springframework.security.oauth2.core.OAuth2TokenValidatorResult;
import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.security.oauth2.jwt.JwtClaimNames;
import org.springframework.security.oauth2.jwt.JwtDecoder;
import org.springframework.security.oauth2.jwt.JwtValidators;
import org.springframework.security.oauth2.jwt.NimbusJwtDecoder;

/**
 * JWTs of the configured OIDC provider: checked for signature (keys from its JWKS), issuer,
 * audience and time, then mapped to a {@link Caller}: the organisation named by one claim
 * (it must exist here) and the roles listed by another. The portal maps the claims of someone
 * signed in through the provider the same way ({@link OidcSignIn}).
 */
final class JwtCallers implements Converter<Jwt, AbstractAuthenticationToken> {

	private final IdentitySettings.Oidc oidc;

	private final Organisations organisations;

	JwtCallers(IdentitySettings.Oidc oidc, Organisations organisations) {
		this.oidc = oidc;
		this.organisations = organisations;
	}

	static JwtDecoder decoder(IdentitySettings.Oidc oidc) {
		NimbusJwtDecoder decoder = oidc.jwkSetUri().isBlank()
				? NimbusJwtDecoder.withIssuerLocation(oidc.issuerUri()).build()
				: NimbusJwtDecoder.withJwkSetUri(oidc.jwkSetUri()).build();
		List<OAuth2TokenValidator<Jwt>> validators = new ArrayList<>();
		validators.add(JwtValidators.createDefaultWithIssuer(oidc.issuerUri()));
		if (!oidc.audience().isBlank()) {
			validators.add(jwt -> jwt.getAudience() != null && jwt.getAudience().contains(oidc.audience())
					? OAuth2TokenValidatorResult.success()
					: OAuth2TokenValidatorResult.failure(new OAuth2Error("invalid_token",
							"the token is not meant for this audience", null)));
		}
		decoder.setJwtValidator(new DelegatingOAuth2TokenValidator<>(validators));
		return decoder;
	}

	@Override
	public AbstractAuthenticationToken convert(Jwt jwt) {
		return new CallerAuthentication(caller(jwt));
	}

	/**
	 * The caller the provider's claims describe: those of a JWT sent to the API, or those of the
	 * ID token (and user info) of someone who signed in to the portal through the provider, so
	 * that both are the same caller.
	 */
	Caller caller(ClaimAccessor claims) {
		String name = claims.getClaimAsString(oidc.usernameClaim());
		if (name == null) {
			name = claims.getClaimAsString(JwtClaimNames.SUB);
		}
		String organisationName = claims.getClaimAsString(oidc.organisationClaim());
		long organisation = -1;
		Set<Role> roles = new TreeSet<>();
		if (organisationName != null) {
			var found = organisations.named(organisationName);
			if (found.isPresent()) {
				organisation = found.get().id();
				for (String label : labels(claims.getClaims().get(oidc.rolesClaim()))) {
					Role.of(label).ifPresent(roles::add);
				}
			}
		}
		Map<Long, Set<Role>> grants = organisation < 0 || roles.isEmpty() ? Map.of() : Map.of(organisation, roles);
		return new Caller(Caller.Kind.PERSON, -1, name, organisation, grants, Set.of());
	}

	private static List<String> labels(Object claim) {
		if (claim instanceof Collection<?> values) {
			return values.stream().map(String::valueOf).toList();
		}
		if (claim instanceof String text) {
			return List.of(text.split("[ ,]+"));
		}
		return List.of();
	}

}
