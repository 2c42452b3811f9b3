package org.cabildo.platform.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.UUID;

import org.cabildo.IntegrationTest;
import org.cabildo.support.Api;
import org.cabildo.support.Fixtures;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.web.server.LocalServerPort;

import tools.jackson.databind.JsonNode;

/** Requests that used to be answered 500 or 503, or with the database's own words. */
@IntegrationTest
class ProblemAnswersTest {

	@LocalServerPort
	int port;

	/** Sent over a socket as it is: java.net.URI refuses a malformed escape before it is sent. */
	private String raw(String pathAndQuery) throws IOException {
		try (Socket socket = new Socket("127.0.0.1", port)) {
			socket.setSoTimeout(10_000);
			OutputStream out = socket.getOutputStream();
			out.write(("GET " + pathAndQuery + " HTTP/1.1\r\nHost: 127.0.0.1\r\nConnection: close\r\n\r\n")
				.getBytes(StandardCharsets.US_ASCII));
			out.flush();
			InputStream in = socket.getInputStream();
			return new String(in.readAllBytes(), StandardCharsets.UTF_8);
		}
	}

	@Test
	@DisplayName("a malformed percent-escape in the query is a 400 with a JSON problem body")
	void malformedEscape() throws IOException {
		for (String query : new String[] { "$top=%zz", "$filter=name%20eq%20'%zz'", "%zz=1", "$top=%" }) {
			String response = raw("/v1.1/Things?" + query);
			assertThat(response).as(query).startsWith("HTTP/1.1 400");
			assertThat(response).as(query).containsIgnoringCase("Content-Type: application/problem+json");
			String body = response.substring(response.indexOf("\r\n\r\n") + 4);
			assertThat(body).as(query).contains("\"status\":400").contains("cannot be decoded");
		}
	}

	@Test
	@DisplayName("a string literal in $orderby orders nothing, on every database: 200")
	void constantInOrderBy() {
		Api api = new Api(port);
		long datastream = api.post("/v1.1/Datastreams", Fixtures.datastreamWithThing("order-" + UUID.randomUUID()))
			.id();
		String observations = "/v1.1/Datastreams(" + datastream + ")/Observations";
		api.post(observations, Map.of("phenomenonTime", "2024-01-01T00:00:00Z", "result", 1));
		api.post(observations, Map.of("phenomenonTime", "2024-01-01T01:00:00Z", "result", 2));
		for (String order : new String[] { "'a'", "'a' desc", "1", "1 add 1", "'a',phenomenonTime desc" }) {
			Api.Response answer = Api.anonymous(port).get(observations, "$orderby", order);
			assertThat(answer.status()).as("%s: %s", order, answer).isEqualTo(200);
			assertThat(answer.json().get("value").size()).isEqualTo(2);
		}
		JsonNode descending = Api.anonymous(port).get(observations, "$orderby", "'a',phenomenonTime desc").json();
		assertThat(descending.get("value").get(0).get("result").asInt()).isEqualTo(2);
		assertThat(Api.anonymous(port).get("/v1.1/Observations", "$orderby", "'a'", "$top", "1").status())
			.isEqualTo(200);
	}

	@Test
	@DisplayName("a name longer than stored names is a 400 naming the field, in our words")
	void nameTooLong() {
		Api.Response refused = new Api(port).post("/api/identity/organisations", Map.of("name", "x".repeat(201)));
		assertThat(refused.status()).as("%s", refused).isEqualTo(400);
		JsonNode problem = refused.json();
		assertThat(problem.get("pointer").asString()).isEqualTo("/name");
		assertThat(problem.get("detail").asString()).contains("200 characters")
			.doesNotContainIgnoringCase("varying")
			.doesNotContainIgnoringCase("value too long");
	}

}
