package org.cabildo.identity;

import static org.assertj.core.api.Assertions.assertThat;

import org.cabildo.IntegrationTest;
import org.cabildo.support.Api;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.TestPropertySource;

/**
 * An operator who exposes more actuator endpoints by configuration does not open them to the
 * public: they fall under the default refusal, like any route no rule allows.
 */
@IntegrationTest
@TestPropertySource(properties = "management.endpoints.web.exposure.include=health,info,env,beans")
class ActuatorExposureTest {

	@LocalServerPort
	int port;

	@Test
	@DisplayName("an actuator endpoint exposed by configuration is refused to the public and to people")
	void exposedEndpointsAreRefused() {
		for (String path : new String[] { "/actuator/env", "/actuator/beans", "/actuator" }) {
			assertThat(Api.anonymous(port).get(path).status()).as("anonymous %s", path).isEqualTo(401);
			Api.Response signedIn = new Api(port).get(path);
			assertThat(signedIn.status()).as("signed in %s", path).isEqualTo(403);
			assertThat(signedIn.body()).doesNotContain("propertySources").doesNotContain("contexts");
		}
		assertThat(Api.anonymous(port).get("/actuator/health").status()).isEqualTo(200);
	}

	@Test
	@DisplayName("an unknown path is still answered 404, not refused")
	void unknownPathIsNotFound() {
		assertThat(Api.anonymous(port).get("/nothing/here").status()).isEqualTo(404);
	}

}
