package org.cabildo.portal;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.time.YearMonth;
import java.time.format.DateTimeFormatter;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.cabildo.IntegrationTest;
import org.cabildo.governance.AccessLedger;
import org.cabildo.governance.LedgerEvent;
import org.cabildo.governance.Register;
import org.cabildo.identity.Organisations;
import org.cabildo.identity.People;
import org.cabildo.identity.Tokens;
import org.cabildo.platform.CityTime;
import org.cabildo.support.Api;
import org.cabildo.support.MovableClock;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.TestPropertySource;
import org.w3c.dom.Document;

import tools.jackson.databind.JsonNode;

/**
 * The transparency page, read as a browser would, by anyone: the reads of personal data the
 * ledger records (summed up at most once a minute for every visitor), the chain's verification
 * and latest checkpoint with how to check them, and each organisation's time to answer
 * objections (again as soon as one is filed or answered); in each language, safely written.
 * A server of its own whose clock the tests move past the summary's age.
 */
@IntegrationTest
@TestPropertySource(properties = "cabildo.test.movable-clock=true")
class TransparencyPageTest {

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
	AccessLedger ledger;

	@Autowired
	CityTime city;

	@Autowired
	MovableClock clock;

	@Test
	void showsTheReadsOfPersonalDataByOrganisationPurposeAndMonthInEachLanguage() {
		String name = LedgerOffice.unique("Oficina " + SCRIPT);
		LedgerOffice office = LedgerOffice.of(name, port, organisations, people, tokens, register);
		office.read();
		office.read();
		// the reads made meanwhile are summed up once the summary shown is a minute old
		clock.advance(TransparencyPage.SUMMARY_AGE);
		for (String lang : new String[] { "es", "pt", "en" }) {
			Locale locale = Locale.forLanguageTag(lang);
			Api.Response page = page("/transparency?lang=" + lang);
			assertThat(page.status()).isEqualTo(200);
			assertThat(page.header("Content-Type")).startsWith("text/html");
			String body = page.body();
			assertThat(body).as(lang).contains("lang=\"" + lang + "\"").doesNotContain(SCRIPT);
			String row = row(section(body, "reads-by-group"), LedgerOffice.escaped(name));
			String month = DateTimeFormatter.ofPattern("LLLL yyyy", locale)
				.format(YearMonth.from(city.local(clock.instant())));
			assertThat(row).as(lang)
				.contains(month)
				.contains(LedgerOffice.escaped(register.label("purpose", "mobility", lang)))
				.contains("<td class=\"number\">2</td>");
			// the chart's numbers are in a table too, this month's last
			assertThat(section(body, "reads-per-month")).contains(month);
		}
		assertThat(page("/transparency?lang=es").body()).contains("Lecturas de datos personales");
		assertThat(page("/transparency?lang=pt").body()).contains("Leituras de dados pessoais");
		assertThat(page("/transparency?lang=en").body()).contains("Reads of personal data");
	}

	@Test
	void sumsTheReadsUpAtMostOnceAMinuteForEveryVisitor() {
		String name = LedgerOffice.unique("Minute office");
		LedgerOffice office = LedgerOffice.of(name, port, organisations, people, tokens, register);
		office.read();
		clock.advance(TransparencyPage.SUMMARY_AGE);
		String before = page("/transparency?lang=en").body();
		assertThat(row(section(before, "reads-by-group"), name)).contains("<td class=\"number\">1</td>");
		office.read();
		// within the minute every visitor gets the same summary, up to the same entry
		String kept = page("/transparency?lang=en").body();
		assertThat(row(section(kept, "reads-by-group"), name)).contains("<td class=\"number\">1</td>");
		assertThat(upTo(kept)).isEqualTo(upTo(before));
		clock.advance(TransparencyPage.SUMMARY_AGE);
		String after = page("/transparency?lang=en").body();
		assertThat(row(section(after, "reads-by-group"), name)).contains("<td class=\"number\">2</td>");
		assertThat(Long.parseLong(upTo(after))).isGreaterThan(Long.parseLong(upTo(before)));
		// the summary counts what the API's does, up to the entry it names
		JsonNode summary = Api.anonymous(port).get("/api/ledger/summary").json();
		long reads = 0;
		for (JsonNode group : summary.get("groups")) {
			if (group.get("datastream").asLong() == office.datastream()) {
				reads += group.get("reads").asLong();
			}
		}
		assertThat(reads).isEqualTo(2);
	}

	@Test
	void showsTheVerificationAndTheLatestCheckpointWithHowToCheckThem() {
		LedgerOffice office = LedgerOffice.of(LedgerOffice.unique("checked office"), port, organisations, people,
				tokens, register);
		office.read();
		String body = page("/transparency?lang=en").body();
		assertThat(body).containsAnyOf("The ledger holds: every hash was recomputed",
				"The ledger does NOT hold.").contains("Entries recomputed").contains("Verified at");
		// a recent verification is shown again: page views do not each read the whole chain
		assertThat(verifiedAt(page("/transparency?lang=en").body())).isEqualTo(verifiedAt(body));
		JsonNode latest = Api.anonymous(port).get("/api/ledger/checkpoints/latest").json();
		String checkpoint = section(body, "checkpoint");
		assertThat(checkpoint).contains(latest.get("checkpoint").get("entryHash").asString())
			.contains(latest.get("checkpoint").get("signature").asString())
			.contains(latest.get("publicKey").asString())
			.contains("Ed25519");
		String commands = section(body, "verify-yourself");
		assertThat(commands).contains("curl -s http://127.0.0.1:" + port + "/api/ledger/checkpoints/latest &gt; checkpoint.json")
			.contains("openssl pkeyutl -verify -pubin -inkey ledger-key.pem -rawin -in message.txt -sigfile signature.bin")
			.contains("./cabildo ledger verify --checkpoint checkpoint.json");
		assertThat(page("/transparency?lang=es").body()).containsAnyOf("El registro está íntegro",
				"El registro NO está íntegro").contains("Último punto de control firmado");
	}

	@Test
	void showsTheMedianTimeToAnswerObjectionsOfAnOrganisationThatAnswered() {
		String name = LedgerOffice.unique("Answering office " + SCRIPT);
		LedgerOffice office = LedgerOffice.of(name, port, organisations, people, tokens, register);
		String objections = "/api/register/" + office.datastream() + "/objections";
		long first = Api.anonymous(port).post(objections, Map.of("category", "purpose", "text", "Why plates?"))
			.json().get("id").asLong();
		Api.anonymous(port).post(objections, Map.of("category", "retention", "text", "Why 30 days?"));
		Api.Response answered = office.steward().post(objections + "/" + first + "/answer",
				Map.of("outcome", "answered", "text", "To count traffic."));
		assertThat(answered.status()).as("%s", answered).isEqualTo(200);
		// shown at once, as the API says it: one answered, one waiting, the median a few seconds
		for (String lang : new String[] { "es", "pt", "en" }) {
			String row = row(section(page("/transparency?lang=" + lang).body(), "answer-times"),
					LedgerOffice.escaped(name));
			assertThat(row).as(lang).containsPattern("<td>\\d+ s</td>")
				.contains("<td class=\"number\">1</td><td class=\"number\">1</td>");
		}
		assertThat(answerTimes(office)).isEqualTo(new int[] { 1, 1 });
		// a third objection: waiting, at once on the page and in the API, without the clock moving
		Api.anonymous(port).post(objections, Map.of("category", "other", "text", "And the cameras?"));
		assertThat(row(section(page("/transparency?lang=en").body(), "answer-times"), LedgerOffice.escaped(name)))
			.contains("<td class=\"number\">1</td><td class=\"number\">2</td>");
		assertThat(answerTimes(office)).isEqualTo(new int[] { 1, 2 });
	}

	/** How many of an office's objections were answered and how many wait, as the API says. */
	private int[] answerTimes(LedgerOffice office) {
		for (JsonNode time : Api.anonymous(port).get("/api/objections/answer-times").json()) {
			if (time.get("organisationId").asLong() == office.organisation().id()) {
				return new int[] { time.get("answered").asInt(), time.get("open").asInt() };
			}
		}
		throw new AssertionError("no answer times of " + office.organisation().name());
	}

	@Test
	void writesOrganisationAndPurposeNamesInert() {
		String name = LedgerOffice.unique("Office " + SCRIPT);
		LedgerOffice office = LedgerOffice.of(name, port, organisations, people, tokens, register);
		String purpose = "<script>alert(2)</script>";
		ledger.append(new LedgerEvent("read", "someone", office.organisation().id(), purpose,
				Set.of(office.datastream()), null, null, 3, "f".repeat(64), "GET /v1.1/Observations"));
		clock.advance(TransparencyPage.SUMMARY_AGE);
		String body = page("/transparency").body();
		assertThat(body).doesNotContain(SCRIPT)
			.doesNotContain(purpose)
			.contains(LedgerOffice.escaped(name))
			.contains(LedgerOffice.escaped(purpose));
	}

	@Test
	void isWellFormedAccessibleAndRunsNoScript() {
		LedgerOffice office = LedgerOffice.of(LedgerOffice.unique("Well-formed " + SCRIPT), port, organisations,
				people, tokens, register);
		office.read();
		for (String lang : new String[] { "es", "pt", "en" }) {
			Api.Response page = page("/transparency?lang=" + lang);
			Document document = LedgerOffice.wellFormed(page.body());
			assertThat(document.getElementsByTagName("script").getLength()).as(lang).isZero();
			assertThat(document.getElementsByTagName("h1").getLength()).as(lang).isEqualTo(1);
			assertThat(page.body()).doesNotContain("style=").doesNotContain("<style");
			// the chart names itself and describes itself; its numbers are in a table with a caption
			assertThat(document.getElementsByTagName("svg").getLength()).isEqualTo(1);
			assertThat(page.body()).contains("role=\"img\"").contains("aria-labelledby=\"reads-chart-title reads-chart-desc\"")
				.contains("<title id=\"reads-chart-title\">").contains("<desc id=\"reads-chart-desc\">");
			for (int i = 0; i < document.getElementsByTagName("table").getLength(); i++) {
				assertThat(((org.w3c.dom.Element) document.getElementsByTagName("table").item(i))
					.getElementsByTagName("caption").getLength()).as(lang + " table " + i).isEqualTo(1);
			}
			assertThat(page.header("Content-Security-Policy")).doesNotContain("unsafe-inline");
		}
	}

	private Api.Response page(String path) {
		return Api.anonymous(port).send("GET", path, null, Map.of("Accept", "text/html"));
	}

	/** The last entry the summary shown counts. */
	private static String upTo(String body) {
		Matcher at = Pattern.compile("Counted up to entry</dt><dd>(\\d+)</dd>").matcher(body);
		assertThat(at.find()).as("the entry the summary counts up to").isTrue();
		return at.group(1);
	}

		private static String verifiedAt(String body) {
		Matcher at = Pattern.compile("Verified at</dt><dd>([^<]+)</dd>").matcher(body);
		assertThat(at.find()).as("the time of the verification shown").isTrue();
		return at.group(1);
	}

	/** The element with this id, up to the end of its table or section. */
	private static String section(String body, String id) {
		int start = body.indexOf("id=\"" + id + "\"");
		assertThat(start).as("an element with id " + id).isNotNegative();
		int table = body.indexOf("</table>", start);
		int section = body.indexOf("</section>", start);
		int end = table < 0 ? section : section < 0 ? table : Math.min(table, section);
		return body.substring(start, end);
	}

	/** The table row that holds this text. */
	private static String row(String table, String text) {
		Matcher rows = Pattern.compile("<tr>(.*?)</tr>", Pattern.DOTALL).matcher(table);
		while (rows.find()) {
			if (rows.group(1).contains(text)) {
				return rows.group(1);
			}
		}
		throw new AssertionError("no row with " + text + " in " + table);
	}

}
