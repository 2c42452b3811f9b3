package org.cabildo.participation;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;

import org.cabildo.IntegrationTest;
import org.cabildo.support.Api;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.TestPropertySource;

/**
 * A jurisdiction that asks for an {@code api_key}: a report without one, or with one that is not
 * a token, is refused in the standard's format; a personal API token serves as one (as the
 * argument or as credentials), and the account's hourly allowance holds.
 */
@IntegrationTest
@TestPropertySource(properties = { "cabildo.participation.open311.api-key-required=true",
		"cabildo.participation.reports.signed-in-per-hour=3" })
class Open311ApiKeyTest {

	@LocalServerPort
	int port;

	@Test
	void onlyAKeyOrCredentialsFileAndTheAccountsAllowanceHolds() {
		Map<String, String> report = Map.of("service_code", "pothole", "lat", "19.43", "long", "-99.13", "description",
				"with a key");
		Api.Response without = Open311Forms.post(port, "json", report, null, null);
		assertThat(without.status()).isEqualTo(403);
		assertThat(without.json().get(0).path("description").asString()).contains("api_key: required");

		Map<String, String> wrongKey = new java.util.HashMap<>(report);
		wrongKey.put("api_key", "not-a-token");
		Api.Response wrong = Open311Forms.post(port, "xml", wrongKey, null, null);
		assertThat(wrong.status()).isEqualTo(403);
		assertThat(wrong.body()).startsWith("<?xml").contains("<errors><error><code>403</code>");

		Map<String, String> withKey = new java.util.HashMap<>(report);
		withKey.put("api_key", Api.TEST_TOKEN);
		assertThat(Open311Forms.post(port, "json", withKey, null, null).status()).isEqualTo(201);
		assertThat(Open311Forms.post(port, "json", report, null, Api.bearer(Api.TEST_TOKEN)).status()).isEqualTo(201);
		assertThat(Open311Forms.post(port, "json", withKey, null, null).status()).isEqualTo(201);

		Api.Response fourth = Open311Forms.post(port, "json", withKey, null, null);
		assertThat(fourth.status()).isEqualTo(429);
		assertThat(fourth.header("Retry-After")).matches("\\d+");
		assertThat(fourth.json().get(0).path("code").asInt()).isEqualTo(429);
		assertThat(fourth.json().get(0).path("description").asString()).contains("too many reports from this account");
		// reading needs no key
		assertThat(Api.anonymous(port).get("/open311/v2/services.json").status()).isEqualTo(200);
	}

}
