package org.cabildo.identity;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.Date;
import java.util.List;
import java.util.Map;

import org.cabildo.IntegrationTest;
import org.cabildo.support.Api;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

import com.nimbusds.jose.JOSEException;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.JWSHeader;
import com.nimbusds.jose.crypto.RSASSASigner;
import com.nimbusds.jose.jwk.JWKSet;
import com.nimbusds.jose.jwk.RSAKey;
import com.nimbusds.jose.jwk.gen.RSAKeyGenerator;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.SignedJWT;
import com.sun.net.httpserver.HttpServer;

/**
 * OIDC: real JWTs signed with a key that a JWKS endpoint started here serves, as an identity
 * provider would. Good tokens map organisation and roles from the configured claims; expired,
 * foreign, mis-addressed and tampered ones are refused.
 */
@IntegrationTest
class OidcTest {

	private static final RSAKey KEY;

	private static final RSAKey OTHER_KEY;

	private static final HttpServer PROVIDER;

	static {
		try {
			KEY = new RSAKeyGenerator(2048).keyID("test-key").generate();
			OTHER_KEY = new RSAKeyGenerator(2048).keyID("test-key").generate();
			PROVIDER = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
			byte[] jwks = new JWKSet(KEY.toPublicJWK()).toString().getBytes(StandardCharsets.UTF_8);
			PROVIDER.createContext("/jwks", exchange -> {
				exchange.getResponseHeaders().set("Content-Type", "application/json");
				exchange.sendResponseHeaders(200, jwks.length);
				exchange.getResponseBody().write(jwks);
				exchange.close();
			});
			PROVIDER.start();
		}
		catch (JOSEException | IOException e) {
			throw new IllegalStateException(e);
		}
	}

	private static String issuer() {
		return "http://127.0.0.1:" + PROVIDER.getAddress().getPort() + "/realms/city";
	}

	@DynamicPropertySource
	static void provider(DynamicPropertyRegistry registry) {
		registry.add("cabildo.identity.oidc.issuer-uri", OidcTest::issuer);
		registry.add("cabildo.identity.oidc.jwk-set-uri",
				() -> "http://127.0.0.1:" + PROVIDER.getAddress().getPort() + "/jwks");
		registry.add("cabildo.identity.oidc.audience", () -> "cabildo");
		registry.add("cabildo.identity.oidc.organisation-claim", () -> "org");
		registry.add("cabildo.identity.oidc.roles-claim", () -> "cabildo_roles");
	}

	@AfterAll
	static void stop() {
		PROVIDER.stop(0);
	}

	@LocalServerPort
	int port;

	@Autowired
	Organisations organisations;

	private static String organisation;

	@BeforeAll
	static void names() {
		organisation = Accounts.unique("oidc-office");
	}

	private String jwt(RSAKey key, String issuer, String audience, Instant expiry) throws JOSEException {
		JWTClaimsSet claims = new JWTClaimsSet.Builder().issuer(issuer)
			.subject("user-1")
			.audience(audience)
			.issueTime(Date.from(Instant.now().minusSeconds(600)))
			.expirationTime(Date.from(expiry))
			.claim("preferred_username", "maria")
			.claim("org", organisation)
			.claim("cabildo_roles", List.of("operator", "auditor", "no-such-role"))
			.build();
		SignedJWT jwt = new SignedJWT(new JWSHeader.Builder(JWSAlgorithm.RS256).keyID(key.getKeyID()).build(), claims);
		jwt.sign(new RSASSASigner(key));
		return jwt.serialize();
	}

	private Api.Response me(String token) {
		return Api.anonymous(port).as(Api.bearer(token)).get("/api/identity/people/me");
	}

	@Test
	@DisplayName("a good token maps organisation and roles from the configured claims, and may write as an operator")
	void goodToken() throws JOSEException {
		Organisation office = organisations.named(organisation, true);
		String token = jwt(KEY, issuer(), "cabildo", Instant.now().plusSeconds(300));
		Api.Response me = me(token);
		assertThat(me.status()).as("%s", me).isEqualTo(200);
		assertThat(me.json().get("name").asString()).isEqualTo("maria");
		assertThat(me.json().get("grants").get(Long.toString(office.id())).toString()).contains("OPERATOR", "AUDITOR");
		Api.Response thing = Api.anonymous(port).as(Api.bearer(token)).post("/v1.1/Things",
				Map.of("name", "oidc", "description", "d"));
		assertThat(thing.status()).as("%s", thing).isEqualTo(201);
		assertThat(Api.anonymous(port).get("/api/identity/ownership/Things/" + thing.id()).body())
			.contains(organisation);
	}

	@Test
	@DisplayName("expired, wrong-issuer, wrong-audience, tampered and foreign-key tokens are refused with 401")
	void badTokens() throws JOSEException {
		organisations.named(organisation, true);
		Instant later = Instant.now().plusSeconds(300);
		String good = jwt(KEY, issuer(), "cabildo", later);
		String[] parts = good.split("\\.");
		String payload = new String(java.util.Base64.getUrlDecoder().decode(parts[1]), StandardCharsets.UTF_8)
			.replace("maria", "admin");
		String tampered = parts[0] + "."
				+ java.util.Base64.getUrlEncoder().withoutPadding().encodeToString(payload.getBytes(StandardCharsets.UTF_8))
				+ "." + parts[2];
		Map<String, String> bad = Map.of("expired", jwt(KEY, issuer(), "cabildo", Instant.now().minusSeconds(3600)),
				"wrong issuer", jwt(KEY, "http://elsewhere.example/realms/city", "cabildo", later), "wrong audience",
				jwt(KEY, issuer(), "another-app", later), "tampered", tampered, "signed by another key",
				jwt(OTHER_KEY, issuer(), "cabildo", later));
		bad.forEach((what, token) -> {
			Api.Response response = me(token);
			assertThat(response.status()).as(what + ": %s", response).isEqualTo(401);
			assertThat(response.header("WWW-Authenticate")).as(what).contains("invalid_token");
		});
		assertThat(me(good).status()).isEqualTo(200);
	}

}
