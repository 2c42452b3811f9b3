package org.cabildo.governance.ledger;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.UUID;

import org.cabildo.IntegrationTest;
import org.cabildo.governance.AccessLedger;
import org.cabildo.governance.LedgerEvent;
import org.cabildo.identity.Organisation;
import org.cabildo.identity.Organisations;
import org.cabildo.identity.People;
import org.cabildo.identity.Person;
import org.cabildo.identity.Role;
import org.cabildo.identity.Tokens;
import org.cabildo.support.Api;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

import tools.jackson.databind.JsonNode;

/** The ledger's HTTP API: what each route answers, to whom, and how it refuses bad filters. */
@IntegrationTest
class LedgerControllerTest {

	@LocalServerPort
	int port;

	@Autowired
	AccessLedger ledger;

	@Autowired
	Organisations organisations;

	@Autowired
	People people;

	@Autowired
	Tokens tokens;

	private Organisation organisation;

	private Api auditor;

	private Api analyst;

	/** An id no other test uses, so that filters by it find only this test's entries. */
	private long datastream;

	private String purpose;

	@BeforeEach
	void setUp() {
		String unique = UUID.randomUUID().toString().substring(0, 8);
		organisation = organisations.create("ledger-" + unique);
		auditor = person(Role.AUDITOR, unique);
		analyst = person(Role.ANALYST, unique);
		datastream = 1_000_000 + (long) (Math.random() * 1_000_000_000);
		purpose = "purpose-" + unique;
	}

	private Api person(Role role, String unique) {
		Person person = people.create(role.label() + "-" + unique, null, organisation.id(), "test");
		people.grant(person.id(), organisation.id(), role, "test");
		return Api.anonymous(port).as(Api.bearer(tokens.create(person.id(), "ledger", null, "test").secret()));
	}

	private long read(String actor, long observations, long... datastreams) {
		Set<Long> ids = new java.util.HashSet<>();
		for (long id : datastreams) {
			ids.add(id);
		}
		return ledger.append(new LedgerEvent("read", actor, organisation.id(), purpose, ids,
				Instant.parse("2024-05-01T00:00:00Z"), Instant.parse("2024-05-02T00:00:00Z"), observations,
				"f".repeat(64), "GET /v1.1/Observations"));
	}

	@Test
	@DisplayName("GET /api/ledger/verify: public, valid, with the number of entries and the checkpoints checked")
	void verify() {
		read("alice", 1, datastream);
		Api.Response response = Api.anonymous(port).get("/api/ledger/verify");
		assertThat(response.status()).as("%s", response).isEqualTo(200);
		JsonNode body = response.json();
		assertThat(body.get("valid").asBoolean()).isTrue();
		assertThat(body.get("entries").asLong()).isPositive();
		assertThat(body.get("firstBroken").isNull()).isTrue();
		assertThat(body.get("checkpoints").has("checked")).isTrue();
		assertThat(body.get("checkpoints").get("valid").asBoolean()).isTrue();
		assertThat(Instant.parse(body.get("checkedAt").asString())).isBefore(Instant.now().plusSeconds(1));
	}

	@Test
	@DisplayName("GET /api/ledger: auditors see the entries newest first with every stored field; others are refused")
	void entriesForAuditors() {
		long first = read("alice", 3, datastream);
		long second = read("bob", 4, datastream, datastream + 1);
		assertThat(Api.anonymous(port).get("/api/ledger").status()).isEqualTo(401);
		assertThat(analyst.get("/api/ledger").status()).isEqualTo(403);

		JsonNode entries = auditor.get("/api/ledger", "datastream", String.valueOf(datastream)).json().get("entries");
		assertThat(seqs(entries)).containsExactly(second, first);
		JsonNode newest = entries.get(0);
		for (String field : List.of("seq", "recordedAt", "kind", "actor", "organisation", "purpose", "datastreams",
				"rangeStart", "rangeEnd", "observations", "fingerprint", "detail", "previousHash", "entryHash")) {
			assertThat(newest.has(field)).as(field).isTrue();
		}
		assertThat(newest.get("actor").asString()).isEqualTo("bob");
		assertThat(newest.get("previousHash").asString()).isEqualTo(entries.get(1).get("entryHash").asString());
		assertThat(newest.get("entryHash").asString()).hasSize(64);
	}

	@Test
	@DisplayName("GET /api/ledger filters by kind, organisation, purpose, datastream, actor and time, and pages")
	void filtersAndPages() {
		long a = read("alice", 1, datastream);
		long b = read("alice", 1, 10 * datastream, 10 * datastream + 1);
		long c = read("alice", 1, datastream);
		// the same actor as recorded: a username, not a part of one
		String actor = "reader-" + purpose;
		long d = ledger.append(new LedgerEvent("read", actor, null, "other-" + purpose,
				Set.of(10 * datastream), null, null, 1, "f".repeat(64), "GET /v1.1/Observations"));
		assertThat(seqs(auditor.get("/api/ledger", "actor", actor).json().get("entries"))).containsExactly(d);
		assertThat(seqs(auditor.get("/api/ledger", "actor", actor.substring(1)).json().get("entries"))).isEmpty();
		assertThat(seqs(auditor.get("/api/ledger", "actor", actor, "kind", "stage").json().get("entries"))).isEmpty();
		// a datastream matches whole ids only: 12 is not in "120,121"
		assertThat(seqs(auditor.get("/api/ledger", "datastream", String.valueOf(datastream)).json().get("entries")))
			.containsExactly(c, a);
		assertThat(seqs(auditor.get("/api/ledger", "purpose", purpose).json().get("entries"))).containsExactly(c, b, a);
		assertThat(seqs(auditor.get("/api/ledger", "purpose", purpose, "kind", "stage").json().get("entries"))).isEmpty();
		assertThat(seqs(auditor.get("/api/ledger", "organisation", String.valueOf(organisation.id()), "kind", "read")
			.json()
			.get("entries"))).containsExactly(c, b, a);
		assertThat(seqs(auditor.get("/api/ledger", "purpose", purpose, "from", "2000-01-01T00:00:00Z", "to",
				"2001-01-01T00:00:00Z").json().get("entries"))).isEmpty();
		assertThat(seqs(auditor.get("/api/ledger", "purpose", purpose, "from", Instant.now().minusSeconds(600).toString())
			.json()
			.get("entries"))).containsExactly(c, b, a);

		JsonNode page = auditor.get("/api/ledger", "purpose", purpose, "limit", "2").json();
		assertThat(seqs(page.get("entries"))).containsExactly(c, b);
		assertThat(page.get("nextAfterSeq").asLong()).isEqualTo(b);
		JsonNode next = auditor.get("/api/ledger", "purpose", purpose, "limit", "2", "afterSeq", String.valueOf(b)).json();
		assertThat(seqs(next.get("entries"))).containsExactly(a);
		assertThat(next.get("nextAfterSeq").isNull()).isTrue();
		assertThat(seqs(auditor.get("/api/ledger", "purpose", purpose, "limit", "2", "offset", "2").json().get("entries")))
			.containsExactly(a);
	}

	@Test
	@DisplayName("GET /api/ledger answers 400 naming the parameter for a bad filter value")
	void badFilters() {
		String[][] bad = { { "organisation", "abc" }, { "datastream", "1.5" }, { "from", "yesterday" },
				{ "to", "2024-13-01T00:00:00Z" }, { "limit", "0" }, { "limit", "1001" }, { "offset", "-1" },
				{ "afterSeq", "x" } };
		for (String[] parameter : bad) {
			Api.Response response = auditor.get("/api/ledger", parameter[0], parameter[1]);
			assertThat(response.status()).as("%s %s", parameter[0], response).isEqualTo(400);
			assertThat(response.header("Content-Type")).startsWith("application/problem+json");
			assertThat(response.json().get("parameter").asString()).isEqualTo(parameter[0]);
		}
		assertThat(Api.anonymous(port).get("/api/ledger/checkpoints", "limit", "many").json().get("parameter").asString())
			.isEqualTo("limit");
	}

	@Test
	@DisplayName("GET /api/ledger/summary: public counts of reads per organisation, purpose, datastream and month, no names")
	void summary() {
		read("carol-the-reader", 10, datastream, datastream + 1);
		read("carol-the-reader", 5, datastream);
		ledger.append(LedgerEvent.change("declaration", "carol-the-reader", organisation.id(), Set.of(datastream), "x"));
		Api.Response response = Api.anonymous(port).get("/api/ledger/summary");
		assertThat(response.status()).as("%s", response).isEqualTo(200);
		assertThat(response.body()).doesNotContain("carol-the-reader");
		List<JsonNode> mine = new ArrayList<>();
		response.json().get("groups").forEach(group -> {
			if (purpose.equals(group.path("purpose").asString(null))) {
				mine.add(group);
			}
		});
		String month = java.time.YearMonth.now(java.time.ZoneOffset.UTC).toString();
		assertThat(mine).hasSize(2).allSatisfy(group -> {
			assertThat(group.get("organisation").asLong()).isEqualTo(organisation.id());
			assertThat(group.get("month").asString()).isEqualTo(month);
		});
		JsonNode both = mine.stream().filter(g -> g.get("datastream").asLong() == datastream).findFirst().orElseThrow();
		assertThat(both.get("reads").asLong()).isEqualTo(2);
		assertThat(both.get("observations").asLong()).isEqualTo(15);
		JsonNode one = mine.stream().filter(g -> g.get("datastream").asLong() == datastream + 1).findFirst().orElseThrow();
		assertThat(one.get("reads").asLong()).isEqualTo(1);
		assertThat(response.json().get("reads").asLong()).isGreaterThanOrEqualTo(2);
	}

	@Test
	@DisplayName("the OpenAPI document describes the ledger's routes")
	void documented() {
		JsonNode paths = Api.anonymous(port).get("/v3/api-docs").json().get("paths");
		for (String path : List.of("/api/ledger", "/api/ledger/verify", "/api/ledger/checkpoints", "/api/ledger/summary")) {
			assertThat(paths.has(path)).as(path).isTrue();
		}
	}

	private static List<Long> seqs(JsonNode entries) {
		List<Long> seqs = new ArrayList<>();
		entries.forEach(entry -> seqs.add(entry.get("seq").asLong()));
		return seqs;
	}

}
