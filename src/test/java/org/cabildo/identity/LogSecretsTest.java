package org.cabildo.identity;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import org.cabildo.IntegrationTest;
import org.cabildo.support.Api;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

/**
 * No secret or token shows in the logs: this test signs in every way with secrets it knows
 * (right and wrong), creates tokens and devices, then searches the log file of the test run
 * (target/test-logs, everything logged so far by every test in this JVM) for all of them.
 */
@IntegrationTest
class LogSecretsTest {

	private static final Path LOG = Path.of("target/test-logs/cabildo-test.log");

	@LocalServerPort
	int port;

	@Autowired
	Organisations organisations;

	@Test
	@DisplayName("the secrets the tests use never show in the logs")
	void noSecretsInLogs() throws IOException {
		List<String> secrets = new ArrayList<>(List.of(Api.TEST_TOKEN, Api.TEST_PASSWORD));
		Api api = new Api(port);
		Api.Response token = api.post("/api/identity/tokens", Map.of("name", "log test"));
		assertThat(token.status()).isEqualTo(201);
		secrets.add(token.json().get("secret").asString());
		long organisation = organisations.named(Api.TEST_ORGANISATION).orElseThrow().id();
		Api.Response device = api.post("/api/identity/devices",
				Map.of("name", Accounts.unique("log-device"), "organisation", organisation));
		secrets.add(device.json().get("secret").asString());
		String personPassword = "person-password-" + Accounts.unique("p");
		String username = Accounts.unique("log-person");
		assertThat(api.post("/api/identity/people",
				Map.of("username", username, "password", personPassword, "organisation", organisation)).status())
			.isEqualTo(201);
		secrets.add(personPassword);
		String wrongPassword = "wrong-password-" + Accounts.unique("w");
		String wrongToken = "cbd_pat_" + Accounts.unique("not-a-token-at-all-but-long-enough");
		secrets.add(wrongPassword);
		secrets.add(wrongToken);
		Api anonymous = Api.anonymous(port);
		assertThat(anonymous.as(Api.basic(username, wrongPassword)).get("/api/identity/people/me").status())
			.isEqualTo(401);
		assertThat(anonymous.as(Api.basic(username, personPassword)).get("/api/identity/people/me").status())
			.isEqualTo(200);
		assertThat(anonymous.as(Api.bearer(wrongToken)).get("/api/identity/people/me").status()).isEqualTo(401);
		assertThat(anonymous.as(Api.bearer(secrets.get(2))).post("/v1.1/Things", Map.of("name", "x", "description",
				"y")).status()).isEqualTo(201);
		// malformed requests with credentials, so that error paths log too
		assertThat(api.post("/v1.1/Things", "{not json").status()).isEqualTo(400);
		assertThat(api.post("/api/identity/tokens", "{not json").status()).isEqualTo(400);

		assertThat(LOG).exists();
		String log = Files.readString(LOG, StandardCharsets.UTF_8);
		assertThat(log).isNotBlank();
		for (String secret : secrets) {
			assertThat(log).as("the log holds a secret").doesNotContain(secret);
		}
		// nor their Basic encodings
		assertThat(log).doesNotContain(Api.basic(Api.TEST_USER, Api.TEST_PASSWORD).substring(6));
	}

}
