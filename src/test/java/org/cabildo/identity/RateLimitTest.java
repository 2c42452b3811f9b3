package org.cabildo.identity;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;

import org.cabildo.IntegrationTest;
import org.cabildo.support.Api;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.TestPropertySource;

/** Failed sign-ins and anonymous writes are limited: 429 with Retry-After beyond the limit. */
@IntegrationTest
@TestPropertySource(properties = { "cabildo.identity.limits.sign-in-failures-per-username=3",
		"cabildo.identity.limits.sign-in-failures-per-address=1000",
		"cabildo.identity.limits.anonymous-writes-per-address=5" })
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

}
