package org.cabildo.platform.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayInputStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.List;
import java.util.Map;

import org.cabildo.IntegrationTest;
import org.cabildo.support.Api;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.TestPropertySource;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/** Every JSON API refuses a body over {@code cabildo.max-body-bytes} with 413 and a problem body. */
@IntegrationTest
@TestPropertySource(properties = "cabildo.max-body-bytes=1000")
class BodyLimitTest {

	private static final String BIG = "x".repeat(2000);

	@LocalServerPort
	int port;

	@Test
	void aBodyOverTheLimitIs413OnEveryApi() throws Exception {
		Api api = new Api(port);
		Map<String, Object> big = Map.of("name", BIG, "description", BIG, "username", BIG, "text", BIG);
		List<String> posts = List.of("/api/identity/tokens", "/api/identity/people", "/api/identity/organisations",
				"/api/identity/devices", "/api/register/1/objections", "/api/register/1/stage", "/v1.1/Things");
		for (String path : posts) {
			tooLarge(api.post(path, big), path);
			tooLarge(chunked(api, "POST", path, big), path + " (chunked)");
		}
		tooLarge(api.put("/api/register/1", big), "PUT /api/register/1");
		tooLarge(chunked(api, "PUT", "/api/register/1", big), "PUT /api/register/1 (chunked)");
		// and the public, without credentials
		tooLarge(Api.anonymous(port).post("/api/register/1/objections", big), "anonymous objection");
	}

	@Test
	void aBodyUnderTheLimitIsRead() {
		Api.Response token = new Api(port).post("/api/identity/tokens", Map.of("name", "small"));
		assertThat(token.status()).as("%s", token).isEqualTo(201);
	}

	private static void tooLarge(Api.Response response, String what) {
		assertThat(response.status()).as("%s: %s", what, response).isEqualTo(413);
		assertThat(response.header("Content-Type")).as(what).startsWith("application/problem+json");
		JsonNode problem = response.json();
		assertThat(problem.get("limit").asLong()).as(what).isEqualTo(1000);
		assertThat(problem.get("detail").asString()).as(what).contains("larger than 1000 bytes");
	}

	/** Sent without a Content-Length, as a stream. */
	private static Api.Response chunked(Api api, String method, String path, Object body) throws Exception {
		byte[] bytes = JsonMapper.shared().writeValueAsBytes(body);
		HttpRequest request = HttpRequest.newBuilder(URI.create(api.base() + path))
			.header("Content-Type", "application/json")
			.header("Authorization", Api.bearer(Api.TEST_TOKEN))
			.method(method, HttpRequest.BodyPublishers.ofInputStream(() -> new ByteArrayInputStream(bytes)))
			.build();
		HttpResponse<String> response = HttpClient.newHttpClient().send(request, HttpResponse.BodyHandlers.ofString());
		return new Api.Response(response.statusCode(), response.body(), response.headers().map());
	}

}
