package org.cabildo.governance.objections;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;

import org.cabildo.IntegrationTest;
import org.cabildo.support.Api;
import org.cabildo.support.Fixtures;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.TestPropertySource;

/** Filing objections is limited per client address: 429 with Retry-After beyond the hourly limit. */
@IntegrationTest
@TestPropertySource(properties = "cabildo.identity.limits.objections-per-address=3")
class ObjectionRateLimitTest {

	@LocalServerPort
	int port;

	@Test
	@DisplayName("the fourth objection within the hour from one address gets 429 with Retry-After")
	void limited() {
		long datastream = new Api(port).post("/v1.1/Datastreams", Fixtures.datastreamWithThing("limited")).id();
		Api anonymous = Api.anonymous(port);
		String path = "/api/register/" + datastream + "/objections";
		for (int i = 0; i < 3; i++) {
			assertThat(anonymous.post(path, Map.of("category", "other", "text", "question " + i)).status())
				.isEqualTo(201);
		}
		Api.Response limited = anonymous.post(path, Map.of("category", "other", "text", "one more"));
		assertThat(limited.status()).as("%s", limited).isEqualTo(429);
		assertThat(Long.parseLong(limited.header("Retry-After"))).isBetween(1L, 3600L);
		assertThat(limited.header("Content-Type")).startsWith("application/problem+json");
		// signed in, from the same address: the limit is the address's
		assertThat(new Api(port).post(path, Map.of("category", "other", "text", "me too")).status()).isEqualTo(429);
		assertThat(anonymous.get(path).json().size()).isEqualTo(3);
	}

}
