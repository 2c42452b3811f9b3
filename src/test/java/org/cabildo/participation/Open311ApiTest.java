package org.cabildo.participation;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayInputStream;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ThreadLocalRandom;

import javax.xml.parsers.DocumentBuilderFactory;

import org.cabildo.IntegrationTest;
import org.cabildo.support.Api;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.w3c.dom.Document;

import tools.jackson.databind.JsonNode;

/**
 * Residents' reports through Open311 as our own client files them: what is stored is what was
 * sent, bad input is refused whole in the standard's error format, photos lose their metadata,
 * the same problem nearby is offered, and the office's answer and moderation show.
 */
@IntegrationTest
class Open311ApiTest {

	@LocalServerPort
	int port;

	/** A place of its own for each test, inside the test jurisdiction's box, so that no other report is near. */
	private static Map<String, String> at(Map<String, String> fields) {
		Map<String, String> all = new LinkedHashMap<>(fields);
		all.putIfAbsent("lat", Double.toString(ThreadLocalRandom.current().nextDouble(19.05, 19.55)));
		all.putIfAbsent("long", Double.toString(ThreadLocalRandom.current().nextDouble(-99.35, -98.95)));
		return all;
	}

	private long countWith(String marker) {
		JsonNode all = Api.anonymous(port).get("/open311/v2/requests.json").json();
		int n = 0;
		for (JsonNode r : all) {
			if (r.path("description").asString("").contains(marker)) {
				n++;
			}
		}
		return n;
	}

	@Test
	void aReportFiledInJsonIsReadBackInJsonAndXmlAsSent() throws Exception {
		String marker = "pothole " + UUID.randomUUID();
		Map<String, String> fields = at(Map.of("service_code", "pothole", "attribute[size]", "large", "description",
				marker, "email", "vecina@example.org", "first_name", "Rosa", "address_string", "Av. Juárez 10"));
		Api.Response created = Open311Forms.post(port, "json", fields, null, null);
		assertThat(created.status()).as("%s", created).isEqualTo(201);
		JsonNode answer = created.json();
		assertThat(answer.isArray()).isTrue();
		String id = answer.get(0).path("service_request_id").asString();
		String token = answer.get(0).path("token").asString();
		assertThat(id).matches("\\d+");

		JsonNode one = Api.anonymous(port).get("/open311/v2/requests/" + id + ".json").json().get(0);
		assertThat(one.path("service_request_id").asString()).isEqualTo(id);
		assertThat(one.path("status").asString()).isEqualTo("open");
		assertThat(one.path("service_code").asString()).isEqualTo("pothole");
		assertThat(one.path("service_name").asString()).isEqualTo("Bache");
		assertThat(one.path("description").asString()).isEqualTo(marker);
		assertThat(one.path("address").asString()).isEqualTo("Av. Juárez 10");
		assertThat(one.path("lat").asDouble()).isEqualTo(Double.parseDouble(fields.get("lat")));
		assertThat(one.path("long").asDouble()).isEqualTo(Double.parseDouble(fields.get("long")));
		assertThat(one.path("requested_datetime").asString()).matches("\\d{4}-\\d\\d-\\d\\dT\\d\\d:\\d\\d:\\d\\d(Z|[+-]\\d\\d:\\d\\d)");
		assertThat(one.path("expected_datetime").asString()).isNotEmpty();
		// the office is the district's where the point is in one (another test may have imported the
		// city's), else the service's fallback
		assertThat(one.path("agency_responsible").asString())
			.matches("Secretaría de Obras y Servicios|Alcaldía .+ · Obras y Servicios Urbanos");
		// what the reporter said about themselves is never public
		assertThat(one.toString()).doesNotContain("vecina@example.org").doesNotContain("Rosa");

		Api.Response xml = Api.anonymous(port).get("/open311/v2/requests/" + id + ".xml");
		assertThat(xml.header("Content-Type")).startsWith("text/xml");
		Document doc = parse(xml.body());
		assertThat(doc.getDocumentElement().getNodeName()).isEqualTo("service_requests");
		assertThat(doc.getElementsByTagName("request").getLength()).isEqualTo(1);
		assertThat(doc.getElementsByTagName("service_request_id").item(0).getTextContent()).isEqualTo(id);
		assertThat(doc.getElementsByTagName("description").item(0).getTextContent()).isEqualTo(marker);

		JsonNode byToken = Api.anonymous(port).get("/open311/v2/tokens/" + token + ".json").json().get(0);
		assertThat(byToken.path("service_request_id").asString()).isEqualTo(id);
	}

	@Test
	void theListFiltersByIdsServiceStatusAndDates() {
		String marker = UUID.randomUUID().toString();
		String a = Open311Forms.post(port, "json", at(Map.of("service_code", "streetlight-out", "description", marker)), null,
				null).json().get(0).path("service_request_id").asString();
		String b = Open311Forms.post(port, "json", at(Map.of("service_code", "garbage-not-collected",
				"attribute[days_waiting]", "3", "description", marker)), null, null).json().get(0).path("service_request_id").asString();
		Api anyone = Api.anonymous(port);

		assertThat(ids(anyone.get("/open311/v2/requests.json?service_request_id=" + a + "," + b).json()))
			.containsExactlyInAnyOrder(a, b);
		assertThat(ids(anyone.get("/open311/v2/requests.json?service_code=streetlight-out").json())).contains(a)
			.doesNotContain(b);
		assertThat(ids(anyone.get("/open311/v2/requests.json?status=closed").json())).doesNotContain(a, b);
		assertThat(ids(anyone.get("/open311/v2/requests.json?status=open,closed").json())).contains(a, b);
		assertThat(ids(anyone.get("/open311/v2/requests.json?start_date=2001-01-01T00:00:00Z&end_date=2001-02-01T00:00:00Z")
			.json())).doesNotContain(a, b);
		assertThat(ids(anyone.get("/open311/v2/requests.json?start_date=2001-01-01T00:00:00-06:00").json())).contains(a, b);
	}

	@Test
	void badInputIsRefusedWholeInTheStandardsErrorFormat() throws Exception {
		String marker = "refused " + UUID.randomUUID();
		record Case(String why, Map<String, String> fields, int status, String says) {
		}
		List<Case> cases = List.of(
				new Case("no service_code", at(Map.of("description", marker)), 400, "service_code"),
				new Case("unknown service", at(Map.of("service_code", "dragons", "description", marker)), 404, "dragons"),
				new Case("outside", Map.of("service_code", "pothole", "lat", "40.4168", "long", "-3.7038", "description",
						marker), 400, "outside the jurisdiction"),
				new Case("no place", Map.of("service_code", "pothole", "description", marker), 400, "location is required"),
				new Case("half a place", Map.of("service_code", "pothole", "lat", "19.4", "description", marker), 400, "long"),
				new Case("not a number", Map.of("service_code", "pothole", "lat", "north", "long", "-99.1", "description",
						marker), 400, "not a number"),
				new Case("unknown attribute", at(Map.of("service_code", "pothole", "attribute[colour]", "red", "description",
						marker)), 400, "attribute[colour]"),
				new Case("value not in the list", at(Map.of("service_code", "pothole", "attribute[size]", "enormous",
						"description", marker)), 400, "small, medium, large"),
				new Case("required attribute missing", at(Map.of("service_code", "garbage-not-collected", "description",
						marker)), 400, "attribute[days_waiting]"),
				new Case("number attribute not a number", at(Map.of("service_code", "garbage-not-collected",
						"attribute[days_waiting]", "many", "description", marker)), 400, "not a number"),
				new Case("other jurisdiction", at(Map.of("jurisdiction_id", "elsewhere.example", "service_code", "pothole",
						"description", marker)), 404, "jurisdiction_id"),
				new Case("bad email", at(Map.of("service_code", "pothole", "email", "not-an-address", "description", marker)),
						400, "email"),
				new Case("bad media_url", at(Map.of("service_code", "pothole", "media_url", "javascript:alert(1)",
						"description", marker)), 400, "media_url"));
		for (Case c : cases) {
			for (String format : List.of("json", "xml")) {
				Api.Response refused = Open311Forms.post(port, format, c.fields(), null, null);
				assertThat(refused.status()).as(c.why() + " " + format + ": " + refused).isEqualTo(c.status());
				if (format.equals("json")) {
					JsonNode errors = refused.json();
					assertThat(errors.isArray()).as(c.why()).isTrue();
					assertThat(errors.get(0).path("code").asInt()).isEqualTo(c.status());
					assertThat(errors.get(0).path("description").asString()).as(c.why()).contains(c.says());
				}
				else {
					Document doc = parse(refused.body());
					assertThat(doc.getDocumentElement().getNodeName()).isEqualTo("errors");
					assertThat(doc.getElementsByTagName("code").item(0).getTextContent()).isEqualTo(Integer.toString(c.status()));
					assertThat(doc.getElementsByTagName("description").item(0).getTextContent()).as(c.why()).contains(c.says());
				}
			}
		}
		assertThat(countWith(marker)).as("nothing of a refused report is stored").isZero();
	}

	@Test
	void aPhotoIsStoredWithoutWhereItWasTakenOrTheCamera() {
		String marker = "photo " + UUID.randomUUID();
		byte[] photo = TestPhotos.jpegWithPlaceAndCamera(-99.1332, 19.4326);
		Api.Response created = Open311Forms.post(port, "json",
				at(Map.of("service_code", "garbage-not-collected", "attribute[days_waiting]", "4", "description", marker)),
				photo, null);
		assertThat(created.status()).as("%s", created).isEqualTo(201);
		String id = created.json().get(0).path("service_request_id").asString();
		String url = Api.anonymous(port).get("/open311/v2/requests/" + id + ".json").json().get(0).path("media_url").asString();
		assertThat(url).endsWith("/open311/v2/media/" + id);
		byte[] stored = Open311Forms.bytes(port, "/open311/v2/media/" + id);
		assertThat(TestPhotos.gps(stored)).isNull();
		assertThat(TestPhotos.mentions(stored, TestPhotos.CAMERA)).isFalse();
	}

	@Test
	void aPhotoThatIsNotAnImageOrTooLargeIsRefusedAndNothingStored() throws Exception {
		String marker = "bad photo " + UUID.randomUUID();
		Map<String, String> fields = at(Map.of("service_code", "pothole", "description", marker));
		Api.Response notImage = Open311Forms.post(port, "json", fields, "just text, not a photo".getBytes(), null);
		assertThat(notImage.status()).as("%s", notImage).isEqualTo(400);
		assertThat(notImage.json().get(0).path("description").asString()).contains("not a readable JPEG or PNG");

		Api.Response bomb = Open311Forms.post(port, "json", fields, TestPhotos.pngClaiming(60_000, 60_000), null);
		assertThat(bomb.status()).as("%s", bomb).isEqualTo(400);
		assertThat(bomb.json().get(0).path("description").asString()).contains("pixels");

		byte[] twentyMegabytes = new byte[20 * 1024 * 1024];
		Api.Response large = Open311Forms.post(port, "xml", fields, twentyMegabytes, null);
		assertThat(large.status()).as("%s", large).isEqualTo(413);
		Document doc = parse(large.body());
		assertThat(doc.getDocumentElement().getNodeName()).isEqualTo("errors");
		assertThat(doc.getElementsByTagName("code").item(0).getTextContent()).isEqualTo("413");
		assertThat(countWith(marker)).isZero();
	}

	@Test
	void theSameProblemNearbyIsOfferedToSupport() {
		double lat = ThreadLocalRandom.current().nextDouble(19.05, 19.55);
		double lon = ThreadLocalRandom.current().nextDouble(-99.35, -98.95);
		Map<String, String> first = Map.of("service_code", "streetlight-out", "lat", Double.toString(lat), "long",
				Double.toString(lon), "description", "first");
		String a = Open311Forms.post(port, "json", first, null, null).json().get(0).path("service_request_id").asString();
		// about 20 m north
		Map<String, String> near = Map.of("service_code", "streetlight-out", "lat", Double.toString(lat + 0.00018), "long",
				Double.toString(lon), "description", "second");
		JsonNode second = Open311Forms.post(port, "json", near, null, null).json().get(0);
		assertThat(second.path("service_notice").asString()).contains("request " + a).contains("20 m").contains("support");
		// another service at the same place, or the same service 200 m away, is another problem
		Map<String, String> otherService = Map.of("service_code", "pothole", "lat", Double.toString(lat), "long",
				Double.toString(lon), "description", "third");
		assertThat(Open311Forms.post(port, "json", otherService, null, null).json().get(0).path("service_notice").isNull())
			.isTrue();
		Map<String, String> far = Map.of("service_code", "streetlight-out", "lat", Double.toString(lat + 0.0018), "long",
				Double.toString(lon), "description", "fourth");
		assertThat(Open311Forms.post(port, "json", far, null, null).json().get(0).path("service_notice").isNull()).isTrue();
	}

	@Test
	void theOfficeAnswersInPublicAndAnAdminHidesWithAReasonTheLedgerKeeps() {
		String id = Open311Forms.post(port, "json", at(Map.of("service_code", "pothole", "description", "deep one")), null,
				null).json().get(0).path("service_request_id").asString();
		Api anyone = Api.anonymous(port);
		Api office = new Api(port);

		assertThat(anyone.post("/api/participation/requests/" + id + "/notes",
				Map.of("status", "closed", "note", "fixed")).status()).isEqualTo(401);
		Api.Response answered = office.post("/api/participation/requests/" + id + "/notes",
				Map.of("status", "closed", "note", "Bacheado el martes."));
		assertThat(answered.status()).as("%s", answered).isEqualTo(200);
		JsonNode closed = anyone.get("/open311/v2/requests/" + id + ".json").json().get(0);
		assertThat(closed.path("status").asString()).isEqualTo("closed");
		assertThat(closed.path("status_notes").asString()).isEqualTo("Bacheado el martes.");
		JsonNode notes = anyone.get("/api/participation/requests/" + id + "/notes").json();
		assertThat(notes.size()).isEqualTo(1);
		assertThat(notes.get(0).path("author").asString()).isEqualTo(Api.TEST_USER);
		assertThat(office.post("/api/participation/requests/" + id + "/notes", Map.of("status", "done", "note", "x"))
			.status()).isEqualTo(400);

		assertThat(anyone.post("/api/participation/requests/" + id + "/abuse", Map.of()).status()).isEqualTo(202);
		assertThat(office.post("/api/participation/requests/" + id + "/hide", Map.of("reason", "")).status()).isEqualTo(400);
		assertThat(office.post("/api/participation/requests/" + id + "/hide", Map.of("reason", "insults a neighbour"))
			.status()).isEqualTo(204);
		Api.Response gone = anyone.get("/open311/v2/requests/" + id + ".json");
		assertThat(gone.status()).isEqualTo(404);
		assertThat(gone.json().get(0).path("description").asString()).contains("hidden by moderation");
		assertThat(ids(anyone.get("/open311/v2/requests.json?service_request_id=" + id).json())).isEmpty();
		JsonNode ledger = office.get("/api/ledger?kind=report-hidden").json();
		assertThat(ledger.toString()).contains("service request " + id + " hidden: insults a neighbour");
	}

	@Test
	void servicesAndDefinitionsAndDiscovery() throws Exception {
		Api anyone = Api.anonymous(port);
		JsonNode services = anyone.get("/open311/v2/services.json").json();
		assertThat(ids(services, "service_code")).containsExactly("pothole", "streetlight-out", "garbage-not-collected",
				"air-quality-complaint");
		JsonNode definition = anyone.get("/open311/v2/services/garbage-not-collected.json").json();
		assertThat(definition.path("attributes").get(0).path("code").asString()).isEqualTo("days_waiting");
		assertThat(definition.path("attributes").get(0).path("required").asBoolean()).isTrue();
		Document xml = parse(anyone.get("/open311/v2/services/pothole.xml").body());
		assertThat(xml.getDocumentElement().getNodeName()).isEqualTo("service_definition");
		assertThat(xml.getElementsByTagName("value").getLength()).isEqualTo(3);
		assertThat(anyone.get("/open311/v2/services/dragons.json").status()).isEqualTo(404);
		assertThat(anyone.get("/open311/v2/services.csv").status()).isEqualTo(400);
		assertThat(anyone.get("/open311/v2/services.json?jurisdiction_id=elsewhere").status()).isEqualTo(404);
		Api.Response nothing = anyone.get("/open311/v2/nothing-here.json");
		assertThat(nothing.status()).isEqualTo(404);
		assertThat(nothing.json().get(0).path("code").asInt()).isEqualTo(404);
		JsonNode discovery = anyone.get("/open311/discovery.json").json();
		assertThat(discovery.path("endpoints").get(0).path("url").asString()).endsWith("/open311/v2");
	}

	private static List<String> ids(JsonNode list) {
		return ids(list, "service_request_id");
	}

	private static List<String> ids(JsonNode list, String field) {
		return java.util.stream.StreamSupport.stream(list.spliterator(), false).map(r -> r.path(field).asString()).toList();
	}

	private static Document parse(String xml) throws Exception {
		var factory = DocumentBuilderFactory.newInstance();
		factory.setFeature("http://apache.org/xml/features/disallow-doctype-decl", true);
		return factory.newDocumentBuilder().parse(new ByteArrayInputStream(xml.getBytes(java.nio.charset.StandardCharsets.UTF_8)));
	}

}
