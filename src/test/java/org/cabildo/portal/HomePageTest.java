package org.cabildo.portal;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.text.NumberFormat;
import java.time.Instant;
import java.time.format.DateTimeFormatter;
import java.time.format.FormatStyle;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import javax.xml.parsers.DocumentBuilderFactory;

import org.cabildo.IntegrationTest;
import org.cabildo.platform.CityTime;
import org.cabildo.support.Api;
import org.cabildo.support.Fixtures;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.TestPropertySource;
import org.w3c.dom.Document;

/**
 * The portal's home page, read by a plain HTTP client as a browser would: in each language,
 * with what the register declares and the latest open air-quality values, safely written.
 */
@IntegrationTest
class HomePageTest {

	private static final String SCRIPT = "<script>alert(1)</script>";

	@LocalServerPort
	int port;

	@Autowired
	CityTime city;


	@Test
	void answersInSpanishByDefaultAndInTheBrowsersLanguage() {
		Api.Response spanish = page("/", Map.of());
		assertThat(spanish.status()).isEqualTo(200);
		assertThat(spanish.header("Content-Type")).startsWith("text/html");
		assertThat(language(spanish)).isEqualTo("es");
		assertThat(spanish.body()).contains("El aire ahora");

		Api.Response portuguese = page("/", Map.of("Accept-Language", "pt-BR,pt;q=0.9,en;q=0.5"));
		assertThat(language(portuguese)).isEqualTo("pt");
		assertThat(portuguese.body()).contains("O ar agora");

		Api.Response english = page("/", Map.of("Accept-Language", "fr-FR,en;q=0.8"));
		assertThat(language(english)).isEqualTo("en");
		assertThat(english.body()).contains("The air now");

		// a language the portal does not speak: Spanish, the city's
		assertThat(language(page("/", Map.of("Accept-Language", "de")))).isEqualTo("es");
	}

	@Test
	void remembersTheLanguageChosenWithLangInACookie() {
		Api.Response chosen = page("/?lang=pt", Map.of("Accept-Language", "en"));
		assertThat(language(chosen)).isEqualTo("pt");
		String cookie = chosen.header("Set-Cookie");
		assertThat(cookie).startsWith("cabildo-lang=pt").contains("HttpOnly");

		Api.Response remembered = page("/", Map.of("Accept-Language", "en", "Cookie", cookie.split(";")[0]));
		assertThat(language(remembered)).isEqualTo("pt");
		assertThat(remembered.body()).contains("O ar agora");

		// the API keeps its answers: JSON, no language cookie, no page policy, whatever it is sent
		Api.Response api = page("/v1.1/NoSuchSet?lang=pt", Map.of("Cookie", cookie.split(";")[0]));
		assertThat(api.header("Content-Type")).contains("json");
		assertThat(api.header("Set-Cookie")).isNull();
		assertThat(api.header("Content-Security-Policy")).isNull();

		assertThat(language(page("/?lang=en", Map.of()))).isEqualTo("en");
		// an unknown choice is left aside, and a forged cookie speaks the default
		assertThat(language(page("/?lang=xx", Map.of("Accept-Language", "en")))).isEqualTo("en");
		assertThat(language(page("/", Map.of("Cookie", "cabildo-lang=xx")))).isEqualTo("es");
	}

	@Test
	void showsTheDeclaredCountsAndTheLatestOpenAirValueEscaped() {
		Api api = new Api(port);
		String station = "Estación " + SCRIPT;
		Api.Response created = api.post("/v1.1/Datastreams", Fixtures.datastreamWithThing(station));
		// declared at once as open air-quality data of the city stage (the test city's policy)
		assertThat(created.status()).isEqualTo(201);
		Instant measured = Instant.now().truncatedTo(ChronoUnit.MINUTES).minus(1, ChronoUnit.HOURS);
		Api.Response observed = api.post("/v1.1/Observations", Map.of("phenomenonTime", measured.toString(), "result",
				12.5, "Datastream", Map.of("@iot.id", created.id())));
		assertThat(observed.status()).isEqualTo(201);
		long declared = Api.anonymous(port).get("/api/register").json().get("count").asLong();

		for (String lang : new String[] { "es", "pt", "en" }) {
			Locale locale = Locale.forLanguageTag(lang);
			String body = page("/?lang=" + lang, Map.of()).body();
			String time = DateTimeFormatter.ofLocalizedDateTime(FormatStyle.MEDIUM, FormatStyle.SHORT)
				.withLocale(locale)
				.format(city.local(measured));
			assertThat(body).as(lang)
				.contains(NumberFormat.getNumberInstance(locale).format(declared) + " ")
				.contains(NumberFormat.getNumberInstance(locale).format(12.5))
				.contains(escaped(time))
				.contains("degC")
				.contains(city.name())
				.contains("Estación &lt;script&gt;alert(1)&lt;/script&gt;")
				.doesNotContain(SCRIPT);
		}
		assertThat(page("/?lang=es", Map.of()).body()).contains("Ninguno").contains("Ecología");
		assertThat(page("/?lang=en", Map.of()).body()).contains("None").contains("Ecology");
	}

	@Test
	void isWellFormedAndRunsNoScript() throws Exception {
		Api api = new Api(port);
		Api.Response created = api.post("/v1.1/Datastreams", Fixtures.datastreamWithThing(SCRIPT));
		api.post("/v1.1/Observations", Map.of("result", 1, "Datastream", Map.of("@iot.id", created.id())));
		for (String lang : new String[] { "es", "pt", "en" }) {
			Api.Response home = page("/?lang=" + lang, Map.of());
			// a strict XML parser: any unclosed or misnested element, or a raw '<' from data, fails it
			Document document = DocumentBuilderFactory.newInstance()
				.newDocumentBuilder()
				.parse(new ByteArrayInputStream(home.body().getBytes(StandardCharsets.UTF_8)));
			assertThat(document.getElementsByTagName("script").getLength()).as(lang).isZero();
			assertThat(document.getElementsByTagName("h1").getLength()).as(lang).isEqualTo(1);
			String policy = home.header("Content-Security-Policy");
			assertThat(policy).as(lang)
				.contains("script-src 'self'")
				.contains("default-src 'self'")
				.contains("frame-ancestors 'none'")
				.doesNotContain("unsafe-inline")
				.doesNotContain("unsafe-eval");
		}
	}

	@Test
	void servesItsStyleSheetToAnyone() {
		Api.Response css = Api.anonymous(port).get("/portal/portal.css");
		assertThat(css.status()).isEqualTo(200);
		assertThat(css.header("Content-Type")).startsWith("text/css");
		String home = page("/", Map.of()).body();
		assertThat(home).contains("href=\"/portal/portal.css\"").doesNotContain("<style").doesNotContain("https://");
	}

	@Test
	void servesItsIconToAnyoneAndSendsTheOldAddressThere() {
		Api.Response icon = Api.anonymous(port).get("/portal/favicon.svg");
		assertThat(icon.status()).isEqualTo(200);
		assertThat(icon.header("Content-Type")).startsWith("image/svg+xml");
		assertThat(icon.body()).startsWith("<svg").doesNotContain("<script");
		assertThat(page("/", Map.of()).body()).contains("<link rel=\"icon\" type=\"image/svg+xml\" href=\"/portal/favicon.svg\"");
		// the address browsers ask for by themselves: sent on to the icon, never refused
		for (Map<String, String> browser : List.of(Map.of("Accept", "image/avif,image/webp,image/*,*/*;q=0.8"),
				Map.<String, String>of())) {
			Api.Response favicon = Api.anonymous(port).send("GET", "/favicon.ico", null, browser);
			assertThat(favicon.status()).as("%s", favicon).isEqualTo(301);
			assertThat(favicon.header("Location")).endsWith("/portal/favicon.svg");
			assertThat(favicon.header("Set-Cookie")).isNull();
		}
		// and nothing else beside it is opened
		assertThat(Api.anonymous(port).send("POST", "/favicon.ico", null, Map.of()).status()).isIn(401, 403);
	}

	@Test
	void aCityWithoutALocalIndexShowsNoCategoryOnlyTheWhoGuideline() {
		String station = "Sin índice " + System.nanoTime();
		observe(port, station, "PM2.5", "ug/m3", 30);
		for (String lang : new String[] { "es", "pt", "en" }) {
			String body = page("/?lang=" + lang, Map.of()).body();
			String row = row(body, station);
			assertThat(row).as(lang).contains("µg/m³").doesNotContain("air-category");
			assertThat(body).as(lang).doesNotContain("air-category").doesNotContain("air-level-");
		}
		String spanish = row(page("/?lang=es", Map.of()).body(), station);
		assertThat(spanish).contains("15 µg/m³ (24 h)").contains("por encima");
		String english = page("/?lang=en", Map.of()).body();
		assertThat(row(english, station)).contains("15 µg/m³ (24 h)").contains("above");
		assertThat(english).doesNotContain("Local index").contains("only the WHO guideline is shown")
			.contains("for orientation only");
	}

	@Test
	void everyVisitorGetsTheSamePageUntilWhatItShowsChanges() {
		String first = page("/?lang=en", Map.of()).body();
		assertThat(page("/", Map.of("Accept-Language", "en")).body()).isEqualTo(first);
		String station = "Kept " + System.nanoTime();
		observe(port, station, "NO2", "[ppb]", 30);
		String after = page("/?lang=en", Map.of()).body();
		assertThat(after).isNotEqualTo(first).contains(station);
		// the other languages too, each in its own words
		assertThat(page("/?lang=pt", Map.of()).body()).contains(station).contains("O ar agora");
	}

	/** The same server with the demo city's index (NOM-172-SEMARNAT-2019, Mexico's "Índice AIRE Y SALUD"). */
	@Nested
	@TestPropertySource(properties = "cabildo.city.air-index=nom-172-semarnat-2019")
	class WithMexicosIndex {

		@LocalServerPort
		int indexPort;

		@Test
		void aValueInAKnownBandShowsItsCategoryInWordsAndColourWithTheWhoGuideline() throws Exception {
			String station = "Merced " + SCRIPT + " " + System.nanoTime();
			// 60 ppb of ozone is 0.060 ppm: "Aceptable" (> 0.051 to 0.095 ppm, 1-hour table); at 25 °C
			// and 1 atm it is 117.8 µg/m³, above the WHO's 100 µg/m³ (8-hour)
			observe(indexPort, station, "O3", "[ppb]", 60);
			Map<String, String> words = Map.of("es", "Aceptable", "pt", "Aceitável", "en", "Acceptable");
			Map<String, String> above = Map.of("es", "por encima (≈ 117,8 µg/m³)", "pt", "acima (≈ 117,8 µg/m³)", "en",
					"above (≈ 117.8 µg/m³)");
			for (String lang : new String[] { "es", "pt", "en" }) {
				Api.Response home = Api.anonymous(indexPort).send("GET", "/?lang=" + lang, null, Map.of());
				String row = row(home.body(), station);
				assertThat(row).as(lang)
					.contains("<span class=\"air-category air-level-2\">" + words.get(lang) + "</span>")
					.contains("100 µg/m³ (8 h)")
					.contains(above.get(lang))
					.contains(">ppb<")
					.doesNotContain(SCRIPT);
				assertThat(home.body()).as(lang).contains("NOM-172-SEMARNAT-2019").doesNotContain("https://");
				// well-formed with the index's column too
				assertThat(DocumentBuilderFactory.newInstance()
					.newDocumentBuilder()
					.parse(new ByteArrayInputStream(home.body().getBytes(StandardCharsets.UTF_8)))
					.getElementsByTagName("h1")
					.getLength()).as(lang).isEqualTo(1);
			}
			assertThat(Api.anonymous(indexPort).send("GET", "/?lang=en", null, Map.of()).body())
				.contains("Local index")
				.contains("O3: 1 h")
				.contains("for orientation only")
				.contains("25 °C and 1 atm");
		}

	}

	/** One open air-quality Datastream of a station, with one value an hour ago. */
	private static void observe(int port, String station, String pollutant, String unit, double value) {
		Api api = new Api(port);
		Map<String, Object> datastream = new java.util.HashMap<>(Fixtures.datastreamWithThing(station));
		datastream.put("unitOfMeasurement", Map.of("name", unit, "symbol", unit, "definition", "ucum:" + unit));
		datastream.put("ObservedProperty",
				Map.of("name", pollutant, "description", "a pollutant", "definition", "urn:" + pollutant));
		Api.Response created = api.post("/v1.1/Datastreams", datastream);
		assertThat(created.status()).as(created.toString()).isEqualTo(201);
		Instant measured = Instant.now().truncatedTo(ChronoUnit.MINUTES).minus(1, ChronoUnit.HOURS);
		Api.Response observed = api.post("/v1.1/Observations", Map.of("phenomenonTime", measured.toString(), "result",
				value, "Datastream", Map.of("@iot.id", created.id())));
		assertThat(observed.status()).as(observed.toString()).isEqualTo(201);
	}

	/** The table row of a station, as the page writes its name (escaped). */
	private static String row(String body, String station) {
		java.util.regex.Matcher row = java.util.regex.Pattern
			.compile("<tr>(?:(?!</tr>).)*" + java.util.regex.Pattern.quote(escaped(station)) + "(?:(?!</tr>).)*</tr>",
					java.util.regex.Pattern.DOTALL)
			.matcher(body);
		assertThat(row.find()).as("a row for " + station).isTrue();
		return row.group();
	}

	private Api.Response page(String path, Map<String, String> headers) {
		return Api.anonymous(port).send("GET", path, null, headers);
	}

	private static String language(Api.Response page) {
		java.util.regex.Matcher lang = java.util.regex.Pattern.compile("<html[^>]* lang=\"([a-z]+)\"").matcher(page.body());
		assertThat(lang.find()).as("the page names its language: " + page).isTrue();
		return lang.group(1);
	}

	/** As the page writes text: the few characters HTML escapes. */
	private static String escaped(String text) {
		return text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;");
	}

}
