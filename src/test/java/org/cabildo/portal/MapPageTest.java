package org.cabildo.portal;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayInputStream;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import javax.xml.parsers.DocumentBuilderFactory;
import javax.xml.xpath.XPathConstants;
import javax.xml.xpath.XPathFactory;

import org.cabildo.IntegrationTest;
import org.cabildo.governance.AccessLevel;
import org.cabildo.governance.Declaration;
import org.cabildo.governance.PersonalDataClass;
import org.cabildo.governance.Register;
import org.cabildo.governance.Stage;
import org.cabildo.identity.Organisation;
import org.cabildo.identity.Organisations;
import org.cabildo.identity.People;
import org.cabildo.identity.Person;
import org.cabildo.identity.Role;
import org.cabildo.identity.Tokens;
import org.cabildo.sensing.DatastreamPlaces;
import org.cabildo.support.Api;
import org.cabildo.support.Fixtures;
import org.cabildo.support.PortalClient;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.w3c.dom.Document;
import org.w3c.dom.NodeList;

import tools.jackson.databind.JsonNode;

/**
 * The map of every sensor, read as a browser without JavaScript reads it: the list of the
 * declared streams the filters select (the register's own filter), a page at a time, in each
 * language, safely written; the map's script asks the register for the same streams.
 */
@IntegrationTest
class MapPageTest {

	private static final String SCRIPT = "<script>alert(1)</script>";

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
	DatastreamPlaces places;

	@Test
	void listsTheStreamsTheFiltersSelectAndNotTheOthers() throws Exception {
		Office office = office();
		long counter = office.datastream("counter " + unique());
		long air = office.datastream("air " + unique());
		declare(counter, List.of("mobility", "planning_decision_making"), List.of("induction_loop"),
				PersonalDataClass.PSEUDONYMOUS, Stage.PILOT);
		String filters = "organisation=" + encode(office.name()) + "&purpose=mobility&technology=induction_loop"
				+ "&class=pseudonymous&stage=pilot";

		PortalClient.Page page = new PortalClient(port).get("/map?lang=es&" + filters);
		assertThat(page.status()).isEqualTo(200);
		Document document = document(page.body());
		List<String> cards = texts(document, "//tbody/tr/td[1]/a/@href");
		assertThat(cards).containsExactly("/sensors/" + counter);
		assertThat(texts(document, "//tbody/tr/td")).containsSubsequence(name(counter), name(counter),
				"Movilidad, Planificación y toma de decisiones", "Bucle de inducción", "Seudónimos", office.name(),
				"Piloto");
		// the form says what was chosen
		assertThat(texts(document, "//select[@name='purpose']/option[@selected]/@value")).containsExactly("mobility");
		assertThat(texts(document, "//select[@name='technology']/option[@selected]/@value"))
			.containsExactly("induction_loop");
		assertThat(texts(document, "//select[@name='class']/option[@selected]/@value")).containsExactly("pseudonymous");
		assertThat(texts(document, "//select[@name='organisation']/option[@selected]/@value"))
			.containsExactly(office.name());
		assertThat(texts(document, "//select[@name='stage']/option[@selected]/@value")).containsExactly("pilot");

		// the map's script asks the register's GeoJSON for the same streams
		String streams = texts(document, "//div[@id='map']/@data-streams").get(0);
		assertThat(streams).startsWith("/api/register.geojson?lang=es&");
		JsonNode features = Api.anonymous(port).get(streams).json().get("features");
		assertThat(features).hasSize(1);
		assertThat(features.get(0).get("id").asLong()).isEqualTo(counter);
		assertThat(features.get(0).get("properties").get("thing").asString()).isEqualTo(name(counter));
		assertThat(features.get(0).get("geometry").get("coordinates").get(0).asDouble()).isEqualTo(-99.13);

		// the other stream of the office, with other filters; an empty choice is any
		Document ecology = document(new PortalClient(port)
			.get("/map?organisation=" + encode(office.name()) + "&purpose=ecology&technology=&class=&stage=")
			.body());
		assertThat(texts(ecology, "//tbody/tr/td[1]/a/@href")).containsExactly("/sensors/" + air);
		Document both = document(new PortalClient(port).get("/map?organisation=" + encode(office.name())).body());
		assertThat(texts(both, "//tbody/tr/td[1]/a/@href")).containsExactlyInAnyOrder("/sensors/" + air,
				"/sensors/" + counter);
		assertThat(Api.anonymous(port).get("/api/register", "organisation", office.name(), "technology",
				"induction_loop").json().get("count").asInt()).isEqualTo(1);
	}

	@Test
	void readsThePlacesOnceForEveryoneAndAgainAsSoonAsAStreamOrItsLocationChanges() throws Exception {
		Office office = office();
		String before = "renamed " + unique();
		long stream = office.datastream(before);
		String page = "/map?lang=en&organisation=" + encode(office.name());
		assertThat(texts(document(new PortalClient(port).get(page).body()), "//tbody/tr/td[1]")).containsExactly(before);
		// nothing changed: every reader gets the places read once
		assertThat(places.all()).isSameAs(places.all());

		String after = "renamed again " + unique();
		assertThat(office.operator().patch("/v1.1/Datastreams(" + stream + ")", Map.of("name", after)).status())
			.isEqualTo(200);
		assertThat(texts(document(new PortalClient(port).get(page).body()), "//tbody/tr/td[1]")).containsExactly(after);

		JsonNode location = office.operator().get("/v1.1/Datastreams(" + stream + ")/Thing/Locations").json()
			.get("value").get(0);
		Api.Response moved = office.operator().patch("/v1.1/Locations(" + location.get("@iot.id").asLong() + ")",
				Map.of("location", Map.of("type", "Point", "coordinates", List.of(-99.2, 19.5))));
		assertThat(moved.status()).as("%s", moved).isEqualTo(200);
		JsonNode feature = Api.anonymous(port).get("/api/register.geojson", "organisation", office.name()).json()
			.get("features").get(0);
		assertThat(feature.get("geometry").get("coordinates").get(0).asDouble()).isEqualTo(-99.2);
		assertThat(places.all().get(stream).anchor()).containsExactly(-99.2, 19.5);
	}

	@Test
	void listsAtMostFiftyStreamsAPageWithLinksToTheOthers() throws Exception {
		Office office = office();
		List<Long> created = new ArrayList<>();
		for (int i = 0; i < MapPage.PAGE_SIZE + 1; i++) {
			created.add(office.datastream(String.format("station %02d %s", i, unique())));
		}
		PortalClient browser = new PortalClient(port);
		String first = "/map?lang=en&organisation=" + encode(office.name());
		Document one = document(browser.get(first).body());
		assertThat(texts(one, "//tbody/tr")).hasSize(MapPage.PAGE_SIZE);
		assertThat(texts(one, "//caption").get(0)).isEqualTo("51 declared data streams; showing 1–50");
		assertThat(texts(one, "//a[@rel='prev']")).isEmpty();
		String next = texts(one, "//a[@rel='next']/@href").get(0);
		assertThat(next).isEqualTo("/map?organisation=" + encode(office.name()) + "&page=2");

		Document two = document(browser.get(next).body());
		assertThat(texts(two, "//tbody/tr/td[1]/a/@href")).containsExactly("/sensors/" + created.getLast());
		assertThat(texts(two, "//a[@rel='next']")).isEmpty();
		assertThat(texts(two, "//a[@rel='prev']/@href")).containsExactly("/map?organisation=" + encode(office.name()));

		PortalClient.Page past = browser.get("/map?organisation=" + encode(office.name()) + "&page=3");
		assertThat(past.status()).isEqualTo(404);
		assertThat(texts(document(past.body()), "//p[@role='alert']")).containsExactly("There is no page 3: the list has 2.");
	}

	@Test
	void writesAScriptInAThingsNameAsTextAndRunsOnlyItsOwnScript() throws Exception {
		Office office = office();
		long datastream = office.datastream("Estación " + SCRIPT + " " + unique());
		PortalClient.Page page = new PortalClient(port).get("/map?organisation=" + encode(office.name()));
		assertThat(page.body()).doesNotContain(SCRIPT).contains("Estación &lt;script&gt;alert(1)&lt;/script&gt;");
		Document document = document(page.body());
		assertThat(texts(document, "//tbody/tr/td[2]")).containsExactly(name(datastream));
		NodeList scripts = document.getElementsByTagName("script");
		assertThat(scripts.getLength()).isOne();
		assertThat(scripts.item(0).getAttributes().getNamedItem("src").getNodeValue()).isEqualTo("/portal/map.js");
		assertThat(scripts.item(0).getTextContent()).isEmpty();
		assertThat(page.body()).doesNotContain("style=").doesNotContain("<style").doesNotContain("https://");
		assertThat(page.header("Content-Security-Policy")).isEqualTo(PortalConfiguration.CONTENT_SECURITY_POLICY)
			.contains("img-src 'self' data:;");

		Api.Response script = Api.anonymous(port).get("/portal/map.js");
		assertThat(script.status()).isEqualTo(200);
		assertThat(script.header("Content-Type")).contains("javascript");
		assertThat(script.body()).doesNotContain("innerHTML").contains("textContent");
		// Leaflet, from the application's own WebJar
		String leaflet = texts(document, "//div[@id='map']/@data-leaflet-js").get(0);
		assertThat(leaflet).startsWith("/webjars/leaflet/").endsWith("/dist/leaflet.js");
		assertThat(Api.anonymous(port).get(leaflet).status()).isEqualTo(200);
		assertThat(Api.anonymous(port).get(texts(document, "//div[@id='map']/@data-leaflet-css").get(0)).status())
			.isEqualTo(200);
	}

	@Test
	void isWellFormedAndLabelledInEachLanguage() throws Exception {
		Office office = office();
		office.datastream("station " + unique());
		Map<String, List<String>> words = Map.of("es", List.of("Mapa de todos los sensores", "Finalidad", "Toda la ciudad"),
				"pt", List.of("Mapa de todos os sensores", "Finalidade", "Toda a cidade"), "en",
				List.of("Map of every sensor", "Purpose", "City-wide"));
		for (String lang : List.of("es", "pt", "en")) {
			PortalClient.Page page = new PortalClient(port).get("/map?lang=" + lang + "&organisation="
					+ encode(office.name()));
			assertThat(page.status()).as(lang).isEqualTo(200);
			assertThat(page.header("Content-Type")).startsWith("text/html");
			Document document = document(page.body());
			assertThat(document.getDocumentElement().getAttribute("lang")).isEqualTo(lang);
			assertThat(texts(document, "//h1")).as(lang).containsExactly(words.get(lang).get(0));
			assertThat(texts(document, "//label")).as(lang).contains(words.get(lang).get(1));
			assertThat(texts(document, "//tbody/tr/td")).as(lang).contains(words.get(lang).get(2));
			// every select has its label, every column header its scope, the table its caption
			for (String id : texts(document, "//select/@id")) {
				assertThat(texts(document, "//label[@for='" + id + "']")).as(lang + " " + id).hasSize(1);
			}
			assertThat(texts(document, "//th[not(@scope='col')]")).isEmpty();
			assertThat(texts(document, "//table/caption")).hasSize(1);
			assertThat(texts(document, "//main")).hasSize(1);
			assertThat(page.header("Content-Security-Policy")).doesNotContain("unsafe-inline");
		}
	}

	@Test
	void anUnknownFilterValueIsA400PageSayingWhichOne() throws Exception {
		Map<String, String> refused = Map.of("purpose=teleportation", "«teleportation» no es un valor de «Finalidad»",
				"technology=warp%3Cb%3E", "«warp&lt;b&gt;» no es un valor de «Tecnología»",
				"class=secret", "«secret» no es un valor de «Datos personales»", "stage=moon",
				"«moon» no es un valor de «Etapa»", "organisation=nobody-" + unique(), "no es un valor de «Organización»",
				"page=0", "«0» no es un valor de «Página»", "page=abc", "«abc» no es un valor de «Página»");
		for (Map.Entry<String, String> query : refused.entrySet()) {
			PortalClient.Page page = new PortalClient(port).get("/map?lang=es&" + query.getKey());
			assertThat(page.status()).as(query.getKey()).isEqualTo(400);
			assertThat(page.header("Content-Type")).startsWith("text/html");
			assertThat(page.body()).as(query.getKey()).contains(query.getValue()).doesNotContain("<b>");
			Document document = document(page.body());
			assertThat(texts(document, "//h1")).hasSize(1);
			assertThat(texts(document, "//select")).hasSize(5);
			assertThat(texts(document, "//table")).isEmpty();
		}
		assertThat(new PortalClient(port).get("/map?lang=en&stage=moon").body())
			.contains("“moon” is not a value of “Stage” the register knows.");
		// the register's API refuses the same values, as it always has
		assertThat(Api.anonymous(port).get("/api/register.geojson", "purpose", "teleportation").status()).isEqualTo(400);
		assertThat(Api.anonymous(port).get("/api/register", "technology", "warp").json().get("parameter").asString())
			.isEqualTo("technology");
	}

	private Office office() {
		return Office.create(port, organisations, people, tokens);
	}

	/** An organisation of the test's own, with an operator who creates its Datastreams. */
	record Office(String name, Api operator) {

		static Office create(int port, Organisations organisations, People people, Tokens tokens) {
			Organisation organisation = organisations.create("map office " + unique());
			Person person = people.create("map-operator-" + unique(), null, organisation.id(), "test");
			people.grant(person.id(), organisation.id(), Role.OPERATOR, "test");
			return new Office(organisation.name(),
					Api.anonymous(port).as(Api.bearer(tokens.create(person.id(), "test", null, "test").secret())));
		}

		/** A Datastream with its Thing of the same name (declared at once as open air-quality data). */
		long datastream(String name) {
			Api.Response created = operator.post("/v1.1/Datastreams", Fixtures.datastreamWithThing(name));
			assertThat(created.status()).as("%s", created).isEqualTo(201);
			return created.id();
		}

	}

	private void declare(long datastream, List<String> purposes, List<String> technology, PersonalDataClass data,
			Stage stage) {
		long owner = register.owner(datastream);
		Map<String, Object> area = Map.of("type", "Polygon", "coordinates",
				List.of(List.of(List.of(-100, 19), List.of(-99, 19), List.of(-99, 20), List.of(-100, 20),
						List.of(-100, 19))));
		register.saveVersion(new Declaration(datastream, 1, owner, register.organisationName(owner),
				"steward@cabildo.invalid", purposes, technology, List.of("values_time"), List.of("raw_data"),
				List.of("available_to_download"), List.of("stored_locally"),
				new Declaration.Retention("P30D", Declaration.Retention.NOTHING, null), data,
				new Declaration.LegalBasis("public_task", "a test"), "https://example.org/privacy",
				AccessLevel.RESTRICTED, List.of(), stage,
				stage == Stage.PILOT ? new Declaration.Pilot(area, LocalDate.of(2099, 12, 31)) : null, null,
				"A test stream.", null, Instant.now(), "tests"), "declaration", "declared by a map test");
	}

	private String name(long datastream) {
		return Api.anonymous(port).get("/v1.1/Datastreams(" + datastream + ")").json().get("name").asString();
	}

	static String unique() {
		return UUID.randomUUID().toString().substring(0, 8);
	}

	static String encode(String text) {
		return URLEncoder.encode(text, StandardCharsets.UTF_8);
	}

	/** The page as a strict XML parser reads it: any unclosed element or raw '<' from data fails. */
	static Document document(String body) throws Exception {
		return DocumentBuilderFactory.newInstance()
			.newDocumentBuilder()
			.parse(new ByteArrayInputStream(body.getBytes(StandardCharsets.UTF_8)));
	}

	/** The text of each node an XPath expression selects, stripped. */
	static List<String> texts(Document document, String xpath) throws Exception {
		NodeList nodes = (NodeList) XPathFactory.newInstance().newXPath().evaluate(xpath, document, XPathConstants.NODESET);
		List<String> texts = new ArrayList<>();
		for (int i = 0; i < nodes.getLength(); i++) {
			texts.add(nodes.item(i).getTextContent().strip());
		}
		return texts;
	}

}
