package org.cabildo.portal;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.URI;
import java.net.URLDecoder;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.Base64;
import java.util.Date;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;

import org.cabildo.IntegrationTest;
import org.cabildo.identity.AuditLog;
import org.cabildo.identity.Caller;
import org.cabildo.identity.Organisation;
import org.cabildo.identity.Organisations;
import org.cabildo.support.Api;
import org.cabildo.support.PortalClient;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.annotation.Import;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RestController;

import com.nimbusds.jose.JOSEException;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.JWSHeader;
import com.nimbusds.jose.crypto.RSASSASigner;
import com.nimbusds.jose.jwk.JWKSet;
import com.nimbusds.jose.jwk.RSAKey;
import com.nimbusds.jose.jwk.gen.RSAKeyGenerator;
import com.nimbusds.jose.util.JSONObjectUtils;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.SignedJWT;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;

import tools.jackson.databind.JsonNode;

/**
 * Signing in to the portal through an OIDC provider (one started here, on 127.0.0.1, that serves
 * discovery, keys, the authorisation and token endpoints and user info as a real one would):
 * the authorisation-code flow signs the person in as the same caller the API sees for their
 * token (name, organisation and roles from the claims); sign-out ends it; a forged state, a
 * callback in another browser and an ID token with another nonce are refused.
 */
@IntegrationTest
@Import(OidcSignInTest.CallerPage.class)
class OidcSignInTest {

	private static final String CLIENT = "cabildo-portal";

	private static final String SECRET = "portal-secret-" + UUID.randomUUID();

	private static final Provider PROVIDER = new Provider();

	/** Who the request is for, as the portal's session says: to compare with what the API says. */
	@RestController
	static class CallerPage {

		@GetMapping("/console/test-caller")
		Caller caller() {
			return Caller.current().orElseThrow();
		}

	}

	@DynamicPropertySource
	static void provider(DynamicPropertyRegistry registry) {
		registry.add("cabildo.identity.oidc.issuer-uri", PROVIDER::issuer);
		// named, not discovered while the server starts: the keys are fetched with a 500 ms timeout
		registry.add("cabildo.identity.oidc.jwk-set-uri", () -> PROVIDER.issuer() + "/jwks");
		registry.add("cabildo.identity.oidc.audience", () -> "cabildo");
		registry.add("cabildo.identity.oidc.organisation-claim", () -> "org");
		registry.add("cabildo.identity.oidc.roles-claim", () -> "cabildo_roles");
		registry.add("cabildo.identity.oidc.client-id", () -> CLIENT);
		registry.add("cabildo.identity.oidc.client-secret", () -> SECRET);
		registry.add("cabildo.identity.oidc.provider-name", () -> "City Login");
	}

	@AfterAll
	static void stop() {
		PROVIDER.server.stop(0);
	}

	@LocalServerPort
	int port;

	@Autowired
	Organisations organisations;

	@Autowired
	AuditLog audit;

	private Organisation office;

	private String person;

	@BeforeEach
	void somebodyAtTheProvider() {
		office = organisations.create("oidc-portal-" + UUID.randomUUID().toString().substring(0, 8));
		person = "maria-" + UUID.randomUUID().toString().substring(0, 8);
		PROVIDER.signsIn(Map.of("sub", "sub-" + person, "preferred_username", person, "org", office.name(),
				"cabildo_roles", List.of("steward", "auditor", "no-such-role")));
		PROVIDER.wrongNonce = false;
	}

	@Test
	void thePersonSignsInThroughTheProviderAsTheCallerTheApiSeesAndSignsOut() {
		PortalClient browser = new PortalClient(port);
		assertThat(browser.get("/sign-in?lang=en").body()).contains("href=\"/sign-in/oidc\"")
			.contains("Sign in with City Login");
		// the console first: after signing in, the browser is sent back there
		assertThat(browser.get("/console/test-caller").location()).isEqualTo("/sign-in");

		PortalClient.Page toProvider = browser.get("/sign-in/oidc");
		assertThat(toProvider.status()).isEqualTo(302);
		URI authorize = URI.create(toProvider.header("Location"));
		assertThat(authorize.toString()).startsWith(PROVIDER.issuer() + "/auth?");
		Map<String, String> asked = query(authorize);
		assertThat(asked).containsEntry("response_type", "code")
			.containsEntry("client_id", CLIENT)
			.containsEntry("redirect_uri", "http://127.0.0.1:" + port + "/sign-in/oidc/callback")
			.containsKeys("state", "nonce");
		assertThat(asked.get("scope")).contains("openid");
		String before = browser.cookie("JSESSIONID").orElseThrow();

		PortalClient.Page back = browser.follow(browser.follow(toProvider));
		assertThat(back.status()).as("%s", back).isEqualTo(302);
		assertThat(back.location()).isEqualTo("/console/test-caller");
		// a new session once signed in: the one that carried the state is not the person's
		assertThat(browser.cookie("JSESSIONID")).isPresent().get().isNotEqualTo(before);
		assertThat(browser.get("/?lang=en").body()).contains("Sign out (" + person + ")");

		JsonNode portal = Api.json(browser.get("/console/test-caller").body());
		Api.Response api = Api.anonymous(port).as(Api.bearer(PROVIDER.accessTokenFor(person)))
			.get("/api/identity/people/me");
		assertThat(api.status()).as("%s", api).isEqualTo(200);
		assertThat(portal.get("name").asString()).isEqualTo(person).isEqualTo(api.json().get("name").asString());
		assertThat(portal.get("organisation").asLong()).isEqualTo(office.id());
		assertThat(roles(portal.get("grants"))).isEqualTo(roles(api.json().get("grants")))
			.isEqualTo(Set.of(office.id() + ":STEWARD", office.id() + ":AUDITOR"));
		// the roles the claims give open the pages they open (the auditor's, past its rule)
		assertThat(browser.get("/audit").status()).isNotIn(302, 403);

		PortalClient.Page out = browser.submit("/", "/sign-out", Map.of());
		assertThat(out.status()).isEqualTo(302);
		assertThat(browser.get("/?lang=en").body()).contains("href=\"/sign-in\"").doesNotContain("Sign out");
		assertThat(browser.get("/console/test-caller").location()).isEqualTo("/sign-in");
	}

	@Test
	void aForgedStateIsRefused() {
		PortalClient browser = new PortalClient(port);
		browser.get("/?lang=en");
		PortalClient.Page callback = browser.follow(browser.get("/sign-in/oidc"));
		String forged = callback.header("Location").replaceFirst("state=[^&]+", "state=forged");
		PortalClient.Page refused = browser.follow(new PortalClient.Page(302, "", Map.of("Location", List.of(forged))));
		assertThat(refused.status()).isEqualTo(302);
		assertThat(refused.location()).isEqualTo("/sign-in?provider-error");
		assertThat(browser.get(refused.location()).body()).contains("The sign-in with City Login did not complete.");
		assertNotSignedIn(browser);
	}

	@Test
	void aCallbackInAnotherBrowserIsRefused() {
		PortalClient mine = new PortalClient(port);
		PortalClient.Page callback = mine.follow(mine.get("/sign-in/oidc"));
		PortalClient other = new PortalClient(port);
		assertThat(other.follow(callback).location()).isEqualTo("/sign-in?provider-error");
		assertNotSignedIn(other);
	}

	@Test
	void anIdTokenWithAnotherNonceIsRefusedAndAudited() {
		PROVIDER.wrongNonce = true;
		PortalClient browser = new PortalClient(port);
		PortalClient.Page refused = browser.follow(browser.follow(browser.get("/sign-in/oidc")));
		assertThat(refused.location()).isEqualTo("/sign-in?provider-error");
		assertNotSignedIn(browser);
		assertThat(audit.latest(20)).anySatisfy(entry -> {
			assertThat(entry.kind()).isEqualTo("sign-in-failed");
			assertThat(entry.detail()).contains("invalid_nonce");
		});
	}

	private static void assertNotSignedIn(PortalClient browser) {
		assertThat(browser.get("/console/test-caller").location()).isEqualTo("/sign-in");
		assertThat(browser.get("/").body()).contains("href=\"/sign-in\"");
	}

	private static Set<String> roles(JsonNode grants) {
		Set<String> roles = new TreeSet<>();
		grants.properties().forEach(grant -> grant.getValue().forEach(role -> roles.add(grant.getKey() + ":" + role.asString())));
		return roles;
	}

	private static Map<String, String> query(URI uri) {
		Map<String, String> values = new LinkedHashMap<>();
		for (String pair : uri.getRawQuery().split("&")) {
			String[] parts = pair.split("=", 2);
			values.put(decode(parts[0]), parts.length > 1 ? decode(parts[1]) : "");
		}
		return values;
	}

	private static String decode(String text) {
		return URLDecoder.decode(text, StandardCharsets.UTF_8);
	}

	/**
	 * An OIDC provider as a real one answers: discovery, keys, an authorisation endpoint that
	 * signs in whoever the test says (no form) and sends the browser back with a code, a token
	 * endpoint that takes the code once from the client with its secret, and user info.
	 */
	static final class Provider {

		final HttpServer server;

		private final RSAKey key;

		private final Map<String, Grant> codes = new ConcurrentHashMap<>();

		private final Map<String, Map<String, Object>> accessTokens = new ConcurrentHashMap<>();

		private volatile Map<String, Object> person = Map.of();

		volatile boolean wrongNonce;

		record Grant(String redirectUri, String nonce, Map<String, Object> person) {
		}

		Provider() {
			try {
				key = new RSAKeyGenerator(2048).keyID("portal-test-key").generate();
				server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
			}
			catch (JOSEException | IOException e) {
				throw new IllegalStateException(e);
			}
			server.createContext("/realms/city/.well-known/openid-configuration", this::discovery);
			server.createContext("/realms/city/jwks",
					exchange -> json(exchange, 200, new JWKSet(key.toPublicJWK()).toJSONObject()));
			server.createContext("/realms/city/auth", this::authorize);
			server.createContext("/realms/city/token", this::token);
			server.createContext("/realms/city/userinfo", this::userInfo);
			server.start();
			warmUp();
		}

		/** Asked once before the server under test asks it, whose key fetches wait 500 ms at most. */
		private void warmUp() {
			try (java.net.http.HttpClient http = java.net.http.HttpClient.newHttpClient()) {
				for (String path : List.of("/.well-known/openid-configuration", "/jwks")) {
					http.send(java.net.http.HttpRequest.newBuilder(URI.create(issuer() + path)).build(),
							java.net.http.HttpResponse.BodyHandlers.discarding());
				}
			}
			catch (IOException e) {
				throw new java.io.UncheckedIOException(e);
			}
			catch (InterruptedException e) {
				Thread.currentThread().interrupt();
				throw new IllegalStateException(e);
			}
		}

		String issuer() {
			return "http://127.0.0.1:" + server.getAddress().getPort() + "/realms/city";
		}

		void signsIn(Map<String, Object> claims) {
			person = claims;
		}

		/** An access token for the API with the person's claims, as the provider gives one. */
		String accessTokenFor(String name) {
			return accessTokens.entrySet().stream().filter(e -> name.equals(e.getValue().get("preferred_username")))
				.map(Map.Entry::getKey).findFirst().orElseThrow();
		}

		private void discovery(HttpExchange exchange) throws IOException {
			Map<String, Object> configuration = new LinkedHashMap<>();
			configuration.put("issuer", issuer());
			configuration.put("authorization_endpoint", issuer() + "/auth");
			configuration.put("token_endpoint", issuer() + "/token");
			configuration.put("userinfo_endpoint", issuer() + "/userinfo");
			configuration.put("jwks_uri", issuer() + "/jwks");
			configuration.put("response_types_supported", List.of("code"));
			configuration.put("subject_types_supported", List.of("public"));
			configuration.put("id_token_signing_alg_values_supported", List.of("RS256"));
			configuration.put("token_endpoint_auth_methods_supported", List.of("client_secret_basic"));
			configuration.put("scopes_supported", List.of("openid", "profile"));
			json(exchange, 200, configuration);
		}

		private void authorize(HttpExchange exchange) throws IOException {
			Map<String, String> asked = query(exchange.getRequestURI());
			if (!CLIENT.equals(asked.get("client_id")) || !"code".equals(asked.get("response_type"))) {
				json(exchange, 400, Map.of("error", "invalid_request"));
				return;
			}
			String code = UUID.randomUUID().toString();
			codes.put(code, new Grant(asked.get("redirect_uri"), asked.get("nonce"), person));
			exchange.getResponseHeaders().set("Location", asked.get("redirect_uri") + "?code=" + code + "&state="
					+ URLEncoder.encode(asked.get("state"), StandardCharsets.UTF_8));
			exchange.sendResponseHeaders(302, -1);
			exchange.close();
		}

		private void token(HttpExchange exchange) throws IOException {
			Map<String, String> form = query(URI.create("?" + new String(exchange.getRequestBody().readAllBytes(),
					StandardCharsets.UTF_8)));
			String expected = "Basic " + Base64.getEncoder().encodeToString((CLIENT + ":" + SECRET).getBytes(StandardCharsets.UTF_8));
			Grant grant = codes.remove(form.getOrDefault("code", ""));
			if (!expected.equals(exchange.getRequestHeaders().getFirst("Authorization"))) {
				json(exchange, 401, Map.of("error", "invalid_client"));
				return;
			}
			if (grant == null || !"authorization_code".equals(form.get("grant_type"))
					|| !grant.redirectUri().equals(form.get("redirect_uri"))) {
				json(exchange, 400, Map.of("error", "invalid_grant"));
				return;
			}
			try {
				String accessToken = jwt("cabildo", grant.person(), null);
				accessTokens.put(accessToken, grant.person());
				String idToken = jwt(CLIENT, grant.person(), wrongNonce ? "another-nonce" : grant.nonce());
				json(exchange, 200, Map.of("access_token", accessToken, "token_type", "Bearer", "expires_in", 300,
						"id_token", idToken, "scope", "openid profile"));
			}
			catch (JOSEException e) {
				json(exchange, 500, Map.of("error", "server_error"));
			}
		}

		private void userInfo(HttpExchange exchange) throws IOException {
			String authorization = exchange.getRequestHeaders().getFirst("Authorization");
			Map<String, Object> claims = authorization == null ? null : accessTokens.get(authorization.replaceFirst("^Bearer ", ""));
			if (claims == null) {
				json(exchange, 401, Map.of("error", "invalid_token"));
				return;
			}
			json(exchange, 200, Map.of("sub", claims.get("sub"), "preferred_username", claims.get("preferred_username")));
		}

		private String jwt(String audience, Map<String, Object> claims, String nonce) throws JOSEException {
			JWTClaimsSet.Builder set = new JWTClaimsSet.Builder().issuer(issuer())
				.audience(audience)
				.issueTime(new Date())
				.expirationTime(Date.from(Instant.now().plusSeconds(300)));
			claims.forEach(set::claim);
			if (nonce != null) {
				set.claim("nonce", nonce);
			}
			SignedJWT jwt = new SignedJWT(new JWSHeader.Builder(JWSAlgorithm.RS256).keyID(key.getKeyID()).build(),
					set.build());
			jwt.sign(new RSASSASigner(key));
			return jwt.serialize();
		}

		private static void json(HttpExchange exchange, int status, Map<String, Object> body) throws IOException {
			byte[] bytes = JSONObjectUtils.toJSONString(body).getBytes(StandardCharsets.UTF_8);
			exchange.getResponseHeaders().set("Content-Type", "application/json");
			exchange.sendResponseHeaders(status, bytes.length);
			exchange.getResponseBody().write(bytes);
			exchange.close();
		}

	}

}
