package org.cabildo.sensing;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;

import org.cabildo.IntegrationTest;
import org.cabildo.support.Api;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.web.server.LocalServerPort;

@IntegrationTest
class SmokeTest {

	@LocalServerPort
	int port;

	@Test
	void createsAndReadsAThing() {
		Api api = new Api(port);
		Api.Response created = api.post("/v1.1/Things", Map.of("name", "smoke", "description", "a thing"));
		assertThat(created.status()).isEqualTo(201);
		Api.Response read = api.get("/v1.1/Things(" + created.id() + ")");
		assertThat(read.json().get("name").asString()).isEqualTo("smoke");
	}

}
