package org.cabildo.participation.client;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.time.Duration;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.Arrays;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.regex.Pattern;

import org.cabildo.IntegrationTest;
import org.cabildo.participation.client.GeoReportClient.ApiError;
import org.cabildo.participation.client.GeoReportClient.Attribute;
import org.cabildo.participation.client.GeoReportClient.Discovery;
import org.cabildo.participation.client.GeoReportClient.Endpoint;
import org.cabildo.participation.client.GeoReportClient.Format;
import org.cabildo.participation.client.GeoReportClient.Item;
import org.cabildo.participation.client.GeoReportClient.NewRequest;
import org.cabildo.participation.client.GeoReportClient.Reply;
import org.cabildo.participation.client.GeoReportClient.RequestsQuery;
import org.cabildo.participation.client.GeoReportClient.ServiceDefinition;
import org.assertj.core.data.Offset;
import org.cabildo.participation.client.SpecExampleShapes.Example;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.springframework.boot.test.web.server.LocalServerPort;

import tools.jackson.databind.JsonNode;

/**
 * The Open311 GeoReport v2 server as a client written from the specification alone
 * (https://wiki.open311.org/GeoReport_v2, https://wiki.open311.org/Service_Discovery) sees it,
 * every scenario in XML and in JSON: discovery, the service list and definitions, a request made
 * anonymously and found again by id, token and filters, and the refusals in the spec's error
 * format, which store nothing.
 *
 * <p>What the spec leaves to each server, and the test therefore takes from the test profile:
 * the discovery and endpoint paths, the jurisdiction_id and its area, the services and their
 * attributes, and that no api_key is needed. The server is shared with other tests: the test
 * looks only at requests it made, and never at counts of everything.
 */
@IntegrationTest
class GeoReportSpecClientTest {

	static final String JURISDICTION = "cdmx.cabildo.test";

	static final String ENDPOINT_PATH = "/open311/v2";

	/** Inside the jurisdiction's bounds (lon -99.40..-98.90, lat 19.00..19.60): the Zócalo. */
	static final double LAT = 19.4326;

	static final double LONG = -99.1332;

	/**
	 * The spec's date format: "a common subset of ISO 8601 as per the w3 note", time zone (Z or an
	 * HH:MM offset) required. Its examples all have seconds ("eg 2010-01-01T00:00:00Z"), so seconds
	 * are required here; the w3 note's decimal fraction of a second is allowed. (Java's
	 * OffsetDateTime.toString() leaves out zero seconds, "10:15Z", which this refuses.)
	 */
	static final Pattern W3_DATETIME = Pattern
		.compile("\\d{4}-\\d{2}-\\d{2}T\\d{2}:\\d{2}:\\d{2}(\\.\\d+)?(Z|[+-]\\d{2}:\\d{2})");

	/** The services of the test profile, each with its one attribute. */
	record ExpectedAttribute(String code, String datatype, boolean required, Set<String> keys) {
	}

	static final Map<String, ExpectedAttribute> SERVICES = Map.of("pothole",
			new ExpectedAttribute("size", "singlevaluelist", false, Set.of("small", "medium", "large")),
			"streetlight-out", new ExpectedAttribute("pole_number", "string", false, Set.of()),
			"garbage-not-collected", new ExpectedAttribute("days_waiting", "number", true, Set.of()),
			"air-quality-complaint",
			new ExpectedAttribute("smell", "singlevaluelist", false, Set.of("none", "smoke", "chemical", "rotten")));

	@LocalServerPort
	int port;

	GeoReportClient client() {
		return new GeoReportClient(URI.create("http://127.0.0.1:" + port), "/open311/discovery", ENDPOINT_PATH,
				JURISDICTION);
	}

	@ParameterizedTest
	@EnumSource(Format.class)
	void discoveryNamesTheGeoReportV2EndpointAndItsFormats(Format format) {
		Reply reply = client().discovery(format);
		assertAnswer(reply, 200);
		SpecExampleShapes.assertFits(reply, Example.DISCOVERY);
		Discovery discovery = reply.discovery();
		// "Fields for All Versions: All fields are required."
		assertThat(discovery.fields()).as(reply.toString()).containsKeys("changeset", "contact", "key_service");
		assertThat(discovery.fields().get("changeset")).as("changeset").isNotBlank();
		assertThat(discovery.fields().get("contact")).as("contact").isNotBlank();
		assertThat(discovery.fields().get("key_service")).as("key_service").isNotBlank();
		List<Endpoint> v2 = discovery.endpoints()
			.stream()
			.filter(endpoint -> GeoReportClient.SPECIFICATION.equals(endpoint.specification()))
			.toList();
		assertThat(v2).as("endpoints of %s in %s", GeoReportClient.SPECIFICATION, reply).isNotEmpty();
		for (Endpoint endpoint : v2) {
			assertThat(endpoint.url()).as("url of %s", endpoint).endsWith(ENDPOINT_PATH);
			// "URL of the endpoint provider": a client is to call it as it stands, so absolute.
			assertThat(URI.create(endpoint.url()).isAbsolute()).as("url %s is absolute", endpoint.url()).isTrue();
			assertThat(URI.create(endpoint.url()).getScheme()).isIn("http", "https");
			assertThat(endpoint.formats()).as("formats of %s", endpoint).contains("text/xml", "application/json");
			assertThat(endpoint.type()).as("type of %s", endpoint).isIn("production", "test");
			assertThat(endpoint.changeset()).as("changeset of %s", endpoint).isNotBlank();
		}
		if (format == Format.JSON) {
			// The spec's JSON: an object whose endpoints is an array, formats an array of strings.
			JsonNode json = reply.json();
			assertThat(json.isObject()).as(reply.toString()).isTrue();
			assertThat(json.path("endpoints").isArray()).as(reply.toString()).isTrue();
			json.path("endpoints").values().forEach(endpoint -> {
				assertThat(endpoint.path("formats").isArray()).as(endpoint.toString()).isTrue();
				endpoint.path("formats").values().forEach(mime -> assertThat(mime.isString()).isTrue());
			});
		}
	}

	@ParameterizedTest
	@EnumSource(Format.class)
	void theServiceListHasTheServicesWithEveryField(Format format) {
		Reply reply = client().services(format);
		assertAnswer(reply, 200);
		SpecExampleShapes.assertFits(reply, Example.SERVICES);
		List<Item> services = reply.items();
		List<String> codes = services.stream().map(service -> service.get("service_code")).toList();
		assertThat(codes).as("service codes, once each").doesNotHaveDuplicates().containsAll(SERVICES.keySet());
		for (Item service : services) {
			if (!SERVICES.containsKey(service.get("service_code"))) {
				continue;
			}
			assertThat(service.fields()).as(service.toString())
				.containsKeys("service_code", "service_name", "description", "metadata", "type", "keywords", "group");
			assertThat(service.get("service_name")).as("service_name of %s", service).isNotBlank();
			assertThat(service.get("description")).as("description of %s", service).isNotBlank();
			// Each has an attribute, so "this service request type requires additional metadata".
			assertThat(service.get("metadata")).as("metadata of %s", service).isEqualTo("true");
			assertThat(service.get("type")).as("type of %s", service).isIn("realtime", "batch", "blackbox");
		}
		if (format == Format.JSON) {
			// The spec's JSON example: "metadata":true, a boolean, not the string "true".
			reply.json().values().forEach(service -> assertThat(service.path("metadata").isBoolean())
				.as("metadata of %s is a JSON boolean", service).isTrue());
		}
		// The test profile's contract: jurisdiction_id may be left out (one jurisdiction).
		Reply withoutJurisdiction = client().inJurisdiction(null).services(format);
		assertAnswer(withoutJurisdiction, 200);
		assertThat(withoutJurisdiction.items().stream().map(service -> service.get("service_code")).toList())
			.isEqualTo(codes);
	}

	@ParameterizedTest
	@EnumSource(Format.class)
	void eachServiceDefinitionDescribesItsAttribute(Format format) {
		for (Map.Entry<String, ExpectedAttribute> service : SERVICES.entrySet()) {
			Reply reply = client().serviceDefinition(service.getKey(), format);
			assertAnswer(reply, 200);
			SpecExampleShapes.assertFits(reply, Example.SERVICE_DEFINITION);
			ServiceDefinition definition = reply.serviceDefinition();
			assertThat(definition.fields().get("service_code")).as(reply.toString()).isEqualTo(service.getKey());
			ExpectedAttribute expected = service.getValue();
			Attribute attribute = definition.attribute(expected.code())
				.orElseThrow(() -> new AssertionError("no attribute " + expected.code() + " in " + reply));
			assertThat(attribute.fields()).as(attribute.toString())
				.containsKeys("variable", "code", "datatype", "required", "datatype_description", "order",
						"description");
			assertThat(attribute.get("variable")).as("variable of %s", attribute).isEqualTo("true");
			assertThat(attribute.get("datatype")).as("datatype of %s", attribute).isEqualTo(expected.datatype());
			assertThat(attribute.get("required")).as("required of %s", attribute)
				.isEqualTo(Boolean.toString(expected.required()));
			assertThat(attribute.get("description")).as("description of %s", attribute).isNotBlank();
			Set<String> keys = new HashSet<>();
			attribute.values().forEach(value -> {
				assertThat(value.fields()).as(value.toString()).containsKeys("key", "name");
				assertThat(value.get("name")).as("name of %s", value).isNotBlank();
				keys.add(value.get("key"));
			});
			assertThat(keys).as("keys of %s", attribute).isEqualTo(expected.keys());
			// "Any positive integer not used for other attributes in the same service_code".
			List<Integer> orders = definition.attributes().stream().map(each -> Integer.parseInt(each.get("order"))).toList();
			assertThat(orders).as("orders in %s", reply).allSatisfy(order -> assertThat(order).isPositive())
				.doesNotHaveDuplicates();
			if (format == Format.JSON) {
				reply.json().path("attributes").values().forEach(json -> {
					assertThat(json.path("variable").isBoolean()).as("variable of %s is boolean", json).isTrue();
					assertThat(json.path("required").isBoolean()).as("required of %s is boolean", json).isTrue();
					assertThat(json.path("order").isIntegralNumber()).as("order of %s is a number", json).isTrue();
				});
			}
		}
	}

	@ParameterizedTest
	@EnumSource(Format.class)
	void anAnonymousRequestIsCreatedAndFoundAgain(Format format) {
		String type = serviceType("pothole", format);
		// blackbox would give the client no way to find its request again.
		assertThat(type).as("type of pothole").isIn("realtime", "batch");
		String description = "Bache hondo frente al número 12 — cuidado, ñandú 🚧 " + marker();
		OffsetDateTime before = OffsetDateTime.now(ZoneOffset.UTC);
		Reply posted = client().post(
				NewRequest.of("pothole").at(LAT, LONG).attribute("size", "small").description(description), format);
		OffsetDateTime after = OffsetDateTime.now(ZoneOffset.UTC);
		Item created = created(posted);
		if (type.equals("realtime")) {
			// "realtime: The service request ID will be returned immediately".
			assertThat(created.get("service_request_id")).as("service_request_id of %s", posted).isNotBlank();
		}
		String id = idOf(created, format);

		Item request = fetch(id, format);
		assertThat(request.get("service_request_id")).isEqualTo(id);
		assertThat(request.get("status")).as(request.toString()).isEqualTo("open");
		assertThat(request.get("service_code")).as(request.toString()).isEqualTo("pothole");
		assertThat(request.get("service_name")).as(request.toString()).isEqualTo(serviceName("pothole", format));
		assertThat(request.get("description")).as("description, UTF-8 both ways").isEqualTo(description);
		assertThat(Double.parseDouble(request.get("lat"))).as("lat").isCloseTo(LAT, Offset.offset(1e-6));
		assertThat(Double.parseDouble(request.get("long"))).as("long").isCloseTo(LONG, Offset.offset(1e-6));
		OffsetDateTime requested = w3(request.get("requested_datetime"), "requested_datetime");
		// The server's clock is this machine's; a minute either side for its rounding.
		assertThat(requested.toInstant()).as("requested_datetime")
			.isBetween(before.minus(Duration.ofMinutes(1)).toInstant(), after.plus(Duration.ofMinutes(1)).toInstant());
		for (String field : List.of("updated_datetime", "expected_datetime")) {
			if (request.get(field) != null) {
				w3(request.get(field), field);
			}
		}
		if (format == Format.JSON) {
			JsonNode json = client().request(id, format).json().get(0);
			// As the spec's JSON example writes them: "lat":37.762221815, numbers.
			assertThat(json.path("lat").isNumber()).as("lat of %s is a number", json).isTrue();
			assertThat(json.path("long").isNumber()).as("long of %s is a number", json).isTrue();
		}
	}

	@ParameterizedTest
	@EnumSource(Format.class)
	void theFiltersOfGetRequestsSelectWhatTheySay(Format format) {
		GeoReportClient client = client();
		String first = idOf(created(client.post(NewRequest.of("pothole").at(LAT, LONG).attribute("size", "medium")
			.description("Bache en el carril derecho " + marker()), format)), format);
		String second = idOf(created(client.post(NewRequest.of("streetlight-out").at(19.4270, -99.1677)
			.attribute("pole_number", "CDMX-0042")
			.description("Luminaria apagada " + marker()), format)), format);
		OffsetDateTime firstAt = w3(fetch(first, format).get("requested_datetime"), "requested_datetime");
		OffsetDateTime secondAt = w3(fetch(second, format).get("requested_datetime"), "requested_datetime");
		OffsetDateTime from = firstAt.minus(Duration.ofMinutes(1));
		OffsetDateTime to = secondAt.plus(Duration.ofMinutes(1));

		assertThat(ids(client, RequestsQuery.ids(first, second), format)).as("service_request_id=%s,%s", first, second)
			.containsExactlyInAnyOrder(first, second);
		// "service_request_id … This overrides all other arguments."
		assertThat(ids(client, RequestsQuery.ids(first, second).serviceCode("garbage-not-collected").status("closed"),
				format))
			.as("service_request_id with other arguments, which it overrides")
			.containsExactlyInAnyOrder(first, second);

		List<Item> potholes = listed(client, RequestsQuery.all().serviceCode("pothole").between(from, to), format);
		assertThat(potholes).allSatisfy(item -> assertThat(item.get("service_code")).isEqualTo("pothole"));
		assertThat(idsOf(potholes)).contains(first).doesNotContain(second);
		// "can be declared multiple times, comma delimited"
		assertThat(ids(client, RequestsQuery.all().serviceCode("streetlight-out", "pothole").between(from, to), format))
			.contains(first, second);

		List<Item> open = listed(client, RequestsQuery.all().status("open").between(from, to), format);
		assertThat(open).allSatisfy(item -> assertThat(item.get("status")).isEqualTo("open"));
		assertThat(idsOf(open)).contains(first, second);
		List<Item> closed = listed(client, RequestsQuery.all().status("closed").between(from, to), format);
		assertThat(closed).allSatisfy(item -> assertThat(item.get("status")).isEqualTo("closed"));
		assertThat(idsOf(closed)).doesNotContain(first, second);
		assertThat(ids(client, RequestsQuery.all().status("open", "closed").between(from, to), format)).contains(first,
				second);

		List<Item> inWindow = listed(client, RequestsQuery.all().between(from, to), format);
		assertThat(idsOf(inWindow)).contains(first, second);
		assertThat(inWindow).allSatisfy(item -> assertThat(w3(item.get("requested_datetime"), "requested_datetime").toInstant())
			.isBetween(from.toInstant(), to.toInstant()));
		// The same instants written with other offsets (one with a '+', which must be sent encoded).
		assertThat(ids(client, RequestsQuery.all()
			.between(from.withOffsetSameInstant(ZoneOffset.ofHours(-6)), to.withOffsetSameInstant(ZoneOffset.ofHours(1))),
				format))
			.as("start_date and end_date with offsets -06:00 and +01:00")
			.contains(first, second);
		assertThat(ids(client, RequestsQuery.all().between(to.plusMinutes(1), to.plusMinutes(2)), format))
			.as("a window after them").doesNotContain(first, second);
		assertThat(ids(client, RequestsQuery.all().between(from.minusMinutes(2), from.minusMinutes(1)), format))
			.as("a window before them").doesNotContain(first, second);
		assertThat(ids(client, RequestsQuery.all().serviceCode("pothole").status("open").between(from, to), format))
			.as("filters together").contains(first).doesNotContain(second);
		// "Default query limit is a span of 90 days or first 1000 requests returned".
		assertThat(listed(client, RequestsQuery.all(), format)).hasSizeLessThanOrEqualTo(1000);
	}

	@ParameterizedTest
	@EnumSource(Format.class)
	void refusedRequestsAnswerInTheErrorFormatAndStoreNothing(Format format) {
		GeoReportClient client = client();
		String marker = marker();
		OffsetDateTime from = OffsetDateTime.now(ZoneOffset.UTC).minusMinutes(1);
		RequestsQuery potholes = RequestsQuery.all().serviceCode("pothole").between(from, from.plusMinutes(30));
		int potholesBefore = listed(client, potholes, format).size();

		NewRequest pothole = NewRequest.of("pothole").at(LAT, LONG).description("refused " + marker);
		refused(client.post(NewRequest.withoutServiceCode().at(LAT, LONG).description("refused " + marker), format),
				Set.of(400), "service_code");
		// The spec: "404 - service_code … was not found"; 400 is allowed by the test's contract.
		refused(client.post(NewRequest.of("no-such-service-" + marker).at(LAT, LONG).description("refused " + marker),
				format), Set.of(404, 400), "service_code", "no-such-service-" + marker);
		refused(client.post(NewRequest.of("pothole").at(40.0, -3.7).description("refused " + marker), format),
				Set.of(400), "location", "lat", "long", "outside", "jurisdiction", "bound", "area");
		refused(client.post(NewRequest.of("pothole").description("refused " + marker), format), Set.of(400),
				"location", "lat", "long", "address");
		refused(client.post(NewRequest.of("pothole").with("lat", Double.toString(LAT)).description("refused " + marker),
				format), Set.of(400), "long", "lat", "location");
		refused(client.post(pothole.attribute("colour", "red"), format), Set.of(400), "colour");
		refused(client.post(pothole.attribute("size", "enormous"), format), Set.of(400), "size", "enormous");
		// "attribute … required if the service_code requires a service definition with required fields".
		refused(client.post(NewRequest.of("garbage-not-collected").at(LAT, LONG).description("refused " + marker),
				format), Set.of(400), "days_waiting");
		// datatype number: "A numeric value".
		refused(client.post(NewRequest.of("garbage-not-collected").at(LAT, LONG).attribute("days_waiting", "several")
			.description("refused " + marker), format), Set.of(400), "days_waiting");

		assertThat(listed(client, potholes, format)).as("potholes since the test began").hasSize(potholesBefore);
		List<Item> since = listed(client, RequestsQuery.all().between(from, OffsetDateTime.now(ZoneOffset.UTC).plusMinutes(1)),
				format);
		assertThat(since).as("requests made since the test began")
			.noneSatisfy(item -> assertThat(item.get("description")).contains(marker));
	}

	@ParameterizedTest
	@EnumSource(Format.class)
	void whatDoesNotExistIs404InTheErrorFormat(Format format) {
		GeoReportClient client = client();
		refused(client.request("999999999", format), Set.of(404));
		refused(client.serviceDefinition("no-such-service", format), Set.of(404));
		refused(client.token("no-such-token-" + marker(), format), Set.of(404));
		// The spec: "404 - jurisdiction_id provided was not found", but also that a server of one
		// jurisdiction "can ignore this parameter": either is taken, a refusal in the error format.
		Reply elsewhere = client.inJurisdiction("elsewhere.example").services(format);
		if (elsewhere.status() != 200) {
			refused(elsewhere, Set.of(404), "jurisdiction");
		}
	}

	/**
	 * Someone opening services.xml in a browser sends that browser's Accept header; the spec
	 * chooses the format by the extension, so the answer is still the one asked by the URL.
	 */
	@Test
	void theExtensionChoosesTheFormatWhateverABrowserAccepts() {
		String browser = "text/html,application/xhtml+xml,application/xml;q=0.9,*/*;q=0.8";
		for (Format format : Format.values()) {
			Reply reply = client().services(format, browser);
			assertAnswer(reply, 200);
			assertThat(reply.items()).isNotEmpty();
		}
	}

	// ---- helpers ----

	/**
	 * The status, and what the spec says of every answer of the format: "Content-Type: text/xml;
	 * charset=utf-8" (without the charset text/xml would default to US-ASCII) and the XML
	 * declaration with encoding="UTF-8" before the root element; "Content-Type: application/json",
	 * with utf-8 if any charset.
	 */
	static void assertAnswer(Reply reply, int... statuses) {
		assertThat(reply.status()).as(reply.toString()).isIn(Arrays.stream(statuses).boxed().toList());
		String contentType = reply.contentType().toLowerCase(Locale.ROOT).replace(" ", "");
		if (reply.format() == Format.XML) {
			assertThat(contentType).as("Content-Type of %s", reply.request()).startsWith("text/xml");
			assertThat(contentType).as("Content-Type of %s", reply.request()).contains("charset=utf-8");
			assertThat(reply.body()).as("XML declaration of %s", reply.request())
				.startsWith("<?xml")
				.containsPattern(Pattern.compile("^<\\?xml[^>]*encoding=[\"'](?i:utf-8)[\"']"));
		}
		else {
			assertThat(contentType).as("Content-Type of %s", reply.request()).startsWith("application/json");
			if (contentType.contains("charset=")) {
				assertThat(contentType).as("Content-Type of %s", reply.request()).contains("charset=utf-8");
			}
		}
	}

	/**
	 * An answer in the spec's error format: the HTTP status one of those given, a list of errors
	 * each with code and description, the first's code the HTTP status (the spec allows codes of
	 * one's own, "in most cases, this should match the HTTP status code"; the test profile's
	 * contract matches it), and its description naming one of the words given, if any.
	 */
	static void refused(Reply reply, Set<Integer> statuses, String... mentions) {
		assertAnswer(reply, statuses.stream().mapToInt(Integer::intValue).toArray());
		SpecExampleShapes.assertFits(reply, Example.ERRORS);
		List<ApiError> errors = reply.errors();
		assertThat(errors).as(reply.toString()).isNotEmpty();
		assertThat(errors).as(reply.toString())
			.allSatisfy(error -> assertThat(error.description()).as("description").isNotBlank());
		assertThat(errors.get(0).code()).as("code of %s", reply).isEqualTo(Integer.toString(reply.status()));
		if (reply.format() == Format.JSON) {
			// The spec's example: "code":403, a number.
			reply.json().values().forEach(error -> assertThat(error.path("code").isIntegralNumber())
				.as("code of %s is a number", error).isTrue());
		}
		if (mentions.length > 0) {
			String said = String.join(" | ", errors.stream().map(ApiError::description).toList()).toLowerCase(Locale.ROOT);
			assertThat(List.of(mentions)).as("the words of which %s names one", reply)
				.anySatisfy(word -> assertThat(said).contains(word.toLowerCase(Locale.ROOT)));
		}
	}

	/** The one element of a POST answer, with the fields the spec's example has. */
	static Item created(Reply posted) {
		// The spec gives no status for a created request; 200 (as its errors' "HTTP error codes"
		// imply for success) and 201 are both taken.
		assertAnswer(posted, 200, 201);
		SpecExampleShapes.assertFits(posted, Example.POST_REQUESTS);
		List<Item> items = posted.items();
		assertThat(items).as(posted.toString()).hasSize(1);
		Item created = items.get(0);
		// The table says both "may not be returned", its example returns both; the test profile's
		// contract is the example's.
		assertThat(created.fields()).as(posted.toString()).containsKeys("service_notice", "account_id");
		assertThat(created.get("service_request_id") != null || created.get("token") != null)
			.as("service_request_id or token in %s", posted)
			.isTrue();
		return created;
	}

	/**
	 * The service_request_id of a created request: given, or got from its token (which the spec
	 * lets a batch server resolve later, so it is asked again for up to ten seconds). When both are
	 * given (the spec says each "should not be returned" with the other), they must agree.
	 */
	String idOf(Item created, Format format) {
		String id = created.get("service_request_id");
		String token = created.get("token");
		if (token == null) {
			return id;
		}
		long giveUp = System.nanoTime() + Duration.ofSeconds(10).toNanos();
		while (true) {
			Reply reply = client().token(token, format);
			assertAnswer(reply, 200);
			SpecExampleShapes.assertFits(reply, Example.TOKENS);
			List<Item> items = reply.items();
			assertThat(items).as(reply.toString()).hasSize(1);
			assertThat(items.get(0).get("token")).as(reply.toString()).isEqualTo(token);
			String fromToken = items.get(0).get("service_request_id");
			if (fromToken != null) {
				if (id != null) {
					assertThat(fromToken).as("service_request_id of the token").isEqualTo(id);
				}
				return fromToken;
			}
			assertThat(System.nanoTime()).as("token %s still without a service_request_id", token).isLessThan(giveUp);
			sleep(Duration.ofMillis(250));
		}
	}

	/** GET requests/{id}: a list of one, the spec's shape. */
	Item fetch(String id, Format format) {
		Reply reply = client().request(id, format);
		assertAnswer(reply, 200);
		SpecExampleShapes.assertFits(reply, Example.REQUEST);
		List<Item> items = reply.items();
		assertThat(items).as(reply.toString()).hasSize(1);
		return items.get(0);
	}

	static List<Item> listed(GeoReportClient client, RequestsQuery query, Format format) {
		Reply reply = client.requests(query, format);
		assertAnswer(reply, 200);
		SpecExampleShapes.assertFits(reply, Example.REQUESTS);
		return reply.items();
	}

	static List<String> ids(GeoReportClient client, RequestsQuery query, Format format) {
		return idsOf(listed(client, query, format));
	}

	static List<String> idsOf(List<Item> items) {
		return items.stream().map(item -> item.get("service_request_id")).toList();
	}

	String serviceType(String code, Format format) {
		return service(code, format).get("type");
	}

	String serviceName(String code, Format format) {
		return service(code, format).get("service_name");
	}

	Item service(String code, Format format) {
		Reply reply = client().services(format);
		assertAnswer(reply, 200);
		Map<String, Item> byCode = new LinkedHashMap<>();
		reply.items().forEach(item -> byCode.put(item.get("service_code"), item));
		assertThat(byCode).as(reply.toString()).containsKey(code);
		return byCode.get(code);
	}

	/** A date of an answer: in the spec's w3 format, with its time zone. */
	static OffsetDateTime w3(String text, String field) {
		assertThat(text).as(field).isNotNull().matches(W3_DATETIME);
		return OffsetDateTime.parse(text);
	}

	static String marker() {
		return "gr2-" + UUID.randomUUID().toString().substring(0, 8);
	}

	static void sleep(Duration duration) {
		try {
			Thread.sleep(duration);
		}
		catch (InterruptedException e) {
			Thread.currentThread().interrupt();
			throw new IllegalStateException(e);
		}
	}

}
