package org.cabildo.importing;

import java.io.IOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.List;
import java.util.Optional;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ObjectNode;

/**
 * The import's sink over HTTP: the platform's SensorThings API (entities; Observations in the
 * DataArray format, {@code reasons=true} so that each refused row says why and a re-sent one
 * is acknowledged as a duplicate) and its register (the declaration template). Every check the
 * platform makes of any client applies unchanged.
 */
final class HttpSink implements ImportSink {

	private static final JsonMapper JSON = JsonMapper.shared();

	private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(10)).build();

	private final String base;

	private String authorization;

	/** The token this import obtained for an account and password, revoked at the end. */
	private Long ownToken;

	HttpSink(String base) {
		this.base = base.endsWith("/") ? base.substring(0, base.length() - 1) : base;
	}

	/** Sends a bearer token. */
	HttpSink withToken(String token) {
		this.authorization = "Bearer " + token;
		return this;
	}

	/** Exchanges an account's password for a personal token of a day, through the identity API. */
	HttpSink signIn(String user, String password) {
		this.authorization = "Basic "
				+ Base64.getEncoder().encodeToString((user + ":" + password).getBytes(StandardCharsets.UTF_8));
		ObjectNode request = JSON.createObjectNode();
		request.put("name", "cabildo import " + Instant.now());
		request.put("expiresAt", Instant.now().plus(Duration.ofDays(1)).toString());
		JsonNode issued = expect(send("POST", "/api/identity/tokens", request), 201, "signing in as '" + user + "'");
		this.ownToken = issued.get("id").asLong();
		this.authorization = "Bearer " + issued.get("secret").asString();
		return this;
	}

	@Override
	public Optional<Long> findFirst(String entitySet, String filter) {
		JsonNode page = expect(send("GET", "/v1.1/" + entitySet + "?$top=1&$select=id&$filter=" + encode(filter), null),
				200, "finding " + entitySet + " where " + filter);
		JsonNode value = page.path("value");
		return value.isEmpty() ? Optional.empty() : Optional.of(value.get(0).get("@iot.id").asLong());
	}

	@Override
	public long create(String entitySet, ObjectNode entity) {
		HttpResponse<String> answer = send("POST", "/v1.1/" + entitySet, entity);
		JsonNode created = expect(answer, 201, "creating " + entitySet + " '" + entity.path("name").asString() + "'");
		if (created.has("@iot.id")) {
			return created.get("@iot.id").asLong();
		}
		String location = answer.headers().firstValue("Location").orElse("");
		return Long.parseLong(location.replaceAll(".*\\((\\d+)\\)$", "$1"));
	}

	@Override
	public List<Outcome> store(List<Observation> observations) {
		DataArray batch = new DataArray(observations);
		JsonNode answers = expect(send("POST", "/v1.1/CreateObservations?reasons=true", batch.body()), 201,
				"sending " + observations.size() + " observations");
		List<Outcome> outcomes = new java.util.ArrayList<>(answers.size());
		answers.forEach(answer -> outcomes.add(DataArray.outcome(answer)));
		return batch.inBatchOrder(outcomes);
	}

	@Override
	public void ensureTemplate(ImportMapping.Declaration declaration) {
		JsonNode templates = expect(send("GET", "/api/register/templates", null), 200, "reading the declaration templates");
		String organisation = declaration.organisation();
		for (JsonNode template : templates.path("value")) {
			if ("organisation".equals(template.path("scope").asString()) && !template.path("withdrawn").asBoolean()
					&& (organisation.equals(template.path("organisation").asString())
							|| organisation.equals(template.path("organisationId").asString()))) {
				return;
			}
		}
		if (declaration.template() == null) {
			throw ImportFailure.noTemplate(organisation);
		}
		expect(send("PUT", "/api/register/templates/organisations/" + encode(organisation).replace("+", "%20"),
				JSON.valueToTree(declaration.template())), 200,
				"publishing the mapping's declaration template for '" + organisation + "'");
	}

	/**
	 * Three requests at once: while the platform stores one batch, the next is on the wire and
	 * a third is being read and encoded here.
	 */
	@Override
	public int parallelism() {
		return 3;
	}

	/** Revokes the token this import signed in with, if it did. */
	void signOut() {
		if (ownToken != null) {
			send("DELETE", "/api/identity/tokens/" + ownToken, null);
			ownToken = null;
		}
	}

	private HttpResponse<String> send(String method, String path, JsonNode body) {
		HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(base + path)).timeout(Duration.ofMinutes(5))
			.header("Accept", "application/json");
		if (authorization != null) {
			request.header("Authorization", authorization);
		}
		request.method(method, body == null ? HttpRequest.BodyPublishers.noBody()
				: HttpRequest.BodyPublishers.ofByteArray(JSON.writeValueAsBytes(body)));
		if (body != null) {
			request.header("Content-Type", "application/json");
		}
		try {
			return http.send(request.build(), HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
		}
		catch (IOException e) {
			throw new ImportFailure("the server at " + base + " does not answer (" + method + " " + path.split("\\?")[0]
					+ "): " + e);
		}
		catch (InterruptedException e) {
			Thread.currentThread().interrupt();
			throw new ImportFailure("interrupted");
		}
	}

	private static JsonNode expect(HttpResponse<String> answer, int status, String doing) {
		if (answer.statusCode() != status) {
			String detail = answer.body();
			try {
				JsonNode problem = JSON.readTree(detail);
				detail = problem.has("detail") ? problem.get("detail").asString() : detail;
			}
			catch (RuntimeException e) {
				// not JSON: the body as it is
			}
			throw new ImportFailure(doing + ": the server answered " + answer.statusCode()
					+ (detail == null || detail.isBlank() ? "" : ": " + detail.strip()));
		}
		return answer.body() == null || answer.body().isEmpty() ? JSON.createObjectNode() : JSON.readTree(answer.body());
	}

	private static String encode(String text) {
		return URLEncoder.encode(text, StandardCharsets.UTF_8);
	}

}
