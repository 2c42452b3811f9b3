package org.cabildo.identity;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;
import java.util.UUID;

import org.cabildo.IntegrationTest;
import org.cabildo.support.Api;
import org.cabildo.support.Fixtures;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.TestPropertySource;

/**
 * Failed sign-ins, anonymous writes and anonymous costly reads are limited: 429 with Retry-After
 * beyond the limit.
 */
@IntegrationTest
@TestPropertySource(properties = { "cabildo.identity.limits.sign-in-failures-per-username=3",
		"cabildo.identity.limits.sign-in-failures-per-address=1000",
		"cabildo.identity.limits.anonymous-writes-per-address=5",
		"cabildo.identity.limits.costly-reads-per-address=3" })
class RateLimitTest {

	@LocalServerPort
	int port;

	@Test
	@DisplayName("after 3 failed sign-ins a username is refused with 429, even with the right password")
	void signIn() {
		Api anonymous = Api.anonymous(port);
		String user = Api.TEST_USER;
		for (int i = 0; i < 3; i++) {
			assertThat(anonymous.as(Api.basic(user, "wrong-" + i)).get("/api/identity/people/me").status())
				.isEqualTo(401);
		}
		Api.Response blocked = anonymous.as(Api.basic(user, Api.TEST_PASSWORD)).get("/api/identity/people/me");
		assertThat(blocked.status()).isEqualTo(429);
		assertThat(Long.parseLong(blocked.header("Retry-After"))).isPositive();
		assertThat(blocked.header("Content-Type")).startsWith("application/problem+json");
		// a token still works: the limit is on password sign-in for that username
		assertThat(new Api(port).get("/api/identity/people/me").status()).isEqualTo(200);
	}

	@Test
	@DisplayName("anonymous writes beyond the limit get 429 with Retry-After")
	void anonymousWrites() {
		Api anonymous = Api.anonymous(port);
		int refused = 0;
		int limited = 0;
		for (int i = 0; i < 8; i++) {
			Api.Response response = anonymous.post("/v1.1/Things", Map.of("name", "x", "description", "y"));
			if (response.status() == 401) {
				refused++;
			}
			else if (response.status() == 429) {
				limited++;
				assertThat(response.header("Retry-After")).isNotBlank();
			}
		}
		assertThat(refused).isLessThanOrEqualTo(5);
		assertThat(limited).isGreaterThanOrEqualTo(3);
	}

	@Test
	@DisplayName("anonymous filters through to-many relations or over all Observations beyond the limit get 429 with Retry-After")
	void anonymousCostlyReads() {
		Api anonymous = Api.anonymous(port);
		String[][] costly = { { "/v1.1/Things", "$filter", "Datastreams/name eq 'nothing'" },
				{ "/v1.1/Observations", "$filter", "result gt 1000000" },
				{ "/v1.1/Locations", "$filter", "Things/Datastreams/name eq 'nothing'" } };
		for (String[] read : costly) {
			assertThat(anonymous.get(read[0], read[1], read[2]).status()).as(read[2]).isEqualTo(200);
		}
		for (String[] read : costly) {
			Api.Response limited = anonymous.get(read[0], read[1], read[2]);
			assertThat(limited.status()).as("%s", limited).isEqualTo(429);
			assertThat(Long.parseLong(limited.header("Retry-After"))).isPositive();
			assertThat(limited.json().get("option").asString()).isEqualTo("$filter");
		}
		// Cheap reads, and the same filters with credentials, are not counted.
		assertThat(anonymous.get("/v1.1/Things", "$filter", "name eq 'nothing'").status()).isEqualTo(200);
		long datastream = new Api(port).post("/v1.1/Datastreams", Fixtures.datastreamWithThing("limits-" + UUID.randomUUID()))
			.id();
		assertThat(anonymous.get("/v1.1/Datastreams(" + datastream + ")/Observations", "$filter", "result gt 1").status())
			.isEqualTo(200);
		for (String[] read : costly) {
			assertThat(new Api(port).get(read[0], read[1], read[2]).status()).isEqualTo(200);
		}
	}

	@Test
	@DisplayName("an anonymous $filter on results under unit= across Datastreams is a costly read on every path (here"
			+ " through a FeatureOfInterest); one Datastream's is not")
	void anonymousFiltersInAUnitAcrossDatastreams() {
		Api operator = new Api(port);
		long datastream = operator.post("/v1.1/Datastreams", Fixtures.datastreamWithThing("unit-" + UUID.randomUUID()))
			.id();
		assertThat(operator.post("/v1.1/Datastreams(" + datastream + ")/Observations",
				Map.of("phenomenonTime", "2026-03-01T10:00:00Z", "result", 2)).status()).isEqualTo(201);
		long feature = operator.get("/v1.1/Datastreams(" + datastream + ")/Observations", "$expand", "FeatureOfInterest")
			.json().get("value").get(0).get("FeatureOfInterest").get("@iot.id").asLong();
		// An address of its own, so that the other tests' costly reads do not count here.
		Api anonymous = Api.anonymousFrom(port, "127.0.0.23");
		String throughFeature = "/v1.1/FeaturesOfInterest(" + feature + ")/Observations";

		for (int i = 0; i < 3; i++) {
			assertThat(anonymous.get("/v1.1/Datastreams(" + datastream + ")/Observations", "$filter", "result gt 1000000",
					"unit", "K").status()).as("one Datastream's").isEqualTo(200);
		}
		for (int i = 0; i < 3; i++) {
			assertThat(anonymous.get(throughFeature, "$filter", "result gt 1000000", "unit", "K").status()).isEqualTo(200);
		}
		Api.Response limited = anonymous.get(throughFeature, "$filter", "result gt 1000000", "unit", "K");

		assertThat(limited.status()).as("%s", limited).isEqualTo(429);
		assertThat(Long.parseLong(limited.header("Retry-After"))).isPositive();
		assertThat(limited.json().get("option").asString()).isEqualTo("$filter");
		assertThat(operator.get(throughFeature, "$filter", "result gt 1000000", "unit", "K").status()).isEqualTo(200);
	}

}
