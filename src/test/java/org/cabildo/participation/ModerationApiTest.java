package org.cabildo.participation;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ThreadLocalRandom;

import org.cabildo.IntegrationTest;
import org.cabildo.support.Api;
import org.cabildo.support.TestMailbox;
import org.cabildo.support.TestResidents;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

import tools.jackson.databind.JsonNode;

/**
 * The moderators' queue over HTTP: what the public flags reaches the city's admins, the most
 * flagged first; kept with a reason the ledger holds, it leaves the queue until flagged again;
 * hidden, it leaves for good; nobody else reads the queue or keeps anything.
 */
@IntegrationTest
class ModerationApiTest {

	@LocalServerPort
	int port;

	@Autowired
	TestMailbox mailbox;

	private String report(String description) {
		Map<String, String> fields = Map.of("service_code", "pothole", "description", description, "lat",
				Double.toString(ThreadLocalRandom.current().nextDouble(19.05, 19.55)), "long",
				Double.toString(ThreadLocalRandom.current().nextDouble(-99.35, -98.95)));
		Api.Response filed = Open311Forms.post(port, "json", fields, null, null);
		assertThat(filed.status()).as("%s", filed).isEqualTo(201);
		return filed.json().get(0).path("service_request_id").asString();
	}

	private static int flagsOf(JsonNode queue, String kind, String id) {
		for (JsonNode item : queue.path(kind)) {
			if (item.path("id").asString().equals(id)) {
				return item.path("flags").asInt();
			}
		}
		return 0;
	}

	@Test
	void flaggedReportsAndProposalsReachTheCitysAdminsWhoKeepOrHideThem() {
		Api city = new Api(port);
		Api anyone = Api.anonymous(port);
		String marker = UUID.randomUUID().toString().substring(0, 8);
		String twice = report("flagged twice " + marker);
		String once = report("flagged once " + marker);
		String never = report("never flagged " + marker);
		for (int i = 0; i < 2; i++) {
			assertThat(anyone.post("/api/participation/requests/" + twice + "/abuse", Map.of()).status()).isEqualTo(202);
		}
		assertThat(anyone.post("/api/participation/requests/" + once + "/abuse", Map.of()).status()).isEqualTo(202);
		Api author = TestResidents.verified(port, mailbox);
		String proposal = author.post("/api/participation/proposals", Map.of("title", "Marcada " + marker, "text",
				"Texto.", "category", "movilidad")).json().path("id").asString();
		assertThat(anyone.post("/api/participation/proposals/" + proposal + "/abuse", Map.of()).status())
			.isEqualTo(202);

		Api.Response read = city.get("/api/participation/moderation");
		assertThat(read.status()).as("%s", read).isEqualTo(200);
		JsonNode queue = read.json();
		assertThat(flagsOf(queue, "reports", twice)).isEqualTo(2);
		assertThat(flagsOf(queue, "reports", once)).isEqualTo(1);
		assertThat(flagsOf(queue, "reports", never)).isZero();
		assertThat(flagsOf(queue, "proposals", proposal)).isEqualTo(1);
		// the most flagged first
		int previous = Integer.MAX_VALUE;
		for (JsonNode item : queue.path("reports")) {
			assertThat(item.path("flags").asInt()).isLessThanOrEqualTo(previous);
			previous = item.path("flags").asInt();
		}

		// nobody else reads the queue or keeps
		assertThat(anyone.get("/api/participation/moderation").status()).isEqualTo(401);
		assertThat(author.get("/api/participation/moderation").status()).isEqualTo(403);
		assertThat(author.post("/api/participation/requests/" + twice + "/keep", Map.of("reason", "fine")).status())
			.isEqualTo(403);
		assertThat(city.get("/api/participation/moderation").json().toString()).contains(marker);

		// kept with a reason: out of the queue, the reason in the ledger; flagged again, back in
		Api.Response noReason = city.post("/api/participation/requests/" + twice + "/keep", Map.of("reason", " "));
		assertThat(noReason.status()).isEqualTo(400);
		assertThat(noReason.body()).contains("reason");
		assertThat(city.post("/api/participation/requests/" + twice + "/keep",
				Map.of("reason", "a fair complaint, not an insult")).status()).isEqualTo(204);
		assertThat(flagsOf(city.get("/api/participation/moderation").json(), "reports", twice)).isZero();
		assertThat(city.post("/api/participation/requests/" + twice + "/keep", Map.of("reason", "again")).status())
			.isEqualTo(404);
		assertThat(city.get("/api/ledger?kind=report-kept").json().toString())
			.contains("service request " + twice + " kept despite its flags: a fair complaint, not an insult");
		assertThat(anyone.get("/open311/v2/requests/" + twice + ".json").status()).isEqualTo(200);
		assertThat(anyone.post("/api/participation/requests/" + twice + "/abuse", Map.of()).status()).isEqualTo(202);
		assertThat(flagsOf(city.get("/api/participation/moderation").json(), "reports", twice)).isEqualTo(1);

		// hidden: out of the queue for good, and it cannot be kept
		assertThat(city.post("/api/participation/proposals/" + proposal + "/hide", Map.of("reason", "spam")).status())
			.isEqualTo(204);
		assertThat(flagsOf(city.get("/api/participation/moderation").json(), "proposals", proposal)).isZero();
		assertThat(city.post("/api/participation/proposals/" + proposal + "/keep", Map.of("reason", "x")).status())
			.isEqualTo(404);
	}

}
