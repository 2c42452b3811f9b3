package org.cabildo.support;

import java.io.IOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.MissingNode;

/**
 * A plain HTTP client for tests, as any SensorThings client would talk to the server:
 * {@code api.get("/v1.1/Things", "$filter", "name eq 'x'")} encodes the query options.
 * {@code new Api(port)} signs in as the test operator (operator and admin of
 * {@value #TEST_ORGANISATION}, see application-test.yaml) with its API token;
 * {@link #anonymous(int)} sends no credentials, {@link #as(String)} others.
 */
public final class Api {

	/** The bootstrap account of the tests, as configured in application-test.yaml. */
	public static final String TEST_USER = "test-operator";

	public static final String TEST_PASSWORD = "test-operator-password-7f3a";

	public static final String TEST_TOKEN = "cbd_pat_test-operator-token-1b9e6c0d4a7f2e85";

	public static final String TEST_ORGANISATION = "test office";

	private static final JsonMapper JSON = JsonMapper.shared();

	private final HttpClient http;

	private final String base;

	/** The value of the Authorization header, null for none. */
	private final String authorization;

	private final Duration timeout;

	/** Signed in as the test operator. */
	public Api(int port) {
		this("http://127.0.0.1:" + port, bearer(TEST_TOKEN));
	}

	private Api(String base, String authorization) {
		this(base, authorization, Duration.ofSeconds(60));
	}

	private Api(String base, String authorization, Duration timeout) {
		this(base, authorization, timeout, HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build());
	}

	private Api(String base, String authorization, Duration timeout, HttpClient http) {
		this.base = base;
		this.authorization = authorization;
		this.timeout = timeout;
		this.http = http;
	}

	/** The same client, giving up on an answer after {@code timeout} (with an exception). */
	public Api timeout(Duration timeout) {
		return new Api(base, authorization, timeout, http);
	}

	/**
	 * Without credentials, from another loopback address (such as {@code 127.0.0.9}): a client of
	 * its own to the limits kept per address, whatever other tests on the server spent.
	 */
	public static Api anonymousFrom(int port, String loopbackAddress) {
		try {
			return new Api("http://127.0.0.1:" + port, null, Duration.ofSeconds(60), HttpClient.newBuilder()
				.connectTimeout(Duration.ofSeconds(5))
				.localAddress(java.net.InetAddress.getByName(loopbackAddress))
				.build());
		}
		catch (java.net.UnknownHostException e) {
			throw new IllegalArgumentException(loopbackAddress, e);
		}
	}

	/**
	 * Settings (environment variables) that give a server started apart the tests' account; there
	 * it is also the steward who declares the datastreams it writes to.
	 */
	public static Map<String, String> testAccountEnvironment() {
		return Map.of("CABILDO_IDENTITY_BOOTSTRAP_USERNAME", TEST_USER, "CABILDO_IDENTITY_BOOTSTRAP_PASSWORD",
				TEST_PASSWORD, "CABILDO_IDENTITY_BOOTSTRAP_ORGANISATION", TEST_ORGANISATION,
				"CABILDO_IDENTITY_BOOTSTRAP_ROLES", "operator,steward,admin", "CABILDO_IDENTITY_BOOTSTRAP_TOKEN", TEST_TOKEN);
	}

	/** Without credentials, as the public. */
	public static Api anonymous(int port) {
		return new Api("http://127.0.0.1:" + port, null);
	}

	/** The same server with another Authorization header ({@link #bearer}, {@link #basic}), null for none. */
	public Api as(String authorization) {
		return new Api(base, authorization, timeout, http);
	}

	public static String bearer(String token) {
		return "Bearer " + token;
	}

	public static String basic(String username, String password) {
		return "Basic " + java.util.Base64.getEncoder()
			.encodeToString((username + ":" + password).getBytes(StandardCharsets.UTF_8));
	}

	public String base() {
		return base;
	}

	/** GET with query options given as name, value pairs. */
	public Response get(String path, String... options) {
		return send("GET", path + query(options), null, Map.of());
	}

	public Response post(String path, Object body) {
		return send("POST", path, body, Map.of());
	}

	public Response patch(String path, Object body) {
		return send("PATCH", path, body, Map.of());
	}

	public Response put(String path, Object body) {
		return send("PUT", path, body, Map.of());
	}

	public Response delete(String path) {
		return send("DELETE", path, null, Map.of());
	}

	/**
	 * Sends a request. A body that is a String is sent as it is (to test malformed JSON);
	 * anything else is written as JSON. The headers given replace the defaults (a JSON
	 * Content-Type when there is a body).
	 */
	public Response send(String method, String pathAndQuery, Object body, Map<String, String> headers) {
		String url = pathAndQuery.startsWith("http") ? pathAndQuery : base + pathAndQuery;
		HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(url)).timeout(timeout);
		String text = body == null ? null : body instanceof String s ? s : JSON.writeValueAsString(body);
		request.method(method, text == null ? HttpRequest.BodyPublishers.noBody()
				: HttpRequest.BodyPublishers.ofString(text, StandardCharsets.UTF_8));
		if (text != null) {
			request.header("Content-Type", "application/json");
		}
		if (authorization != null) {
			request.header("Authorization", authorization);
		}
		headers.forEach(request::setHeader);
		try {
			HttpResponse<String> response = http.send(request.build(), HttpResponse.BodyHandlers.ofString());
			return new Response(response.statusCode(), response.body(), response.headers().map());
		}
		catch (IOException e) {
			throw new IllegalStateException(method + " " + url + " failed", e);
		}
		catch (InterruptedException e) {
			Thread.currentThread().interrupt();
			throw new IllegalStateException(e);
		}
	}

	public static String query(String... options) {
		if (options.length == 0) {
			return "";
		}
		if (options.length % 2 != 0) {
			throw new IllegalArgumentException("options come in name, value pairs");
		}
		List<String> pairs = new ArrayList<>();
		for (int i = 0; i < options.length; i += 2) {
			pairs.add(encode(options[i]) + "=" + encode(options[i + 1]));
		}
		return "?" + String.join("&", pairs);
	}

	private static String encode(String text) {
		return URLEncoder.encode(text, StandardCharsets.UTF_8).replace("+", "%20");
	}

	public static JsonNode json(String text) {
		return JSON.readTree(text);
	}

	/** A response: status, body text and headers; {@link #json()} parses the body. */
	public record Response(int status, String body, Map<String, List<String>> headers) {

		public JsonNode json() {
			if (body == null || body.isBlank()) {
				return MissingNode.getInstance();
			}
			return JSON.readTree(body);
		}

		public String header(String name) {
			return headers.entrySet()
				.stream()
				.filter(e -> e.getKey().equalsIgnoreCase(name))
				.flatMap(e -> e.getValue().stream())
				.findFirst()
				.orElse(null);
		}

		/** The {@code @iot.id} of the entity in the body. */
		public long id() {
			return json().get("@iot.id").asLong();
		}

		@Override
		public String toString() {
			return status + " " + body;
		}

	}

}
