package org.cabildo.portal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.cabildo.portal.MapPageTest.document;
import static org.cabildo.portal.MapPageTest.texts;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;

import org.cabildo.IntegrationTest;
import org.cabildo.identity.Organisations;
import org.cabildo.identity.People;
import org.cabildo.identity.Tokens;
import org.cabildo.support.Api;
import org.cabildo.support.PortalClient;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.core.io.ClassPathResource;
import org.springframework.test.context.TestPropertySource;
import org.w3c.dom.Document;

/**
 * The map's base layers in a city with districts (the demo's 16 alcaldías) and a street map:
 * the boundaries served simplified and small, the district named in the list, the tile host let
 * into the map page's policy (and only there), and the whole first load within 300 KB.
 */
@IntegrationTest
@TestPropertySource(properties = { "cabildo.city.districts=classpath:demo/mexico-city/districts.geojson",
		"cabildo.city.districts-attribution=INEGI <b>2020</b>",
		"cabildo.portal.map.tiles=https://{s}.tiles.example.org/{z}/{x}/{y}.png",
		"cabildo.portal.map.tiles-attribution=© example contributors" })
class MapBaseLayerTest {

	private static final String TILE_HOST = "https://*.tiles.example.org";

	@LocalServerPort
	int port;

	@Autowired
	Organisations organisations;

	@Autowired
	People people;

	@Autowired
	Tokens tokens;

	private final HttpClient http = HttpClient.newHttpClient();

	@Test
	void servesTheDistrictsSimplifiedAndSmall() throws Exception {
		long surveyed = new ClassPathResource("demo/mexico-city/districts.geojson").contentLength();
		HttpResponse<byte[]> plain = get("/map/districts.geojson", Map.of());
		assertThat(plain.statusCode()).isEqualTo(200);
		assertThat(plain.headers().firstValue("Content-Type")).hasValue("application/geo+json");
		assertThat(surveyed).isGreaterThan(400_000);
		// about 24 KB of the 427 KB surveyed: 1,163 of 14,662 points, four decimals
		assertThat(plain.body().length).as("%d bytes served of %d", plain.body().length, surveyed)
			.isBetween(10_000, 30_000);
		String districts = new String(plain.body(), StandardCharsets.UTF_8);
		assertThat(Api.json(districts).get("features")).hasSize(16);
		assertThat(districts).contains("\"name\":\"Cuauhtémoc\"").doesNotContain("population");

		HttpResponse<byte[]> compressed = get("/map/districts.geojson", Map.of("Accept-Encoding", "gzip"));
		assertThat(compressed.headers().firstValue("Content-Encoding")).hasValue("gzip");
		assertThat(compressed.body().length).as("%d bytes sent compressed", compressed.body().length)
			.isLessThan(8_000);
	}

	@Test
	void namesTheDistrictOfEachStreamAndWhomTheBoundariesComeFrom() throws Exception {
		MapPageTest.Office office = MapPageTest.Office.create(port, organisations, people, tokens);
		String station = "map districts " + MapPageTest.unique();
		long datastream = office.datastream(station);
		Document page = document(new PortalClient(port).get("/map?lang=es&organisation="
				+ MapPageTest.encode(office.name())).body());
		assertThat(texts(page, "//thead/tr/th")).contains("Distrito");
		String row = "//tbody/tr[td[1]/a/@href='/sensors/" + datastream + "']/td";
		// the Thing stands at -99.13, 19.43: in Cuauhtémoc
		assertThat(texts(page, row)).startsWith(station, station).endsWith("Cuauhtémoc");
		assertThat(texts(page, "//div[@id='map']/@data-districts")).containsExactly("/map/districts.geojson");
		assertThat(texts(page, "//p[@class='sources']").get(0)).contains("Límites de los distritos: INEGI <b>2020</b>.");
	}

	@Test
	void letsTheTileHostIntoTheMapPagesPolicyOnly() throws Exception {
		PortalClient browser = new PortalClient(port);
		PortalClient.Page map = browser.get("/map");
		String policy = map.header("Content-Security-Policy");
		assertThat(policy).contains("img-src 'self' data: " + TILE_HOST + ";")
			.contains("script-src 'self';")
			.doesNotContain("unsafe-inline");
		assertThat(policy.split(TILE_HOST.replace("*", "\\*").replace(".", "\\."), -1)).hasSize(2);
		Document document = document(map.body());
		assertThat(texts(document, "//div[@id='map']/@data-tiles"))
			.containsExactly("https://{s}.tiles.example.org/{z}/{x}/{y}.png");
		assertThat(texts(document, "//div[@id='map']/@data-tiles-attribution")).containsExactly("© example contributors");
		// a refused request of the map page keeps the same policy; other pages keep theirs
		assertThat(browser.get("/map?stage=moon").header("Content-Security-Policy")).isEqualTo(policy);
		assertThat(browser.get("/").header("Content-Security-Policy"))
			.isEqualTo(PortalConfiguration.CONTENT_SECURITY_POLICY)
			.doesNotContain("example.org");
	}

	@Test
	void theFirstLoadOfTheMapIsWithin300Kilobytes() throws Exception {
		Map<String, String> gzip = Map.of("Accept-Encoding", "gzip");
		HttpResponse<byte[]> page = get("/map", gzip);
		Document document = document(new PortalClient(port).get("/map").body());
		String box = "//div[@id='map']/@";
		List<String> parts = List.of("/portal/portal.css", "/portal/map.js", texts(document, box + "data-leaflet-css").get(0),
				texts(document, box + "data-leaflet-js").get(0), texts(document, box + "data-districts").get(0),
				texts(document, box + "data-streams").get(0));
		long total = page.body().length;
		StringBuilder sizes = new StringBuilder("/map " + page.body().length);
		for (String part : parts) {
			HttpResponse<byte[]> answer = get(part, gzip);
			assertThat(answer.statusCode()).as(part).isEqualTo(200);
			total += answer.body().length;
			sizes.append(", ").append(part).append(' ').append(answer.body().length);
		}
		assertThat(total).as(sizes.toString()).isLessThanOrEqualTo(300 * 1024);
		// the script is compressed too
		assertThat(get("/portal/map.js", gzip).headers().firstValue("Content-Encoding")).hasValue("gzip");
		assertThat(get(texts(document, box + "data-leaflet-js").get(0), gzip).headers().firstValue("Content-Encoding"))
			.hasValue("gzip");
	}

	private HttpResponse<byte[]> get(String path, Map<String, String> headers) {
		HttpRequest.Builder request = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + path));
		headers.forEach(request::header);
		try {
			return http.send(request.build(), HttpResponse.BodyHandlers.ofByteArray());
		}
		catch (IOException e) {
			throw new UncheckedIOException(e);
		}
		catch (InterruptedException e) {
			Thread.currentThread().interrupt();
			throw new IllegalStateException(e);
		}
	}

}
