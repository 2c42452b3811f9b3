package org.cabildo.governance.objections;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.HashMap;
import java.util.Map;

import org.cabildo.IntegrationTest;
import org.cabildo.governance.Register;
import org.cabildo.governance.Stage;
import org.cabildo.governance.objections.TestCity.Office;
import org.cabildo.identity.Organisations;
import org.cabildo.identity.People;
import org.cabildo.identity.Role;
import org.cabildo.identity.Tokens;
import org.cabildo.support.Api;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;

/** Objections over HTTP: filed by anyone, answered by the owner's stewards, hidden by administrators. */
@IntegrationTest
class ObjectionsTest {

	@LocalServerPort
	int port;

	@Autowired
	Organisations organisations;

	@Autowired
	People people;

	@Autowired
	Tokens tokens;

	@Autowired
	Register register;

	@Autowired
	JdbcClient jdbc;

	private TestCity city;

	private Office office;

	private long datastream;

	@BeforeEach
	void setUp() {
		city = new TestCity(port, organisations, people, tokens, register, jdbc);
		office = city.office();
		datastream = city.datastream(office); // declared open at the city stage by the test city's policy
	}

	private String objections() {
		return "/api/register/" + datastream + "/objections";
	}

	private Api.Response answer(Api who, long objection, String outcome, String text) {
		Map<String, Object> body = new HashMap<>();
		body.put("outcome", outcome);
		body.put("text", text);
		return who.post(objections() + "/" + objection + "/answer", body);
	}

	@Test
	@DisplayName("anyone files without an account: 201, the contact never shown but to the owner's stewards")
	void filesAnonymously() {
		Api.Response filed = office.anonymous().post(objections(), Map.of("category", "retention", "text",
				"Why keep the data for ever?", "contact", "resident@example.org"));
		assertThat(filed.status()).as("%s", filed).isEqualTo(201);
		assertThat(filed.json().get("status").asString()).isEqualTo("open");
		assertThat(filed.json().get("category").asString()).isEqualTo("retention");
		assertThat(filed.body()).doesNotContain("resident@example.org");
		for (Api reader : new Api[] { office.anonymous(), office.operator(), office.admin(),
				city.person(organisations.create(TestCity.unique("other")), Role.STEWARD) }) {
			Api.Response listed = reader.get(objections());
			assertThat(listed.status()).isEqualTo(200);
			assertThat(listed.json().get(0).get("text").asString()).isEqualTo("Why keep the data for ever?");
			assertThat(listed.body()).doesNotContain("resident@example.org");
		}
		assertThat(office.steward().get(objections()).json().get(0).get("contact").asString())
			.isEqualTo("resident@example.org");
	}

	@Test
	@DisplayName("bad input is a 400 naming the field; an undeclared Datastream is a 404")
	void validation() {
		Map<String, Map<String, Object>> bodies = Map.of("/category", Map.of("category", "noise", "text", "x"),
				"/text", Map.of("category", "other", "text", "   "), "/contact", Map.of("category", "other", "text",
						"x", "contact", "c".repeat(321)));
		bodies.forEach((pointer, body) -> {
			Api.Response refused = office.anonymous().post(objections(), body);
			assertThat(refused.status()).as("%s", refused).isEqualTo(400);
			assertThat(refused.json().get("pointer").asString()).isEqualTo(pointer);
		});
		Api.Response tooLong = office.anonymous().post(objections(), Map.of("category", "other", "text",
				"x".repeat(4001)));
		assertThat(tooLong.status()).isEqualTo(400);
		assertThat(tooLong.json().get("pointer").asString()).isEqualTo("/text");
		assertThat(office.anonymous().post(objections(), Map.of("category", "other", "text", "y".repeat(4000)))
			.status()).isEqualTo(201);
		assertThat(office.anonymous().post("/api/register/999999999/objections", Map.of("category", "other", "text",
				"x")).status()).isEqualTo(404);
		assertThat(office.anonymous().get("/api/register/999999999/objections").status()).isEqualTo(404);
	}

	@Test
	@DisplayName("only the owner's stewards answer: 401 without an account, 403 for everyone else")
	void onlyStewardsOfTheOwnerAnswer() {
		long objection = city.file(office, datastream, "Who reads this?");
		assertThat(answer(office.anonymous(), objection, "answered", "a").status()).isEqualTo(401);
		for (Api other : new Api[] { office.operator(), office.analyst(), office.admin(),
				city.person(organisations.create(TestCity.unique("other")), Role.STEWARD) }) {
			Api.Response refused = answer(other, objection, "answered", "a");
			assertThat(refused.status()).as("%s", refused).isEqualTo(403);
		}
		Api.Response answered = answer(office.steward(), objection, "answered", "Only our analysts, for ecology.");
		assertThat(answered.status()).as("%s", answered).isEqualTo(200);
		assertThat(answered.json().get("status").asString()).isEqualTo("answered");
	}

	@Test
	@DisplayName("open → answered → dismissed; a final status takes no more answers; each answer is ledgered")
	void statusTransitions() {
		long objection = city.file(office, datastream, "Is this necessary?");
		assertThat(answer(office.steward(), objection, "open", "x").json().get("pointer").asString())
			.isEqualTo("/outcome");
		assertThat(answer(office.steward(), objection, "dismissed", " ").json().get("pointer").asString())
			.isEqualTo("/text");
		assertThat(answer(office.steward(), objection, "answered", "It measures air.").status()).isEqualTo(200);
		Api.Response again = answer(office.steward(), objection, "answered", "Again.");
		assertThat(again.status()).isEqualTo(409);
		assertThat(again.json().get("rule").asString()).isEqualTo("objection-status");
		Api.Response dismissed = answer(office.steward(), objection, "dismissed", "No personal data is collected.");
		assertThat(dismissed.status()).isEqualTo(200);
		assertThat(dismissed.json().get("status").asString()).isEqualTo("dismissed");
		assertThat(dismissed.json().get("answer").asString()).isEqualTo("No personal data is collected.");
		assertThat(dismissed.json().get("firstAnsweredAt").asString())
			.isNotEqualTo(dismissed.json().get("answeredAt").asString());
		assertThat(answer(office.steward(), objection, "upheld", "Changed my mind.").status()).isEqualTo(409);
		assertThat(city.ledger("objection-answer", datastream)).containsExactly(
				"objection " + objection + " open -> answered", "objection " + objection + " answered -> dismissed");
	}

	@Test
	@DisplayName("an objection is upheld only once the declaration changed after it was filed")
	void upheldNeedsAChange() {
		long objection = city.file(office, datastream, "Stop it.");
		Api.Response refused = answer(office.steward(), objection, "upheld", "Agreed.");
		assertThat(refused.status()).isEqualTo(409);
		assertThat(refused.json().get("rule").asString()).isEqualTo("upheld-needs-change");
		Api.Response retired = office.steward().post("/api/register/" + datastream + "/stage",
				Map.of("stage", "retired", "reason", "objection upheld"));
		assertThat(retired.status()).as("%s", retired).isEqualTo(200);
		assertThat(retired.json().get("stage").asString()).isEqualTo(Stage.RETIRED.id());
		Api.Response upheld = answer(office.steward(), objection, "upheld", "The stream is retired.");
		assertThat(upheld.status()).as("%s", upheld).isEqualTo(200);
		assertThat(upheld.json().get("status").asString()).isEqualTo("upheld");
	}

	@Test
	@DisplayName("an administrator hides abusive text: the reason shows in its place, and the ledger has it")
	void hiding() {
		long objection = city.file(office, datastream, "abusive words");
		Api.Response notAdmin = office.steward().post("/api/objections/" + objection + "/hide", Map.of("reason", "r"));
		assertThat(notAdmin.status()).isEqualTo(403);
		assertThat(office.anonymous().post("/api/objections/" + objection + "/hide", Map.of("reason", "r")).status())
			.isEqualTo(401);
		assertThat(office.admin().post("/api/objections/" + objection + "/hide", Map.of()).json().get("pointer")
			.asString()).isEqualTo("/reason");
		Api.Response hidden = office.admin().post("/api/objections/" + objection + "/hide",
				Map.of("reason", "insults"));
		assertThat(hidden.status()).as("%s", hidden).isEqualTo(200);
		var listed = office.anonymous().get(objections()).json().get(0);
		assertThat(listed.get("text").asString()).isEqualTo("[hidden by an administrator: insults]");
		assertThat(listed.get("hidden").asBoolean()).isTrue();
		assertThat(office.anonymous().get(objections()).body()).doesNotContain("abusive words");
		assertThat(city.ledger("objection-hidden", datastream)).containsExactly(
				"objection " + objection + " hidden: insults");
	}

}
