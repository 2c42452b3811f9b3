package org.cabildo.portal;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.cabildo.IntegrationTest;
import org.cabildo.governance.AccessLedger;
import org.cabildo.governance.LedgerEvent;
import org.cabildo.governance.Register;
import org.cabildo.identity.Organisations;
import org.cabildo.identity.People;
import org.cabildo.identity.Role;
import org.cabildo.identity.Tokens;
import org.cabildo.platform.CityTime;
import org.cabildo.support.Api;
import org.cabildo.support.PortalClient;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * The auditor's pages: the access ledger's entries with the API's filters, an entry with its
 * hashes, a verification on request; for auditors and admins only, refusing bad filters with a
 * page that says why.
 */
@IntegrationTest
class AuditPageTest {

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
	JdbcClient jdbc;

	@Autowired
	CityTime city;

	private LedgerOffice office;

	private String auditor;

	private PortalClient browser;

	@BeforeEach
	void setUp() {
		office = LedgerOffice.of(LedgerOffice.unique("Audited " + SCRIPT), port, organisations, people, tokens,
				register);
		auditor = LedgerOffice.unique("auditor");
		LedgerOffice.person(port, people, tokens, office.organisation(), auditor, Role.AUDITOR);
		browser = new PortalClient(port);
		PortalClient.Page signedIn = browser.signIn(auditor, LedgerOffice.PASSWORD);
		assertThat(signedIn.status()).as("%s", signedIn).isEqualTo(302);
	}

	@Test
	void refusesAnAnonymousVisitorAndAnyoneButAuditorsAndAdmins() {
		PortalClient anonymous = new PortalClient(port);
		for (String path : List.of("/audit", "/audit/entries/1", "/audit/verification")) {
			PortalClient.Page refused = anonymous.get(path);
			assertThat(refused.status()).as(path).isEqualTo(302);
			assertThat(refused.location()).as(path).isEqualTo("/sign-in");
		}
		String operatorName = LedgerOffice.unique("operator");
		LedgerOffice.person(port, people, tokens, office.organisation(), operatorName, Role.OPERATOR);
		PortalClient operator = new PortalClient(port);
		operator.signIn(operatorName, LedgerOffice.PASSWORD);
		assertThat(operator.get("/").body()).contains("(" + operatorName + ")");
		for (String path : List.of("/audit", "/audit/entries/1", "/audit/verification")) {
			assertThat(operator.get(path).status()).as(path).isEqualTo(403);
		}
		// scripts may send HTTP Basic to a page as to the API
		Api basic = Api.anonymous(port).as(Api.basic(auditor, LedgerOffice.PASSWORD));
		assertThat(basic.get("/audit").status()).isEqualTo(200);
		assertThat(Api.anonymous(port).as(Api.basic(operatorName, LedgerOffice.PASSWORD)).get("/audit").status())
			.isEqualTo(403);
	}

	@Test
	void listsTheEntriesAndFiltersThemAsTheApiDoes() {
		office.read();
		long read = latest("read", office.analystName());
		String purpose = LedgerOffice.unique("purpose");
		long other = ledger.append(new LedgerEvent("read", "someone-else", office.organisation().id(), purpose,
				Set.of(office.datastream() + 1), null, null, 7, "f".repeat(64), "GET /v1.1/Observations"));

		String byActor = browser.get("/audit?lang=en&actor=" + office.analystName()).body();
		assertThat(byActor).contains("href=\"/audit/entries/" + read + "\"")
			.doesNotContain("href=\"/audit/entries/" + other + "\"")
			.contains(LedgerOffice.escaped(office.organisation().name()))
			.doesNotContain(SCRIPT)
			.contains(LedgerOffice.escaped(register.label("purpose", "mobility", "en")) + " (mobility)");
		assertThat(browser.get("/audit?purpose=" + purpose).body()).contains("href=\"/audit/entries/" + other + "\"")
			.doesNotContain("href=\"/audit/entries/" + read + "\"");
		String byDatastream = browser.get("/audit?datastream=" + office.datastream()).body();
		assertThat(byDatastream).contains("href=\"/audit/entries/" + read + "\"")
			.doesNotContain("href=\"/audit/entries/" + other + "\"");
		// an organisation by its name or its number
		String byName = browser.get("/audit?kind=read&organisation="
				+ java.net.URLEncoder.encode(office.organisation().name(), java.nio.charset.StandardCharsets.UTF_8)).body();
		assertThat(byName).contains("href=\"/audit/entries/" + read + "\"").contains("href=\"/audit/entries/" + other + "\"");
		assertThat(browser.get("/audit?organisation=" + office.organisation().id() + "&kind=stage").body())
			.doesNotContain("href=\"/audit/entries/" + read + "\"");
		// dates of the city's calendar, both included
		String today = city.date(Instant.now()).toString();
		assertThat(browser.get("/audit?actor=" + office.analystName() + "&from=" + today + "&to=" + today).body())
			.contains("href=\"/audit/entries/" + read + "\"");
		assertThat(browser.get("/audit?actor=" + office.analystName() + "&from=2000-01-01&to=2000-01-31").body())
			.doesNotContain("href=\"/audit/entries/" + read + "\"")
			.contains("No entry matches these filters.");
		// the form shows the filters given
		assertThat(byActor).contains("value=\"" + office.analystName() + "\"");
	}

	@Test
	void pagesOlderEntriesWithTheSameFilters() {
		String purpose = LedgerOffice.unique("paged");
		List<Long> appended = new ArrayList<>();
		for (int i = 0; i < LedgerAuditPage.PAGE + 3; i++) {
			appended.add(ledger.append(new LedgerEvent("read", "pager", office.organisation().id(), purpose,
					Set.of(office.datastream()), null, null, 1, "f".repeat(64), "GET /v1.1/Observations")));
		}
		String first = browser.get("/audit?purpose=" + purpose).body();
		long oldestShown = appended.get(3);
		assertThat(first).contains("href=\"/audit/entries/" + appended.getLast() + "\"")
			.contains("href=\"/audit/entries/" + oldestShown + "\"")
			.doesNotContain("href=\"/audit/entries/" + appended.get(2) + "\"")
			.contains("href=\"/audit?purpose=" + purpose + "&amp;afterSeq=" + oldestShown + "\"");
		String older = browser.get("/audit?purpose=" + purpose + "&afterSeq=" + oldestShown).body();
		assertThat(older).contains("href=\"/audit/entries/" + appended.get(0) + "\"")
			.contains("href=\"/audit/entries/" + appended.get(2) + "\"")
			.doesNotContain("href=\"/audit/entries/" + oldestShown + "\"")
			.doesNotContain("afterSeq=");
	}

	@Test
	void showsAnEntryWithItsHashAndItsLinkToThePreviousOne() {
		office.read();
		long read = latest("read", office.analystName());
		Map<String, Object> stored = jdbc.sql("SELECT entry_hash, previous_hash FROM ledger_entries WHERE seq = ?")
			.param(read)
			.query()
			.singleRow();
		PortalClient.Page page = browser.get("/audit/entries/" + read + "?lang=en");
		assertThat(page.status()).isEqualTo(200);
		assertThat(page.body()).contains("<code id=\"entry-hash\">" + stored.get("entry_hash") + "</code>")
			.contains((String) stored.get("previous_hash"))
			.contains("href=\"/audit/entries/" + (read - 1) + "\"")
			.contains("The SHA-256 of its content is its stored hash.")
			.contains("Its previous hash is the stored hash of the entry before it.")
			.contains(office.analystName())
			.contains("&quot;purpose&quot;:&quot;mobility&quot;")
			.contains(LedgerOffice.escaped(office.organisation().name()))
			.doesNotContain(SCRIPT);
		LedgerOffice.wellFormed(page.body());
		assertThat(browser.get("/audit/entries/" + read + "?lang=es").body()).contains("Entrada " + read)
			.contains("El SHA-256 de su contenido es su hash guardado.");
	}

	@Test
	void verifiesTheChainOnRequest() {
		for (String lang : new String[] { "es", "pt", "en" }) {
			PortalClient.Page page = browser.get("/audit/verification?lang=" + lang);
			assertThat(page.status()).isEqualTo(200);
			LedgerOffice.wellFormed(page.body());
		}
		assertThat(browser.get("/audit/verification?lang=en").body())
			.containsAnyOf("The ledger holds: every hash was recomputed", "The ledger does NOT hold.")
			.contains("Entries recomputed");
	}

	@Test
	void badFiltersAndUnknownEntriesGetAPageThatSaysWhy() {
		Map<String, String> bad = Map.of("/audit?from=yesterday", "\"From\" must be a date",
				"/audit?to=2024-13-45", "\"To\" must be a date",
				"/audit?from=2024-05-02&to=2024-05-01", "\"To\" must be a date",
				"/audit?datastream=abc", "The data stream must be a whole number.",
				"/audit?afterSeq=x", "The position in the list must be a whole number.",
				"/audit?organisation=" + LedgerOffice.unique("nowhere"), "There is no such organisation",
				"/audit/entries/abc", "An entry is named by its number");
		bad.forEach((path, message) -> {
			PortalClient.Page page = browser.get(path + (path.contains("?") ? "&" : "?") + "lang=en");
			assertThat(page.status()).as(path).isEqualTo(400);
			assertThat(page.header("Content-Type")).as(path).startsWith("text/html");
			assertThat(page.body()).as(path).contains(LedgerOffice.escaped(message).replace("\"", "&quot;"));
			LedgerOffice.wellFormed(page.body());
		});
		PortalClient.Page missing = browser.get("/audit/entries/999999999999?lang=pt");
		assertThat(missing.status()).isEqualTo(404);
		assertThat(missing.body()).contains("Não há nenhuma entrada 999999999999 no registro.");
		assertThat(browser.get("/audit?datastream=abc&lang=es").body())
			.contains("El flujo de datos debe ser un número entero.");
	}

	@Test
	void isWellFormedInEachLanguage() {
		office.read();
		for (String lang : new String[] { "es", "pt", "en" }) {
			PortalClient.Page page = browser.get("/audit?lang=" + lang);
			assertThat(page.status()).isEqualTo(200);
			var document = LedgerOffice.wellFormed(page.body());
			assertThat(document.getElementsByTagName("h1").getLength()).isEqualTo(1);
			assertThat(document.getElementsByTagName("script").getLength()).isZero();
			assertThat(page.body()).doesNotContain("style=");
		}
		assertThat(browser.get("/audit?lang=pt").body()).contains("Registro de acessos");
		assertThat(browser.get("/audit?lang=es").body()).contains("Registro de accesos");
	}

	/** The newest entry of a kind by an actor. */
	private long latest(String kind, String actor) {
		return jdbc.sql("SELECT MAX(seq) FROM ledger_entries WHERE kind = ? AND actor = ?")
			.params(kind, actor)
			.query(Long.class)
			.single();
	}

}
