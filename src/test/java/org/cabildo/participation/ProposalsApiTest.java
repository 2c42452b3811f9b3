package org.cabildo.participation;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.UUID;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.ThreadLocalRandom;

import org.cabildo.IntegrationTest;
import org.cabildo.support.Api;
import org.cabildo.support.TestMailbox;
import org.cabildo.support.TestResidents;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.jdbc.core.simple.JdbcClient;

import tools.jackson.databind.JsonNode;

/**
 * Residents' proposals over HTTP: verified residents propose and support (once each, however
 * many requests come at once), a proposal with enough supports (three in the tests) goes to its
 * category's office for its district, which answers in public; bad input and the wrong callers
 * are refused with nothing stored; moderation hides with a reason the ledger keeps; the supports
 * counter stays equal to the supports' rows through any sequence of supports and withdrawals.
 */
@IntegrationTest
class ProposalsApiTest {

	private static final String PROPOSALS = "/api/participation/proposals";

	@LocalServerPort
	int port;

	@Autowired
	TestMailbox mailbox;

	@Autowired
	JdbcClient jdbc;

	@Autowired
	ParticipationSettings settings;

	@Autowired
	DeclaredDemographics declared;

	@Autowired
	org.cabildo.platform.CityTime city;

	@Autowired
	java.time.Clock clock;

	@Autowired
	org.cabildo.identity.Organisations organisations;

	@Autowired
	org.cabildo.identity.People people;

	@Autowired
	org.cabildo.identity.Tokens tokens;

	private Api resident() {
		return TestResidents.verified(port, mailbox);
	}

	/** A district of its own, far from the test jurisdiction's box, so that no report is placed in it. */
	private String district(String name, long population) {
		String code = "P" + UUID.randomUUID().toString().substring(0, 8);
		double lon = ThreadLocalRandom.current().nextDouble(2.0, 3.0);
		double lat = ThreadLocalRandom.current().nextDouble(41.0, 42.0);
		Api.Response imported = new Api(port).put("/api/districts", "{\"type\":\"FeatureCollection\",\"features\":[{"
				+ "\"type\":\"Feature\",\"properties\":{\"district_id\":\"" + code + "\",\"name\":\"" + name
				+ "\",\"population_2020\":" + population + "},\"geometry\":{\"type\":\"Polygon\",\"coordinates\":[[[" + lon
				+ "," + lat + "],[" + (lon + 0.01) + "," + lat + "],[" + (lon + 0.01) + "," + (lat + 0.01) + "],[" + lon + ","
				+ (lat + 0.01) + "],[" + lon + "," + lat + "]]]}}]}");
		assertThat(imported.status()).as("%s", imported).isEqualTo(200);
		return code;
	}

	private long propose(Api author, String title, String district, String category) {
		Map<String, Object> body = new HashMap<>(Map.of("title", title, "text", "Texto de " + title, "category",
				category));
		if (district != null) {
			body.put("district", district);
		}
		Api.Response made = author.post(PROPOSALS, body);
		assertThat(made.status()).as("%s", made).isEqualTo(201);
		return made.json().path("id").asLong();
	}

	private JsonNode read(long id) {
		Api.Response one = Api.anonymous(port).get(PROPOSALS + "/" + id);
		assertThat(one.status()).as("%s", one).isEqualTo(200);
		return one.json();
	}

	private long rows(long id) {
		return jdbc.sql("SELECT COUNT(*) FROM proposal_supports WHERE proposal_id = ?").param(id).query(Long.class).single();
	}

	private int counter(long id) {
		return jdbc.sql("SELECT supports FROM proposals WHERE id = ?").param(id).query(Integer.class).single();
	}

	private static String email(Api resident) {
		return resident.get("/api/residents/me").json().path("email").asString();
	}

	private long declaredCount(String kind, String district, String gender, String ageBand) {
		java.time.LocalDate today = city.today(clock);
		return declared.between(today, today)
			.stream()
			.filter(c -> c.kind().equals(kind) && c.district().equals(district) && c.gender().equals(gender)
					&& c.ageBand().equals(ageBand))
			.mapToLong(DeclaredDemographics.Counter::filings)
			.sum();
	}

	@Test
	void whatProposersAndSupportersChooseToSayIsCountedApartAndAWrongValueStoresNothing() {
		String district = district("Declarado " + UUID.randomUUID().toString().substring(0, 6), 50_000);
		Api author = resident();
		Api.Response made = author.post(PROPOSALS, Map.of("title", "Bancas en la plaza", "text", "Más bancas.",
				"district", district, "category", "espacio-publico", "declaredGender", "woman", "declaredAgeBand",
				"60-74"));
		assertThat(made.status()).as("%s", made).isEqualTo(201);
		long id = made.json().path("id").asLong();
		assertThat(declaredCount("proposal", district, "woman", "60-74")).isEqualTo(1);
		// nothing that links the count to the proposal or its author is answered
		assertThat(made.body()).doesNotContain("woman").doesNotContain("60-74");

		Api supporter = resident();
		Api.Response supported = supporter.post(PROPOSALS + "/" + id + "/supports",
				Map.of("declaredAgeBand", "75-plus"));
		assertThat(supported.status()).as("%s", supported).isEqualTo(201);
		assertThat(declaredCount("support", district, "", "75-plus")).isEqualTo(1);
		// a support that says nothing counts nothing
		assertThat(resident().post(PROPOSALS + "/" + id + "/supports", null).status()).isEqualTo(201);
		assertThat(declaredCount("support", district, "", "")).isZero();

		Api.Response wrong = resident().post(PROPOSALS + "/" + id + "/supports", Map.of("declaredGender", "robot"));
		assertThat(wrong.status()).as("%s", wrong).isEqualTo(400);
		assertThat(wrong.body()).contains("declaredGender");
		assertThat(read(id).path("supports").asInt()).isEqualTo(2);
		Api.Response wrongProposal = author.post(PROPOSALS, Map.of("title", "Otra", "text", "Otra.", "district",
				district, "category", "espacio-publico", "declaredAgeBand", "ancient"));
		assertThat(wrongProposal.status()).as("%s", wrongProposal).isEqualTo(400);
		assertThat(wrongProposal.body()).contains("declaredAgeBand");
		assertThat(jdbc.sql("SELECT COUNT(*) FROM proposals WHERE district_id = ?").param(district).query(Long.class)
			.single()).isEqualTo(1);
	}

	@Test
	void theAuthorAndFollowersAreToldWhenTheProposalReachesItsOfficeAndWhenItIsAnswered() {
		String district = district("Avisos " + UUID.randomUUID().toString().substring(0, 6), 80_000);
		Api author = resident();
		Api follower = resident();
		Api leaver = resident();
		String title = "Luminarias en el callejón " + UUID.randomUUID().toString().substring(0, 6);
		long id = propose(author, title, district, "servicios-urbanos");
		assertThat(follower.post(PROPOSALS + "/" + id + "/follow", null).status()).isEqualTo(204);
		assertThat(leaver.post(PROPOSALS + "/" + id + "/follow", null).status()).isEqualTo(204);
		assertThat(leaver.delete(PROPOSALS + "/" + id + "/follow").status()).isEqualTo(204);
		List<Api> supporters = List.of(resident(), resident(), resident());
		for (Api supporter : supporters) {
			assertThat(supporter.post(PROPOSALS + "/" + id + "/supports", null).status()).isEqualTo(201);
		}
		for (Api told : List.of(author, follower)) {
			var mails = mailbox.mailsTo(email(told), title, 1);
			assertThat(mails).hasSize(1);
			assertThat(mails.get(0).subject()).contains(title);
			assertThat(mails.get(0).text()).contains("3 apoyos").contains("/proposals/" + id);
		}
		assertThat(mailbox.mailsTo(email(leaver), title, 1)).isEmpty();
		// supporting is not following
		assertThat(mailbox.mailsTo(email(supporters.get(0)), title, 1)).isEmpty();

		Api.Response answered = new Api(port).post(PROPOSALS + "/" + id + "/answer",
				Map.of("text", "Se instalan en marzo.", "outcome", "accepted"));
		assertThat(answered.status()).as("%s", answered).isEqualTo(200);
		for (Api told : List.of(author, follower)) {
			var mails = mailbox.mailsTo(email(told), title, 2);
			assertThat(mails).hasSize(2);
			assertThat(mails.get(1).text()).contains("Se instalan en marzo.").contains("accepted");
		}
		assertThat(mailbox.mailsTo(email(leaver), title, 1)).isEmpty();
	}

	@Test
	void threeSupportsForwardAProposalToItsDistrictsOfficeWhichAnswersInPublic() {
		String name = "Prado " + UUID.randomUUID().toString().substring(0, 6);
		String district = district(name, 100_000);
		Api author = resident();
		Api.Response made = author.post(PROPOSALS, Map.of("title", "Un parque en el predio baldío", "text",
				"Que el predio de la esquina sea un parque.", "district", district, "category", "espacio-publico"));
		assertThat(made.status()).as("%s", made).isEqualTo(201);
		long id = made.json().path("id").asLong();
		assertThat(made.header("Location")).endsWith(PROPOSALS + "/" + id);
		JsonNode open = read(id);
		assertThat(open.path("status").asString()).isEqualTo("open");
		assertThat(open.path("supports").asInt()).isZero();
		assertThat(open.path("supportThreshold").asInt()).isEqualTo(3);
		assertThat(open.path("districtName").asString()).isEqualTo(name);
		assertThat(open.path("categoryName").asString()).isEqualTo("Espacio público");
		assertThat(open.path("office").isNull()).isTrue();
		// who proposed is no one's business but theirs
		assertThat(open.toString()).doesNotContain(email(author)).doesNotContain("person");

		List<Api> supporters = List.of(resident(), resident(), resident());
		for (int i = 0; i < 2; i++) {
			Api.Response supported = supporters.get(i).post(PROPOSALS + "/" + id + "/supports", null);
			assertThat(supported.status()).as("%s", supported).isEqualTo(201);
			assertThat(supported.json().path("supports").asInt()).isEqualTo(i + 1);
			assertThat(supported.json().path("status").asString()).isEqualTo("open");
		}
		Instant before = Instant.now().minusSeconds(1);
		Api.Response third = supporters.get(2).post(PROPOSALS + "/" + id + "/supports", null);
		assertThat(third.status()).as("%s", third).isEqualTo(201);
		JsonNode forwarded = read(id);
		assertThat(forwarded.path("status").asString()).isEqualTo("forwarded");
		assertThat(forwarded.path("supports").asInt()).isEqualTo(3);
		assertThat(forwarded.path("office").asString()).isEqualTo("Alcaldía " + name + " · Desarrollo Urbano");
		Instant at = Instant.parse(forwarded.path("forwardedAt").asString());
		assertThat(at).isBetween(before, Instant.now().plusSeconds(1));
		assertThat(Instant.parse(forwarded.path("answerDue").asString()))
			.isEqualTo(at.plus(settings.proposals().answerWithin()));

		// a second support by the same person is refused, and counts nothing
		Api.Response again = supporters.get(0).post(PROPOSALS + "/" + id + "/supports", null);
		assertThat(again.status()).as("%s", again).isEqualTo(409);
		assertThat(again.json().path("detail").asString()).contains("already supported");
		assertThat(read(id).path("supports").asInt()).isEqualTo(3);
		assertThat(rows(id)).isEqualTo(3);

		// a resident is not the office; the office answers, first "in study", then for good
		assertThat(author.post(PROPOSALS + "/" + id + "/answer", Map.of("text", "sí", "outcome", "accepted")).status())
			.isEqualTo(403);
		Api office = new Api(port);
		Api.Response badOutcome = office.post(PROPOSALS + "/" + id + "/answer", Map.of("text", "x", "outcome", "maybe"));
		assertThat(badOutcome.status()).isEqualTo(400);
		assertThat(badOutcome.json().path("pointer").asString()).isEqualTo("/outcome");
		assertThat(office.post(PROPOSALS + "/" + id + "/answer", Map.of("outcome", "accepted")).json().path("pointer")
			.asString()).isEqualTo("/text");
		Api.Response studying = office.post(PROPOSALS + "/" + id + "/answer", Map.of("text",
				"Lo revisa el área de proyectos.", "outcome", "in-study"));
		assertThat(studying.status()).as("%s", studying).isEqualTo(200);
		assertThat(studying.json().path("answer").path("outcome").asString()).isEqualTo("in-study");
		Api.Response accepted = office.post(PROPOSALS + "/" + id + "/answer", Map.of("text",
				"Se construirá el parque en 2026.", "outcome", "accepted"));
		assertThat(accepted.status()).as("%s", accepted).isEqualTo(200);
		JsonNode answered = read(id);
		assertThat(answered.path("status").asString()).isEqualTo("answered");
		assertThat(answered.path("answer").path("text").asString()).isEqualTo("Se construirá el parque en 2026.");
		assertThat(answered.path("answer").path("outcome").asString()).isEqualTo("accepted");
		assertThat(answered.path("answer").path("answeredBy").asString()).isEqualTo(Api.TEST_USER);
		assertThat(office.post(PROPOSALS + "/" + id + "/answer", Map.of("text", "otra", "outcome", "rejected"))
			.status()).isEqualTo(409);

		// withdrawing counts one less, and leaves the proposal with its office
		assertThat(supporters.get(0).delete(PROPOSALS + "/" + id + "/supports").status()).isEqualTo(204);
		assertThat(supporters.get(0).delete(PROPOSALS + "/" + id + "/supports").status()).isEqualTo(204);
		JsonNode withdrawn = read(id);
		assertThat(withdrawn.path("supports").asInt()).isEqualTo(2);
		assertThat(withdrawn.path("status").asString()).isEqualTo("answered");
		assertThat(rows(id)).isEqualTo(2);
		// and the person may support it again
		assertThat(supporters.get(0).post(PROPOSALS + "/" + id + "/supports", null).status()).isEqualTo(201);
		assertThat(counter(id)).isEqualTo(3);
	}

	/** An operator of an organisation of its own, by its API token. */
	private Api operatorOf(String organisation) {
		long id = organisations.create(organisation).id();
		var person = people.create("op-" + UUID.randomUUID().toString().substring(0, 8), null, id, "test");
		people.grant(person.id(), id, org.cabildo.identity.Role.OPERATOR, "test");
		return Api.anonymous(port).as(Api.bearer(tokens.create(person.id(), "office", null, "test").secret()));
	}

	@Test
	void theOfficeItWentToAnswersThroughItsOwnOperatorsAndNoOtherOffice() {
		String name = "Oriente " + UUID.randomUUID().toString().substring(0, 6);
		long id = propose(resident(), "Bacheo de la calle 5", district(name, 10_000), "servicios-urbanos");
		for (int i = 0; i < 3; i++) {
			assertThat(resident().post(PROPOSALS + "/" + id + "/supports", null).status()).isEqualTo(201);
		}
		String office = "Alcaldía " + name + " · Obras y Servicios Urbanos";
		assertThat(read(id).path("office").asString()).isEqualTo(office);
		Api.Response elsewhere = operatorOf("Otra oficina " + UUID.randomUUID()).post(PROPOSALS + "/" + id + "/answer",
				Map.of("text", "no es nuestro", "outcome", "rejected"));
		assertThat(elsewhere.status()).as("%s", elsewhere).isEqualTo(403);
		assertThat(elsewhere.json().path("rule").asString()).isEqualTo("office-answers");
		Api.Response own = operatorOf(office).post(PROPOSALS + "/" + id + "/answer", Map.of("text",
				"Programado para la próxima semana.", "outcome", "accepted"));
		assertThat(own.status()).as("%s", own).isEqualTo(200);
		assertThat(read(id).path("answer").path("answeredBy").asString()).startsWith("op-");
	}

	@Test
	void anOpenProposalIsNotAnsweredAndTheAuthorSupportsTheirOwnAsOnePerson() {
		Api author = resident();
		long id = propose(author, "Ciclovía en la avenida", null, "movilidad");
		Api.Response early = new Api(port).post(PROPOSALS + "/" + id + "/answer", Map.of("text", "no", "outcome",
				"rejected"));
		assertThat(early.status()).as("%s", early).isEqualTo(409);
		assertThat(author.post(PROPOSALS + "/" + id + "/supports", null).status()).isEqualTo(201);
		assertThat(author.post(PROPOSALS + "/" + id + "/supports", null).status()).isEqualTo(409);
		assertThat(read(id).path("supports").asInt()).isEqualTo(1);
		// a proposal about no district goes to the category's office as it is named
		resident().post(PROPOSALS + "/" + id + "/supports", null);
		resident().post(PROPOSALS + "/" + id + "/supports", null);
		assertThat(read(id).path("office").asString()).isEqualTo("Secretaría de Movilidad");
	}

	@Test
	void onePersonsSupportsSentAtOnceLeaveOneRowAndTheDatabaseRefusesASecond() throws Exception {
		long id = propose(resident(), "Semáforo peatonal", null, "seguridad-vial");
		Api supporter = resident();
		int threads = 8;
		ExecutorService pool = Executors.newFixedThreadPool(threads);
		try {
			CountDownLatch start = new CountDownLatch(1);
			List<Future<Integer>> answers = new ArrayList<>();
			for (int i = 0; i < threads; i++) {
				answers.add(pool.submit(() -> {
					start.await();
					return supporter.post(PROPOSALS + "/" + id + "/supports", null).status();
				}));
			}
			start.countDown();
			List<Integer> statuses = new ArrayList<>();
			for (Future<Integer> answer : answers) {
				statuses.add(answer.get());
			}
			assertThat(statuses).as("%s", statuses).containsOnlyOnce(201).containsOnly(201, 409);
		}
		finally {
			pool.shutdownNow();
		}
		assertThat(rows(id)).isEqualTo(1);
		assertThat(counter(id)).isEqualTo(1);
		assertThat(read(id).path("supports").asInt()).isEqualTo(1);
		// the primary key itself refuses a second row for the same person, whatever the code does
		long person = jdbc.sql("SELECT person_id FROM proposal_supports WHERE proposal_id = ?").param(id)
			.query(Long.class).single();
		assertThatThrownBy(() -> jdbc
			.sql("INSERT INTO proposal_supports (proposal_id, person_id, supported_at) VALUES (?, ?, CURRENT_TIMESTAMP)")
			.params(id, person)
			.update()).isInstanceOf(DuplicateKeyException.class);
	}

	@Test
	void onlyVerifiedResidentsProposeSupportAndCommentAndNothingIsStoredForOthers() {
		long id = propose(resident(), "Árboles en la calle", null, "medio-ambiente");
		String marker = "refused " + UUID.randomUUID();
		Map<String, Object> proposal = Map.of("title", marker, "text", marker, "category", "movilidad");
		Api anyone = Api.anonymous(port);
		assertThat(anyone.post(PROPOSALS, proposal).status()).isEqualTo(401);
		assertThat(anyone.post(PROPOSALS + "/" + id + "/supports", null).status()).isEqualTo(401);
		assertThat(anyone.post(PROPOSALS + "/" + id + "/comments", Map.of("text", marker)).status()).isEqualTo(401);
		assertThat(anyone.post(PROPOSALS + "/" + id + "/follow", null).status()).isEqualTo(401);
		Api unverified = TestResidents.unverified(port);
		for (Api caller : List.of(unverified, new Api(port))) {
			Api.Response refused = caller.post(PROPOSALS, proposal);
			assertThat(refused.status()).as("%s", refused).isEqualTo(403);
			assertThat(refused.json().path("rule").asString()).isEqualTo("verified-resident");
			assertThat(caller.post(PROPOSALS + "/" + id + "/supports", null).status()).isEqualTo(403);
			assertThat(caller.post(PROPOSALS + "/" + id + "/comments", Map.of("text", marker)).status()).isEqualTo(403);
		}
		assertThat(jdbc.sql("SELECT COUNT(*) FROM proposals WHERE title = ?").param(marker).query(Long.class).single())
			.isZero();
		assertThat(jdbc.sql("SELECT COUNT(*) FROM proposal_comments WHERE body = ?").param(marker).query(Long.class)
			.single()).isZero();
		assertThat(rows(id)).isZero();
		assertThat(counter(id)).isZero();
	}

	@Test
	void badProposalsAreRefusedNamingTheFieldAndNothingIsStored() {
		Api author = resident();
		String district = district("Refusals", 10_000);
		String marker = "bad " + UUID.randomUUID();
		record Bad(Map<String, Object> body, String pointer) {
		}
		List<Bad> bad = List.of(new Bad(Map.of("text", marker, "category", "movilidad"), "/title"),
				new Bad(Map.of("title", "  ", "text", marker, "category", "movilidad"), "/title"),
				new Bad(Map.of("title", "x".repeat(201), "text", marker, "category", "movilidad"), "/title"),
				new Bad(Map.of("title", marker, "category", "movilidad"), "/text"),
				new Bad(Map.of("title", marker, "text", marker + "y".repeat(4000), "category", "movilidad"), "/text"),
				new Bad(Map.of("title", marker, "text", marker, "category", "movilidad", "district", "no-such-district"),
						"/district"),
				new Bad(Map.of("title", marker, "text", marker, "category", "dragones", "district", district), "/category"),
				new Bad(Map.of("title", marker, "text", marker, "district", district), "/category"));
		for (Bad each : bad) {
			Api.Response refused = author.post(PROPOSALS, each.body());
			assertThat(refused.status()).as("%s → %s", each, refused).isEqualTo(400);
			assertThat(refused.json().path("pointer").asString()).as("%s", refused).isEqualTo(each.pointer());
		}
		assertThat(jdbc.sql("SELECT COUNT(*) FROM proposals WHERE title = ? OR body LIKE ?")
			.params(marker, marker + "%")
			.query(Long.class)
			.single()).isZero();
		// the longest title and text are taken
		assertThat(author.post(PROPOSALS, Map.of("title", "t".repeat(200), "text", "x".repeat(4000), "category",
				"movilidad", "district", district)).status()).isEqualTo(201);
		// and the list's parameters are checked as well
		Api anyone = Api.anonymous(port);
		for (String query : List.of("?limit=0", "?limit=101", "?status=closed", "?category=dragones")) {
			Api.Response refused = anyone.get(PROPOSALS + query);
			assertThat(refused.status()).as("%s → %s", query, refused).isEqualTo(400);
			assertThat(refused.json().path("parameter").asString()).isNotEmpty();
		}
	}

	@Test
	void theListIsNewestFirstFilteredAndPagedAndLeavesHiddenOnesOut() {
		String district = district("Lista", 10_000);
		Api author = resident();
		long first = propose(author, "primera", district, "movilidad");
		long second = propose(author, "segunda", district, "medio-ambiente");
		long third = propose(author, "tercera", district, "movilidad");
		Api anyone = Api.anonymous(port);
		assertThat(ids(anyone.get(PROPOSALS + "?district=" + district).json())).containsExactly(third, second, first);
		assertThat(ids(anyone.get(PROPOSALS + "?district=" + district + "&category=movilidad").json()))
			.containsExactly(third, first);
		assertThat(ids(anyone.get(PROPOSALS + "?district=" + district + "&status=forwarded").json())).isEmpty();
		JsonNode page = anyone.get(PROPOSALS + "?district=" + district + "&limit=2").json();
		assertThat(ids(page)).containsExactly(third, second);
		assertThat(page.path("nextBefore").asLong()).isEqualTo(second);
		JsonNode next = anyone.get(PROPOSALS + "?district=" + district + "&limit=2&before=" + second).json();
		assertThat(ids(next)).as("%s", next).containsExactly(first);
		assertThat(next.path("nextBefore").isNull()).isTrue();
		// the whole city's list has the newest first too
		assertThat(ids(anyone.get(PROPOSALS + "?limit=100").json())).contains(third, second, first);

		// anyone flags; only the city's admins hide, with a reason the ledger keeps
		assertThat(anyone.post(PROPOSALS + "/" + second + "/abuse", null).status()).isEqualTo(202);
		assertThat(author.post(PROPOSALS + "/" + second + "/hide", Map.of("reason", "mine")).status()).isEqualTo(403);
		Api office = new Api(port);
		Api.Response noReason = office.post(PROPOSALS + "/" + second + "/hide", Map.of("reason", " "));
		assertThat(noReason.status()).isEqualTo(400);
		assertThat(noReason.json().path("pointer").asString()).isEqualTo("/reason");
		String reason = "insulta a un vecino " + UUID.randomUUID();
		assertThat(office.post(PROPOSALS + "/" + second + "/hide", Map.of("reason", reason)).status()).isEqualTo(204);
		Api.Response gone = anyone.get(PROPOSALS + "/" + second);
		assertThat(gone.status()).isEqualTo(404);
		assertThat(gone.json().path("detail").asString()).contains("hidden by moderation");
		assertThat(ids(anyone.get(PROPOSALS + "?district=" + district).json())).containsExactly(third, first);
		assertThat(resident().post(PROPOSALS + "/" + second + "/supports", null).status()).isEqualTo(404);
		assertThat(anyone.get(PROPOSALS + "/" + second + "/comments").status()).isEqualTo(404);
		JsonNode ledger = office.get("/api/ledger?kind=proposal-hidden").json();
		assertThat(ledger.toString()).contains("proposal " + second + " hidden: " + reason);
	}

	@Test
	void residentsCommentAndFollowAndTheCityHidesAComment() {
		Api author = resident();
		long id = propose(author, "Más luminarias", null, "servicios-urbanos");
		Api neighbour = resident();
		Api.Response byAuthor = author.post(PROPOSALS + "/" + id + "/comments", Map.of("text", "Gracias por leer."));
		assertThat(byAuthor.status()).as("%s", byAuthor).isEqualTo(201);
		assertThat(byAuthor.json().path("byProposer").asBoolean()).isTrue();
		Api.Response byNeighbour = neighbour.post(PROPOSALS + "/" + id + "/comments", Map.of("text", "¡De acuerdo!"));
		assertThat(byNeighbour.status()).isEqualTo(201);
		assertThat(byNeighbour.json().path("byProposer").asBoolean()).isFalse();
		Api.Response tooLong = neighbour.post(PROPOSALS + "/" + id + "/comments", Map.of("text", "z".repeat(2001)));
		assertThat(tooLong.status()).isEqualTo(400);
		assertThat(tooLong.json().path("pointer").asString()).isEqualTo("/text");
		assertThat(neighbour.post(PROPOSALS + "/" + id + "/comments", Map.of()).status()).isEqualTo(400);
		JsonNode comments = Api.anonymous(port).get(PROPOSALS + "/" + id + "/comments").json();
		assertThat(comments.size()).isEqualTo(2);
		assertThat(comments.get(0).path("text").asString()).isEqualTo("Gracias por leer.");
		assertThat(comments.get(1).path("text").asString()).isEqualTo("¡De acuerdo!");
		assertThat(comments.toString()).doesNotContain(email(author)).doesNotContain(email(neighbour))
			.doesNotContain("person");
		assertThat(read(id).path("comments").asLong()).isEqualTo(2);

		// a resident follows, once however often they ask, verified or not; staff accounts are not residents
		Api unverified = TestResidents.unverified(port);
		assertThat(neighbour.post(PROPOSALS + "/" + id + "/follow", null).status()).isEqualTo(204);
		assertThat(neighbour.post(PROPOSALS + "/" + id + "/follow", null).status()).isEqualTo(204);
		assertThat(unverified.post(PROPOSALS + "/" + id + "/follow", null).status()).isEqualTo(204);
		assertThat(new Api(port).post(PROPOSALS + "/" + id + "/follow", null).status()).isEqualTo(403);
		assertThat(read(id).path("followers").asLong()).isEqualTo(2);
		assertThat(neighbour.delete(PROPOSALS + "/" + id + "/follow").status()).isEqualTo(204);
		assertThat(read(id).path("followers").asLong()).isEqualTo(1);

		long comment = byNeighbour.json().path("id").asLong();
		assertThat(author.post(PROPOSALS + "/" + id + "/comments/" + comment + "/hide", Map.of("reason", "no"))
			.status()).isEqualTo(403);
		String reason = "spam " + UUID.randomUUID();
		assertThat(new Api(port).post(PROPOSALS + "/" + id + "/comments/" + comment + "/hide", Map.of("reason", reason))
			.status()).isEqualTo(204);
		JsonNode left = Api.anonymous(port).get(PROPOSALS + "/" + id + "/comments").json();
		assertThat(left.size()).isEqualTo(1);
		assertThat(read(id).path("comments").asLong()).isEqualTo(1);
		assertThat(new Api(port).get("/api/ledger?kind=proposal-comment-hidden").json().toString())
			.contains("comment " + comment + " on proposal " + id + " hidden: " + reason);
	}

	@Test
	void proposalsCommentsAndSupportsShareOneHourlyAllowancePerPerson() {
		Api busy = resident();
		long id = propose(busy, "Muchas ideas", null, "movilidad");
		int perHour = settings.proposals().perHour();
		for (int i = 1; i < perHour; i++) {
			Api.Response commented = busy.post(PROPOSALS + "/" + id + "/comments", Map.of("text", "comentario " + i));
			assertThat(commented.status()).as("comment %d: %s", i, commented).isEqualTo(201);
		}
		Api.Response refused = busy.post(PROPOSALS + "/" + id + "/supports", null);
		assertThat(refused.status()).as("%s", refused).isEqualTo(429);
		assertThat(Long.parseLong(refused.header("Retry-After"))).isBetween(1L, 3600L);
		assertThat(counter(id)).isZero();
		assertThat(rows(id)).isZero();
		assertThat(busy.post(PROPOSALS, Map.of("title", "otra", "text", "otra", "category", "movilidad")).status())
			.isEqualTo(429);
		// another person's allowance is their own
		assertThat(resident().post(PROPOSALS + "/" + id + "/supports", null).status()).isEqualTo(201);
	}

	/**
	 * Random sequences of supports and withdrawals by a few people, each person's in order and the
	 * people at once: every answer is what that person's own sequence makes it (201 when not
	 * supporting yet, 409 when supporting, 204 for a withdrawal), and at the end the counter, the
	 * rows and the public count all equal the people whose last step was a support.
	 */
	@Test
	void theCounterEqualsTheDistinctCurrentSupportersAfterAnySequence() throws Exception {
		long seed = System.nanoTime();
		Random random = new Random(seed);
		List<Api> people = List.of(resident(), resident(), resident(), resident());
		Api author = resident();
		ExecutorService pool = Executors.newFixedThreadPool(people.size());
		try {
			for (int round = 0; round < 8; round++) {
				long id = propose(author, "ronda " + round, null, "movilidad");
				List<List<Boolean>> steps = new ArrayList<>();
				for (int p = 0; p < people.size(); p++) {
					List<Boolean> supports = new ArrayList<>();
					int length = random.nextInt(6);
					for (int s = 0; s < length; s++) {
						supports.add(random.nextInt(3) > 0);
					}
					steps.add(supports);
				}
				CountDownLatch start = new CountDownLatch(1);
				List<Future<List<String>>> runs = new ArrayList<>();
				for (int p = 0; p < people.size(); p++) {
					Api person = people.get(p);
					List<Boolean> own = steps.get(p);
					runs.add(pool.submit(() -> {
						start.await();
						List<String> wrong = new ArrayList<>();
						boolean supporting = false;
						for (boolean support : own) {
							Api.Response answer = support ? person.post(PROPOSALS + "/" + id + "/supports", null)
									: person.delete(PROPOSALS + "/" + id + "/supports");
							int expected = !support ? 204 : supporting ? 409 : 201;
							if (answer.status() != expected) {
								wrong.add((support ? "support" : "withdraw") + ": expected " + expected + ", got " + answer);
							}
							supporting = support;
						}
						return wrong;
					}));
				}
				start.countDown();
				List<String> wrong = new ArrayList<>();
				for (Future<List<String>> run : runs) {
					wrong.addAll(run.get());
				}
				long supporters = steps.stream().filter(s -> !s.isEmpty() && s.getLast()).count();
				String context = "seed " + seed + ", round " + round + ", steps " + steps;
				assertThat(wrong).as(context).isEmpty();
				assertThat(rows(id)).as(context).isEqualTo(supporters);
				assertThat(counter(id)).as(context).isEqualTo(supporters);
				JsonNode read = read(id);
				assertThat(read.path("supports").asLong()).as(context).isEqualTo(supporters);
				// forwarded once it reached three, and it stays so
				boolean everThree = read.path("status").asString().equals("forwarded");
				assertThat(everThree || supporters < 3).as(context).isTrue();
			}
		}
		finally {
			pool.shutdownNow();
		}
	}

	@Test
	void theOpenApiDocumentDescribesTheAnswersWithoutWhoWroteThem() {
		JsonNode schemas = Api.anonymous(port).get("/v3/api-docs").json().path("components").path("schemas");
		for (String answer : List.of("ProposalView", "ProposalPage", "CommentView", "CategoryView")) {
			assertThat(schemas.has(answer)).as("a schema of %s", answer).isTrue();
		}
		assertThat(schemas.path("ProposalView").path("properties").has("supports")).isTrue();
		for (String view : List.of("ProposalView", "CommentView")) {
			assertThat(schemas.path(view).path("properties").propertyNames())
				.noneMatch(name -> name.toLowerCase(java.util.Locale.ROOT).contains("person")
						|| name.toLowerCase(java.util.Locale.ROOT).contains("email")
						|| name.toLowerCase(java.util.Locale.ROOT).contains("author"));
		}
		assertThat(Api.anonymous(port).get("/api/participation/proposal-categories").json().get(0).path("code")
			.asString()).isEqualTo("movilidad");
	}

	private static List<Long> ids(JsonNode page) {
		List<Long> ids = new ArrayList<>();
		page.path("proposals").forEach(p -> ids.add(p.path("id").asLong()));
		return ids;
	}

}
