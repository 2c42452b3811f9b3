package org.cabildo.governance;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.cabildo.IntegrationTest;
import org.cabildo.identity.Organisation;
import org.cabildo.identity.Organisations;
import org.cabildo.identity.People;
import org.cabildo.identity.Person;
import org.cabildo.identity.Role;
import org.cabildo.identity.Tokens;
import org.cabildo.support.Api;
import org.cabildo.support.StreamKind;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.context.TestPropertySource;

import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;

/**
 * Governance in the data path, over HTTP as clients use it: no collection without a declaration,
 * purpose binding on every read path, and exactly one ledger entry per read of personal data.
 */
@IntegrationTest
@TestPropertySource(properties = "cabildo.test.declare-datastreams=false")
class GovernanceEnforcementTest {

	@LocalServerPort
	int port;

	@Autowired
	Organisations organisations;

	@Autowired
	People people;

	@Autowired
	Tokens tokens;

	@Autowired
	JdbcClient jdbc;

	@Autowired
	org.cabildo.sensing.Rollups rollups;

	private Api operator;

	private Api steward;

	private Api ownAnalyst;

	private Api grantedAnalyst;

	private Api otherAnalyst;

	private Api anonymous;

	private Organisation health;

	@BeforeEach
	void setUp() {
		operator = new Api(port);
		anonymous = Api.anonymous(port);
		Organisation office = organisations.named("test office").orElseThrow();
		health = organisations.create(unique("health office"));
		Organisation other = organisations.create(unique("other office"));
		steward = person(office, Role.STEWARD);
		ownAnalyst = person(office, Role.ANALYST);
		grantedAnalyst = person(health, Role.ANALYST);
		otherAnalyst = person(other, Role.ANALYST);
	}

	@ParameterizedTest
	@EnumSource(StreamKind.class)
	@DisplayName("an undeclared stream collects nothing on any HTTP path, and says why")
	void undeclaredStreamCollectsNothing(StreamKind kind) {
		long datastream = datastream(kind, "undeclared");
		Api.Response single = operator.post(kind.path(datastream) + "/Observations", reading(kind, 1.0));
		assertThat(single.status()).as("%s", single).isEqualTo(400);
		assertThat(single.body()).contains("no public declaration");
		Api.Response array = operator.post("/v1.1/CreateObservations?reasons=true", dataArray(kind, datastream, 3));
		assertThat(array.status()).isEqualTo(201);
		assertThat(array.json()).hasSize(3);
		assertThat(array.json().get(0).toString()).contains("no public declaration");
		Api.Response linked = operator.post("/v1.1/Observations", Map.of("result", kind.result(3.0), "phenomenonTime",
				Instant.now().toString(), kind.entity(), Map.of("@iot.id", datastream)));
		assertThat(linked.body()).as("%s", linked).contains("no public declaration");
		Api.Response batch = operator.post("/v1.1/$batch", Map.of("requests", List.of(Map.of("id", "1", "method",
				"post", "url", kind.set() + "(" + datastream + ")/Observations", "body", reading(kind, 2.0)))));
		assertThat(batch.body()).contains("no public declaration");
		assertThat(stored(datastream)).isZero();
	}

	@Test
	@DisplayName("random ingest attempts into undeclared or retired streams never store a row")
	void randomAttemptsNeverStore() {
		long undeclared = datastream("undeclared-random");
		long retired = datastream("retired-random");
		declare(retired, openAirQuality());
		assertThat(anonymous.get("/api/register/" + retired).json().get("stage").asString()).isEqualTo("lab");
		jdbc.sql("UPDATE declarations SET stage = 'retired', body = REPLACE(body, '\"stage\":\"lab\"', '\"stage\":\"retired\"')"
				+ " WHERE datastream_id = ?").param(retired).update();
		reloadRegister();
		Arbitrary<Integer> ways = Arbitraries.integers().between(0, 2);
		Arbitrary<Double> values = Arbitraries.doubles().between(-1e6, 1e6);
		Arbitrary<Boolean> which = Arbitraries.of(true, false);
		var random = new java.util.Random(42);
		for (int attempt = 0; attempt < 40; attempt++) {
			long target = which.generator(1).next(random).value() ? undeclared : retired;
			double value = values.generator(1).next(random).value();
			switch (ways.generator(1).next(random).value()) {
				case 0 -> operator.post("/v1.1/Datastreams(" + target + ")/Observations", reading(value));
				case 1 -> operator.post("/v1.1/Observations", Map.of("result", value, "phenomenonTime",
						Instant.now().toString(), "Datastream", Map.of("@iot.id", target)));
				default -> operator.post("/v1.1/CreateObservations", dataArray(target, 1 + (int) Math.abs(value % 5)));
			}
		}
		assertThat(stored(undeclared)).isZero();
		assertThat(stored(retired)).isZero();
	}

	@ParameterizedTest
	@EnumSource(StreamKind.class)
	@DisplayName("a declared stream collects; the declaration is public with its version history")
	void declaredStreamCollects(StreamKind kind) {
		long datastream = datastream(kind, "declared");
		Api.Response declared = steward.put("/api/register/" + datastream, openAirQuality());
		assertThat(declared.status()).as("%s", declared).isEqualTo(200);
		assertThat(operator.post(kind.path(datastream) + "/Observations", reading(kind, 3.0)).status())
			.isEqualTo(201);
		Api.Response lab = ownAnalyst.get(kind.path(datastream) + "/Observations");
		assertThat(lab.status()).as("the lab's own people read its open test data").isEqualTo(200);
		assertThat(lab.header("Cabildo-Test-Data")).as("marked as test data").isEqualTo(Long.toString(datastream));
		assertThat(otherAnalyst.get(kind.path(datastream) + "/Observations").body()).contains("in the lab");
		steward.put("/api/register/" + datastream, openAirQuality());
		Api.Response entry = anonymous.get("/api/register/" + datastream);
		assertThat(entry.status()).isEqualTo(200);
		assertThat(entry.json().get("version").asInt()).isEqualTo(2);
		assertThat(entry.json().get("versions")).hasSize(2);
		assertThat(entry.json().get("organisation").asString()).isEqualTo("test office");
		assertThat(entry.json().get("personalDataClass").asString()).isEqualTo("none");
		assertThat(entry.json().get("location").get("type").asString()).isEqualTo("Point");
		assertThat(entry.json().get("entitySet").asString()).as("which kind of stream it is").isEqualTo(kind.set());
		Api.Response filtered = anonymous.get("/api/register", "purpose", "ecology", "class", "none", "bbox",
				"-100,19,-99,20");
		assertThat(filtered.body()).contains("\"datastreamId\":" + datastream);
		assertThat(anonymous.get("/api/register", "purpose", "mobility").body())
			.doesNotContain("\"datastreamId\":" + datastream + ",");
		Api.Response geojson = anonymous.get("/api/register.geojson", "lang", "pt");
		assertThat(geojson.body()).contains("Ecologia").contains("FeatureCollection");
		assertThat(anonymous.get("/api/register/" + datastream + "/datachain", "lang", "es").body())
			.contains("device__purpose").contains("Ecología");
		assertThat(anonymous.get("/api/register/datachains", "lang", "en").body()).contains("cabildo-datastream-" + datastream)
			.contains("CC BY 4.0");
	}

	@Test
	@DisplayName("only stewards of the owner declare; an incomplete declaration is a 400 naming each field")
	void declarationRules() {
		long datastream = datastream("rules");
		assertThat(operator.put("/api/register/" + datastream, openAirQuality()).status()).isEqualTo(403);
		assertThat(anonymous.put("/api/register/" + datastream, openAirQuality()).status()).isEqualTo(401);
		Map<String, Object> personalWithoutBasis = new HashMap<>(pseudonymousCounter());
		personalWithoutBasis.remove("legalBasis");
		personalWithoutBasis.put("accessLevel", "open");
		personalWithoutBasis.put("purposes", List.of("mobility", "teleportation"));
		Api.Response refused = steward.put("/api/register/" + datastream, personalWithoutBasis);
		assertThat(refused.status()).isEqualTo(400);
		assertThat(refused.body()).contains("/legalBasis").contains("/accessLevel").contains("/purposes/1");
		assertThat(anonymous.get("/api/register", "bbox", "1,2,3").status()).isEqualTo(400);
		assertThat(anonymous.get("/api/register", "stage", "moon").json().get("parameter").asString()).isEqualTo("stage");
	}

	@ParameterizedTest
	@EnumSource(StreamKind.class)
	@DisplayName("restricted personal data: read only by the owner or a grant holder for an allowed purpose, each read ledgered once")
	void purposeBinding(StreamKind kind) {
		long open = datastream(StreamKind.DATASTREAM, "open-neighbour");
		declare(open, openAirQuality());
		long counter = datastreamOfSameThing(kind, open, "plates");
		declare(counter, pseudonymousCounter());
		promoteToCity(open);
		promoteToCity(counter);
		operator.post("/v1.1/Datastreams(" + open + ")/Observations", reading(10.0));
		operator.post(kind.path(counter) + "/Observations", reading(kind, 4142.0));
		operator.post(kind.path(counter) + "/Observations", reading(kind, 4143.0));
		String path = kind.path(counter) + "/Observations";

		Api.Response anonymousRead = anonymous.get(path);
		assertThat(anonymousRead.status()).isEqualTo(403);
		assertThat(anonymousRead.body()).contains("sign in").doesNotContain("4142");
		// Results asked in another unit are refused first as unread, not as unconverted.
		Api.Response inKelvin = anonymous.get(path, "unit", "K");
		assertThat(inKelvin.status()).isEqualTo(403);
		assertThat(inKelvin.body()).contains("sign in").doesNotContain("4142");
		assertThat(ownAnalyst.get(path).body()).contains("needs a declared purpose");
		assertThat(ownAnalyst.get(path, "purpose", "health").status()).isEqualTo(403);
		assertThat(otherAnalyst.get(path, "purpose", "mobility").status()).isEqualTo(403);
		assertThat(grantedAnalyst.get(path, "purpose", "mobility").status()).as("not granted for mobility")
			.isEqualTo(403);

		long before = reads();
		Api.Response own = ownAnalyst.get(path, "purpose", "mobility");
		assertThat(own.status()).isEqualTo(200);
		assertThat(own.json().get("value")).hasSize(2);
		assertThat(reads()).isEqualTo(before + 1);
		Api.Response viaHeader = grantedAnalyst.send("GET", path, null,
				Map.of("Cabildo-Purpose", "planning_decision_making"));
		assertThat(viaHeader.status()).as("%s", viaHeader).isEqualTo(200);
		assertThat(reads()).isEqualTo(before + 2);
		Map<String, Object> entry = jdbc.sql("SELECT actor, purpose, datastreams, observations FROM ledger_entries"
				+ " WHERE kind = 'read' ORDER BY seq DESC FETCH FIRST 1 ROWS ONLY").query().singleRow();
		assertThat(entry.get("purpose")).isEqualTo("planning_decision_making");
		assertThat(entry.get("datastreams")).isEqualTo(Long.toString(counter));
		assertThat(((Number) entry.get("observations")).longValue()).isEqualTo(2);
		ownAnalyst.get(path, "purpose", "mobility", "$top", "1");
		assertThat(jdbc.sql("SELECT observations FROM ledger_entries WHERE kind = 'read' ORDER BY seq DESC"
				+ " FETCH FIRST 1 ROWS ONLY").query(Long.class).single()).as("the observations the answer holds")
			.isEqualTo(1);

		// nothing restricted leaks through an open neighbour, on any other path
		long thing = operator.get("/v1.1/Datastreams(" + open + ")/Thing").json().get("@iot.id").asLong();
		long readsBefore = reads();
		List<Api.Response> publicPaths = new ArrayList<>();
		publicPaths.add(anonymous.get("/v1.1/Things(" + thing + ")", "$expand", "Datastreams($expand=Observations)"
				+ (kind == StreamKind.DATASTREAM ? "" : "," + kind.set() + "($expand=Observations)")));
		publicPaths.add(anonymous.get("/v1.1/Observations", "$filter",
				kind.valueFilter(4142) + " or " + kind.valueFilter(4143)));
		publicPaths.add(anonymous.get("/v1.1/" + kind.set(), "$filter", "Observations/" + kind.valueFilter(4142)));
		publicPaths.add(anonymous.get("/v1.1/Things(" + thing + ")/" + kind.set(), "$expand", "Observations($count=true)"));
		publicPaths.add(anonymous.get("/v1.1/Observations", "$expand", kind.entity()));
		publicPaths.add(anonymous.get("/v1.1/Observations", "$filter", "result gt 0", "unit", "[degF]"));
		publicPaths.add(anonymous.get("/v1.1/Observations", "$filter", kind.entity() + "/id eq " + counter));
		publicPaths.add(anonymous.get("/v1.1/" + kind.set() + "(" + counter + ")/Observations/$ref"));
		publicPaths.add(anonymous.post("/v1.1/$batch", Map.of("requests", List.of(Map.of("id", "1", "method", "get",
				"url", "Observations?$filter=" + kind.valueFilter(4142))))));
		for (Api.Response response : publicPaths) {
			// the Datastream itself is public (its declaration is); its Observations are not
			assertThat(response.body()).as("%s", response).doesNotContain(kind.shown(4142)).doesNotContain(kind.shown(4143));
		}
		assertThat(anonymous.get(kind.path(counter), "$expand", "Observations($count=true)").json()
			.get("Observations@iot.count").asLong()).as("nor counted").isZero();
		assertThat(publicPaths.get(0).body()).contains("\"result\":10");
		assertThat(publicPaths.get(0).body()).as("the open neighbour's are there, the restricted stream too")
			.contains("\"@iot.id\":" + counter);
		assertThat(anonymous.get(path, "$resultFormat", "dataArray").status()).isEqualTo(403);
		long observation = ownAnalyst.get(path, "purpose", "mobility").json().get("value").get(0).get("@iot.id").asLong();
		assertThat(anonymous.get("/v1.1/Observations(" + observation + ")").status()).isEqualTo(403);
		assertThat(reads()).as("refused and empty reads are not ledgered as reads").isEqualTo(readsBefore + 1);

		// the grant holder reads through $expand and $batch too, each once in the ledger
		long expandBefore = reads();
		Api.Response expanded = grantedAnalyst.send("GET", "/v1.1/Things(" + thing
				+ ")?$expand=" + kind.set() + "($expand=Observations)", null,
				Map.of("Cabildo-Purpose", "planning_decision_making"));
		assertThat(expanded.body()).contains(kind.shown(4142));
		assertThat(reads()).isEqualTo(expandBefore + 1);
		Api.Response batch = grantedAnalyst.send("POST", "/v1.1/$batch", Map.of("requests", List.of(Map.of("id", "1",
				"method", "get", "url", kind.set() + "(" + counter + ")/Observations"))),
				Map.of("Cabildo-Purpose", "planning_decision_making"));
		assertThat(batch.body()).contains(kind.shown(4142));
		assertThat(reads()).isEqualTo(expandBefore + 2);
	}

	@ParameterizedTest
	@EnumSource(StreamKind.class)
	@DisplayName("property: on every read path, an allowed read of personal data is ledgered exactly once, any other returns none of it")
	void everyReadPathIsBoundAndLedgered(StreamKind kind) {
		long open = datastream(StreamKind.DATASTREAM, "open-property");
		declare(open, openAirQuality());
		long counter = datastreamOfSameThing(kind, open, "plates-property");
		declare(counter, pseudonymousCounter());
		promoteToCity(open);
		promoteToCity(counter);
		operator.post("/v1.1/Datastreams(" + open + ")/Observations", reading(10.0));
		operator.post(kind.path(counter) + "/Observations", reading(kind, 4242.0));
		keepAggregate(counter, Instant.parse("2024-01-01T00:00:00Z"), 4242.0);
		long thing = operator.get("/v1.1/Datastreams(" + open + ")/Thing").json().get("@iot.id").asLong();
		long observation = ownAnalyst.send("GET", kind.path(counter) + "/Observations", null,
				Map.of("Cabildo-Purpose", "mobility")).json().get("value").get(0).get("@iot.id").asLong();
		String value = kind.valueFilter(4242).replace(" ", "%20").replace("[", "%5B").replace("]", "%5D");
		List<String> paths = new java.util.ArrayList<>(List.of(kind.path(counter) + "/Observations",
				"/v1.1/Observations?$filter=" + value, "/v1.1/Observations(" + observation + ")",
				"/v1.1/Things(" + thing + ")?$expand=" + kind.set() + "($expand=Observations)",
				"/v1.1/FeaturesOfInterest?$expand=Observations($filter=" + value + ")",
				kind.path(counter) + "/Observations?$resultFormat=dataArray", "$batch",
				"/v1.1/Observations(" + observation + ")/result", "/api/register/" + counter + "/aggregates"));
		if (kind == StreamKind.DATASTREAM) {
			// a MultiDatastream's results are arrays: it has no rollups
			paths.add("/api/series/" + counter + "?interval=hour");
			rollups.refresh();
		}
		Map<String, Api> callers = Map.of("anonymous", anonymous, "own analyst", ownAnalyst, "granted analyst",
				grantedAnalyst, "other analyst", otherAnalyst, "operator", operator);
		List<String> purposes = java.util.Arrays.asList(null, "mobility", "planning_decision_making", "health");
		var random = new java.util.Random(7);
		Arbitrary<String> anyPath = Arbitraries.of(paths);
		Arbitrary<String> anyCaller = Arbitraries.of(callers.keySet());
		Arbitrary<Integer> anyPurpose = Arbitraries.integers().between(0, purposes.size() - 1);
		for (int attempt = 0; attempt < 60; attempt++) {
			String path = anyPath.generator(1).next(random).value();
			String who = anyCaller.generator(1).next(random).value();
			String purpose = purposes.get(anyPurpose.generator(1).next(random).value());
			boolean allowed = (who.equals("own analyst") || who.equals("operator"))
					&& ("mobility".equals(purpose) || "planning_decision_making".equals(purpose))
					|| who.equals("granted analyst") && "planning_decision_making".equals(purpose);
			Map<String, String> headers = purpose == null ? Map.of() : Map.of("Cabildo-Purpose", purpose);
			long before = reads();
			Api.Response response = path.equals("$batch")
					? callers.get(who).send("POST", "/v1.1/$batch", Map.of("requests", List.of(Map.of("id", "1",
							"method", "get", "url", kind.set() + "(" + counter + ")/Observations"))), headers)
					: callers.get(who).send("GET", path, null, headers);
			String what = who + " " + path + " for " + purpose + ": " + response;
			boolean returned = response.body().contains("4242");
			if (allowed) {
				assertThat(returned).as(what).isTrue();
				assertThat(reads()).as(what).isEqualTo(before + 1);
			}
			else {
				assertThat(returned).as(what).isFalse();
				assertThat(reads()).as(what).isEqualTo(before);
			}
		}
	}

	@Test
	@DisplayName("a change to Observations the caller may make but not read is made, and answered without their data")
	void writesWithoutReading() {
		long counter = datastream("plates-write");
		declare(counter, pseudonymousCounter());
		promoteToCity(counter);
		long observation = operator.post("/v1.1/Datastreams(" + counter + ")/Observations", reading(4242.0)).id();
		String self = "/v1.1/Observations(" + observation + ")";
		long before = reads();

		Api.Response patched = operator.patch(self, Map.of("result", 5151.0));
		assertThat(patched.status()).as("%s", patched).isEqualTo(200);
		assertThat(patched.json().get("@iot.id").asLong()).isEqualTo(observation);
		assertThat(patched.body()).doesNotContain("5151").doesNotContain("result");
		assertThat(storedResult(observation)).as("the change is made").isEqualTo(5151.0);

		Api.Response put = operator.put(self, Map.of("result", 6161.0, "phenomenonTime", Instant.now().toString()));
		assertThat(put.status()).as("%s", put).isEqualTo(200);
		assertThat(put.body()).doesNotContain("6161");
		assertThat(storedResult(observation)).isEqualTo(6161.0);

		Api.Response inline = operator.post("/v1.1/Datastreams(" + counter + ")/Observations", Map.of("result", 7171.0,
				"phenomenonTime", Instant.now().toString(), "FeatureOfInterest", Map.of("name", "here", "description",
						"a corner", "encodingType", "application/geo+json", "feature",
						Map.of("type", "Point", "coordinates", List.of(-99.1, 19.4)))));
		assertThat(inline.status()).as("%s", inline).isEqualTo(201);
		assertThat(inline.body()).doesNotContain("7171");
		assertThat(storedResult(inline.id())).isEqualTo(7171.0);
		Api.Response batch = operator.post("/v1.1/$batch", Map.of("requests", List.of(Map.of("id", "1", "method",
				"patch", "url", "Observations(" + observation + ")", "body", Map.of("result", 8181.0)))));
		assertThat(batch.json().get("responses").get(0).get("status").asInt()).as("%s", batch).isEqualTo(200);
		assertThat(batch.body()).doesNotContain("8181");
		assertThat(reads()).as("nothing was read").isEqualTo(before);

		Api.Response withPurpose = operator.send("PATCH", self, Map.of("result", 9191.0),
				Map.of("Cabildo-Purpose", "mobility"));
		assertThat(withPurpose.body()).as("read back for a declared purpose").contains("9191");
		assertThat(reads()).as("and that read is ledgered").isEqualTo(before + 1);
	}

	@ParameterizedTest
	@EnumSource(StreamKind.class)
	@DisplayName("nothing reached through an Observation the caller may not read tells that it exists")
	void pathsThroughHiddenObservations(StreamKind kind) {
		long counter = datastream(kind, "plates-paths");
		declare(counter, pseudonymousCounter());
		promoteToCity(counter);
		long observation = operator.post(kind.path(counter) + "/Observations", reading(kind, 4242.0)).id();
		String stream = "/" + kind.entity();
		for (String path : List.of(stream, "/FeatureOfInterest", stream + "/Thing", "/id", "/result",
				"/phenomenonTime", stream + "/$ref", "/FeatureOfInterest/Observations", "/Datastream",
				"/MultiDatastream")) {
			Api.Response response = anonymous.get("/v1.1/Observations(" + observation + ")" + path);
			assertThat(response.status()).as("%s: %s", path, response).isEqualTo(403);
			assertThat(response.body()).as(path).doesNotContain("4242").doesNotContain(Long.toString(counter) + ")");
		}
		Api.Response allowed = ownAnalyst.get("/v1.1/Observations(" + observation + ")" + stream, "purpose",
				"mobility");
		assertThat(allowed.status()).as("%s", allowed).isEqualTo(200);
		assertThat(allowed.json().get("@iot.id").asLong()).isEqualTo(counter);
	}

	@Test
	@DisplayName("the aggregates kept of personal data are read as its Observations are, and each read is ledgered")
	void aggregatesAreBoundAndLedgered() {
		long counter = datastream("plates-aggregates");
		declare(counter, pseudonymousCounter());
		promoteToCity(counter);
		keepAggregate(counter, Instant.parse("2024-01-01T00:00:00Z"), 4242.0);
		String path = "/api/register/" + counter + "/aggregates";
		assertThat(anonymous.get(path).status()).isEqualTo(403);
		assertThat(ownAnalyst.get(path).status()).isEqualTo(403);
		long before = reads();
		Api.Response read = ownAnalyst.get(path, "purpose", "mobility");
		assertThat(read.status()).as("%s", read).isEqualTo(200);
		assertThat(read.body()).contains("4242");
		assertThat(reads()).isEqualTo(before + 1);
		assertThat(jdbc.sql("SELECT observations FROM ledger_entries WHERE kind = 'read' ORDER BY seq DESC"
				+ " FETCH FIRST 1 ROWS ONLY").query(Long.class).single()).as("the observations they summarise")
			.isEqualTo(3);
		assertThat(ownAnalyst.get(path, "purpose", "mobility", "limit", "0").status()).isEqualTo(400);
	}

	@Test
	@DisplayName("the revisions of personal data are read as its Observations are: for a declared purpose, each read ledgered")
	void revisionsAreBoundAndLedgered() {
		long counter = datastream("plates-revisions");
		declare(counter, pseudonymousCounter());
		promoteToCity(counter);
		String observations = "/v1.1/Datastreams(" + counter + ")/Observations";
		// Within its 30 days' retention, so that the readings are stored rather than folded.
		String hour = Instant.now().truncatedTo(java.time.temporal.ChronoUnit.HOURS).minusSeconds(3600).toString();
		assertThat(operator.post(observations, Map.of("phenomenonTime", hour, "result", 4242.0)).status())
			.isEqualTo(201);
		assertThat(operator.post(observations, Map.of("phenomenonTime", hour, "result", 17.0)).status())
			.isEqualTo(200);
		String path = "/api/register/" + counter + "/revisions";
		long before = reads();

		Api.Response unbound = steward.get(path);
		Api.Response wrongPurpose = steward.get(path, "purpose", "health");

		assertThat(unbound.status()).as("%s", unbound).isEqualTo(403);
		assertThat(unbound.body()).contains("needs a declared purpose").doesNotContain("4242");
		assertThat(wrongPurpose.status()).isEqualTo(403);
		assertThat(reads()).as("a refused read returns nothing and is not a read").isEqualTo(before);
		Api.Response read = steward.get(path, "purpose", "mobility");
		assertThat(read.status()).as("%s", read).isEqualTo(200);
		assertThat(read.body()).contains("4242");
		assertThat(reads()).isEqualTo(before + 1);
		Map<String, Object> entry = jdbc.sql("SELECT purpose, datastreams, observations FROM ledger_entries"
				+ " WHERE kind = 'read' ORDER BY seq DESC FETCH FIRST 1 ROWS ONLY").query().singleRow();
		assertThat(entry.get("purpose")).isEqualTo("mobility");
		assertThat(entry.get("datastreams")).isEqualTo(Long.toString(counter));
		assertThat(((Number) entry.get("observations")).longValue()).as("the earlier results returned").isEqualTo(1);
	}

	private void keepAggregate(long datastream, Instant start, double mean) {
		jdbc.sql("INSERT INTO observation_aggregates (datastream_id, interval_start, interval_end, count, numeric_count,"
				+ " min, max, mean, computed_at) VALUES (?, ?, ?, 3, 3, ?, ?, ?, ?)")
			.params(datastream, start.atOffset(java.time.ZoneOffset.UTC),
					start.plusSeconds(3600).atOffset(java.time.ZoneOffset.UTC), mean, mean, mean,
					Instant.now().atOffset(java.time.ZoneOffset.UTC))
			.update();
	}

	private double storedResult(long observation) {
		return jdbc.sql("SELECT result_number FROM observations WHERE id = ?").param(observation).query(Double.class)
			.single();
	}

	private long reads() {
		return jdbc.sql("SELECT COUNT(*) FROM ledger_entries WHERE kind = 'read'").query(Long.class).single();
	}

	private Api person(Organisation organisation, Role role) {
		Person person = people.create(unique(role.name().toLowerCase()), null, organisation.id(), "test");
		people.grant(person.id(), organisation.id(), role, "test");
		return anonymous.as(Api.bearer(tokens.create(person.id(), "governance", null, "test").secret()));
	}

	@Test
	@DisplayName("the purpose of a read travels with its next links, so that a client following them reads every page as the first")
	void purposeTravelsWithTheNextLinks() {
		long open = datastream("open-paged");
		declare(open, openAirQuality());
		long counter = datastreamOfSameThing(StreamKind.DATASTREAM, open, "plates-paged");
		declare(counter, pseudonymousCounter());
		promoteToCity(open);
		promoteToCity(counter);
		// Within the stream's retention (P30D): an older row would be folded into its aggregates (issue 15).
		Instant start = Instant.now().truncatedTo(java.time.temporal.ChronoUnit.MINUTES).minusSeconds(3600);
		for (int i = 0; i < 3; i++) {
			operator.post("/v1.1/Datastreams(" + counter + ")/Observations", Map.of("result", 40.0 + i,
					"phenomenonTime", start.plusSeconds(60L * i).toString()));
		}
		String path = "/v1.1/Datastreams(" + counter + ")/Observations";
		assertThat(grantedAnalyst.get(path, "$top", "1").status()).as("no purpose, no read").isEqualTo(403);

		// Named in the header: the link names it as a parameter.
		Api.Response first = grantedAnalyst.send("GET", path + Api.query("$top", "1"), null,
				Map.of("Cabildo-Purpose", "planning_decision_making"));
		assertThat(first.status()).as("%s", first).isEqualTo(200);
		String next = first.json().get("@iot.nextLink").asString();
		assertThat(next).contains("purpose=planning_decision_making");
		Api.Response second = grantedAnalyst.get(next);
		assertThat(second.status()).as("%s", second).isEqualTo(200);
		assertThat(second.json().get("value").get(0).get("result").asDouble()).isEqualTo(41.0);

		// Named as a parameter.
		String byParameter = ownAnalyst.get(path, "purpose", "mobility", "$top", "2").json().get("@iot.nextLink")
			.asString();
		Api.Response rest = ownAnalyst.get(byParameter);
		assertThat(rest.status()).as("%s", rest).isEqualTo(200);
		assertThat(rest.json().get("value").get(0).get("result").asDouble()).isEqualTo(42.0);

		// In an expanded collection.
		Api.Response expanded = grantedAnalyst.send("GET", "/v1.1/Datastreams(" + counter + ")"
				+ Api.query("$expand", "Observations($top=1)"), null, Map.of("Cabildo-Purpose", "planning_decision_making"));
		assertThat(expanded.status()).as("%s", expanded).isEqualTo(200);
		String inner = expanded.json().get("Observations@iot.nextLink").asString();
		assertThat(inner).contains("purpose=planning_decision_making");
		assertThat(grantedAnalyst.get(inner).status()).isEqualTo(200);
	}

	private long datastream(String name) {
		return datastream(StreamKind.DATASTREAM, name);
	}

	private long datastream(StreamKind kind, String name) {
		Api.Response created = operator.post("/v1.1/" + kind.set(), kind.withThing(unique(name)));
		assertThat(created.status()).as("%s", created).isEqualTo(201);
		return created.id();
	}

	private long datastreamOfSameThing(StreamKind kind, long neighbour, String name) {
		long thing = operator.get("/v1.1/Datastreams(" + neighbour + ")/Thing").json().get("@iot.id").asLong();
		Map<String, Object> body = new HashMap<>(kind.withThing(unique(name)));
		body.put("Thing", Map.of("@iot.id", thing));
		Api.Response created = operator.post("/v1.1/" + kind.set(), body);
		assertThat(created.status()).as("%s", created).isEqualTo(201);
		return created.id();
	}

	private void declare(long datastream, Map<String, Object> draft) {
		Api.Response declared = steward.put("/api/register/" + datastream, draft);
		assertThat(declared.status()).as("%s", declared).isEqualTo(200);
	}

	/** Moves a declaration to the city stage directly in the table, as the stage rules are tested elsewhere. */
	private void promoteToCity(long datastream) {
		jdbc.sql("UPDATE declarations SET stage = 'city', body = REPLACE(body, '\"stage\":\"lab\"', '\"stage\":\"city\"')"
				+ " WHERE datastream_id = ?").param(datastream).update();
		reloadRegister();
	}

	@Autowired
	org.cabildo.governance.register.CurrentDeclarations current;

	private void reloadRegister() {
		current.reload();
	}

	private long stored(long datastream) {
		return jdbc.sql("SELECT COUNT(*) FROM observations WHERE datastream_id = ?").param(datastream)
			.query(Long.class).single();
	}

	private Map<String, Object> openAirQuality() {
		Map<String, Object> draft = new HashMap<>();
		draft.put("contact", "aire@example.org");
		draft.put("purposes", List.of("ecology", "health"));
		draft.put("technology", List.of("air_quality"));
		draft.put("dataTypes", List.of("values_time"));
		draft.put("retention", Map.of("keeps", "nothing"));
		draft.put("personalDataClass", "none");
		draft.put("accessLevel", "open");
		draft.put("summary", "Measures the air every hour.");
		return draft;
	}

	private Map<String, Object> pseudonymousCounter() {
		Map<String, Object> draft = new HashMap<>();
		draft.put("contact", "transito@example.org");
		draft.put("purposes", List.of("mobility", "planning_decision_making"));
		draft.put("technology", List.of("identifiable_video"));
		draft.put("processing", List.of("de_identified"));
		draft.put("retention", Map.of("duration", "P30D", "keeps", "aggregates", "granularity", "PT1H"));
		draft.put("personalDataClass", "pseudonymous");
		draft.put("legalBasis", Map.of("category", "public_task", "text", "Ley de Movilidad, art. 1"));
		draft.put("privacyStatementUrl", "https://example.org/privacy");
		draft.put("accessLevel", "restricted");
		draft.put("sharing", List.of(Map.of("organisation", health.name(), "purposes",
				List.of("planning_decision_making"))));
		draft.put("summary", "Counts vehicles by keyed hashes of their plates.");
		return draft;
	}

	private static Map<String, Object> reading(double value) {
		return reading(StreamKind.DATASTREAM, value);
	}

	private static Map<String, Object> reading(StreamKind kind, double value) {
		return Map.of("result", kind.result(value), "phenomenonTime", Instant.now().toString());
	}

	private static List<Object> dataArray(long datastream, int rows) {
		return dataArray(StreamKind.DATASTREAM, datastream, rows);
	}

	private static List<Object> dataArray(StreamKind kind, long datastream, int rows) {
		List<List<Object>> values = new ArrayList<>();
		Instant start = Instant.now();
		for (int i = 0; i < rows; i++) {
			values.add(List.of(start.plusMillis(i).toString(), kind.result(i)));
		}
		return List.of(Map.of(kind.entity(), Map.of("@iot.id", datastream), "components",
				List.of("phenomenonTime", "result"), "dataArray", values));
	}

	private static String unique(String prefix) {
		return prefix + "-" + UUID.randomUUID().toString().substring(0, 8);
	}

}
