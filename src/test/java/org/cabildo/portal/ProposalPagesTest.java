package org.cabildo.portal;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ThreadLocalRandom;

import org.cabildo.IntegrationTest;
import org.cabildo.participation.ParticipationSettings;
import org.cabildo.support.Api;
import org.cabildo.support.PortalClient;
import org.cabildo.support.TestMailbox;
import org.cabildo.support.TestResidents;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.w3c.dom.Document;

/**
 * The pages of residents' proposals over HTTP, as a browser without JavaScript uses them (cookies,
 * the CSRF token its forms carry, no redirect followed by itself), against proposals the test makes
 * in a district of its own: the list filters and pages; a proposal shows its supports against the
 * threshold, and offers its forms to a verified resident only; a verified resident proposes,
 * supports (once), withdraws, follows and comments through the forms; what the gate refuses comes
 * back at its field or on the proposal's page with its status, and stores nothing; anyone not
 * signed in is sent to sign in and stores nothing.
 */
@IntegrationTest
class ProposalPagesTest {

	private static final String PROPOSALS = "/api/participation/proposals";

	@LocalServerPort
	int port;

	@Autowired
	TestMailbox mailbox;

	@Autowired
	JdbcClient jdbc;

	@Autowired
	ParticipationSettings settings;

	private String district;

	private String name;

	/** What every proposal and comment this test sends says, to find any that was stored. */
	private String marker;

	@BeforeEach
	void aDistrict() {
		String suffix = UUID.randomUUID().toString().substring(0, 8);
		district = "00" + suffix;
		name = "Propuestas " + suffix;
		marker = "marker " + suffix;
		// far from the test jurisdiction's box, so that no report is placed in it
		double lon = ThreadLocalRandom.current().nextDouble(3.0, 4.0);
		double lat = ThreadLocalRandom.current().nextDouble(42.0, 43.0);
		Api.Response imported = new Api(port).put("/api/districts", "{\"type\":\"FeatureCollection\",\"features\":[{"
				+ "\"type\":\"Feature\",\"properties\":{\"district_id\":\"" + district + "\",\"name\":\"" + name
				+ "\",\"population_2020\":30000},\"geometry\":{\"type\":\"Polygon\",\"coordinates\":[[[" + lon + "," + lat
				+ "],[" + (lon + 0.01) + "," + lat + "],[" + (lon + 0.01) + "," + (lat + 0.01) + "],[" + lon + ","
				+ (lat + 0.01) + "],[" + lon + "," + lat + "]]]}}]}");
		assertThat(imported.status()).as("%s", imported).isIn(200, 201);
	}

	@Test
	@DisplayName("the list is newest first, filtered by district, topic and status, and paged; a bad filter is a 400 page")
	void theListFiltersAndPages() throws Exception {
		Api author = TestResidents.verified(port, mailbox);
		long first = propose(author, "primera", "movilidad");
		long second = propose(author, "segunda", "medio-ambiente");
		long third = propose(author, "tercera", "movilidad");
		PortalClient visitor = new PortalClient(port);

		Document listed = page(visitor, "/proposals?lang=en&district=" + district, 200);
		assertThat(rows(listed)).containsExactly(third, second, first);
		assertThat(StreamCardTest.text(listed, "//tr[@data-proposal='" + third + "']/td[1]/a")).isEqualTo("tercera");
		assertThat(StreamCardTest.text(listed, "//tr[@data-proposal='" + third + "']/td[1]/a/@href"))
			.isEqualTo("/proposals/" + third);
		assertThat(StreamCardTest.text(listed, "//tr[@data-proposal='" + third + "']/td[2]")).isEqualTo(name);
		assertThat(StreamCardTest.text(listed, "//tr[@data-proposal='" + third + "']/td[3]")).isEqualTo("Movilidad");
		assertThat(StreamCardTest.text(listed, "//tr[@data-proposal='" + third + "']/td[4]")).isEqualTo("0");
		assertThat(StreamCardTest.text(listed, "//tr[@data-proposal='" + third + "']/td[5]"))
			.isEqualTo("Gathering supports");
		assertThat(StreamCardTest.text(listed, "//thead//th[4]")).isEqualTo("Supports (3 needed)");
		assertThat(StreamCardTest.text(listed, "//select[@id='district']/option[@selected]/@value")).isEqualTo(district);

		Document mobility = page(visitor, "/proposals?lang=en&district=" + district + "&category=movilidad", 200);
		assertThat(rows(mobility)).containsExactly(third, first);
		assertThat(StreamCardTest.text(mobility, "//select[@id='category']/option[@selected]/@value"))
			.isEqualTo("movilidad");
		Document forwarded = page(visitor, "/proposals?lang=en&district=" + district + "&status=forwarded", 200);
		assertThat(rows(forwarded)).isEmpty();
		assertThat(StreamCardTest.text(forwarded, "//*[@id='list']")).contains("No proposal matches.");

		// a page at a time, with the API's cursor: 20, then the rest
		for (int i = 0; i < 18; i++) {
			propose(author, "más " + i, "seguridad-vial");
		}
		Document newest = page(visitor, "/proposals?lang=en&district=" + district, 200);
		assertThat(rows(newest)).hasSize(ProposalPages.PAGE_SIZE).doesNotContain(first);
		String older = StreamCardTest.text(newest, "//a[@rel='next']/@href");
		assertThat(older).isEqualTo("/proposals?district=" + district + "&before=" + rows(newest).getLast());
		Document next = page(visitor, older + "&lang=en", 200);
		assertThat(rows(next)).containsExactly(first);
		assertThat(StreamCardTest.count(next, "//a[@rel='next']")).isZero();
		assertThat(StreamCardTest.text(next, "//nav//a[.='The newest proposals']/@href"))
			.isEqualTo("/proposals?district=" + district);

		for (String bad : List.of("/proposals?status=lost", "/proposals?category=dragones", "/proposals?district=nowhere",
				"/proposals?before=x", "/proposals/abc")) {
			PortalClient.Page refused = visitor.get(bad + (bad.contains("?") ? "&" : "?") + "lang=en");
			assertThat(refused.status()).as(bad).isEqualTo(400);
			assertThat(refused.header("Content-Type")).as(bad).startsWith("text/html");
			assertThat(StreamCardTest.text(StreamCardTest.xml(refused.body()), "//main//a[@href='/proposals']")).as(bad)
				.isEqualTo("Back to the proposals");
		}
	}

	@Test
	@DisplayName("a proposal shows its supports against the threshold; anyone not signed in gets no form but the way to take part; an unknown or hidden one is a 404 page")
	void aProposalForAnyone() throws Exception {
		Api author = TestResidents.verified(port, mailbox);
		long id = propose(author, "Un parque en el predio", "espacio-publico");
		Api.Response commented = author.post(PROPOSALS + "/" + id + "/comments", Map.of("text", "Gracias por leer."));
		assertThat(commented.status()).as("%s", commented).isEqualTo(201);
		PortalClient visitor = new PortalClient(port);

		Document shown = page(visitor, "/proposals/" + id + "?lang=en", 200);
		assertThat(StreamCardTest.text(shown, "//h1")).isEqualTo("Un parque en el predio");
		assertThat(StreamCardTest.text(shown, "//*[@class='card-kicker']")).isEqualTo("Proposal no. " + id);
		assertThat(StreamCardTest.text(shown, "//main")).contains(name)
			.contains("Espacio público")
			.contains("Gathering supports")
			.contains("Texto de Un parque en el predio")
			.contains("The office has not answered yet.");
		assertThat(StreamCardTest.text(shown, "//*[@id='supports']")).isEqualTo("0 of the 3 supports needed");
		assertThat(StreamCardTest.text(shown, "//*[@id='supports']/@data-supports")).isEqualTo("0");
		assertThat(StreamCardTest.text(shown, "//*[@id='comments']//li")).contains("Gracias por leer.")
			.contains("by the proposer");
		// no form to post, but the way to take part
		assertThat(StreamCardTest.count(shown, "//form[@method='post']")).isZero();
		assertThat(StreamCardTest.count(shown, "//button[@id='support-button']")).isZero();
		assertThat(StreamCardTest.text(shown, "//*[@id='take-part']//a[@href='/sign-in']")).isEqualTo("Sign in");
		assertThat(StreamCardTest.count(shown, "//*[@id='take-part']//a[@href='/residents/sign-up']")).isEqualTo(1);
		assertThat(StreamCardTest.text(shown, "//*[@id='take-part']"))
			.contains("need a resident's account whose email address is verified");
		// never who proposed or commented
		assertThat(visitor.get("/proposals/" + id).body()).doesNotContain(email(author));

		PortalClient.Page missing = visitor.get("/proposals/999999999?lang=en");
		assertThat(missing.status()).isEqualTo(404);
		Document error = StreamCardTest.xml(missing.body());
		assertThat(StreamCardTest.text(error, "//*[@role='alert']")).startsWith("There is no proposal with that number");
		assertThat(StreamCardTest.text(error, "//main//a[@href='/proposals']")).isEqualTo("Back to the proposals");
		assertThat(new Api(port).post(PROPOSALS + "/" + id + "/hide", Map.of("reason", "prueba de la página"))
			.status()).isEqualTo(204);
		assertThat(visitor.get("/proposals/" + id + "?lang=en").status()).isEqualTo(404);
		assertThat(rows(page(visitor, "/proposals?district=" + district, 200))).doesNotContain(id);
	}

	@Test
	@DisplayName("a verified resident proposes, supports once, withdraws, follows and comments through the forms, each back to the proposal (303)")
	void aVerifiedResidentTakesPartThroughTheForms() throws Exception {
		PortalClient resident = signedIn(TestResidents.verified(port, mailbox));
		Document form = page(resident, "/proposals/new?lang=en", 200);
		assertThat(StreamCardTest.text(form, "//h1")).isEqualTo("Make a proposal");
		assertThat(StreamCardTest.text(form, "//select[@id='district']/option[@value='" + district + "']")).isEqualTo(name);
		assertThat(StreamCardTest.text(form, "//select[@id='district']/option[1]")).isEqualTo("The whole city");

		PortalClient.Page made = resident.submit("/proposals/new?lang=en", "/proposals/new", Map.of("title",
				"Bancas en la plaza", "text", marker, "district", district, "category", "espacio-publico"));
		assertThat(made.status()).as("%s", made).isEqualTo(303);
		assertThat(made.location()).matches("/proposals/\\d+");
		long id = Long.parseLong(made.location().substring("/proposals/".length()));
		assertThat(jdbc.sql("SELECT title FROM proposals WHERE id = ? AND body = ?").params(id, marker)
			.query(String.class).single()).isEqualTo("Bancas en la plaza");
		String proposal = "/proposals/" + id + "?lang=en";
		Document shown = StreamCardTest.xml(resident.follow(made).body());
		assertThat(StreamCardTest.text(shown, "//h1")).isEqualTo("Bancas en la plaza");
		assertThat(StreamCardTest.text(shown, "//main")).contains(name).contains("Espacio público");
		assertThat(StreamCardTest.count(shown, "//button[@id='support-button']")).isEqualTo(1);

		// supports: the count goes up by one, and the page offers to withdraw instead
		back(resident.submit(proposal, "/proposals/" + id + "/support", Map.of()), id);
		assertThat(counter(id)).isEqualTo(1);
		Document supporting = page(resident, proposal, 200);
		assertThat(StreamCardTest.text(supporting, "//*[@id='supports']/@data-supports")).isEqualTo("1");
		assertThat(StreamCardTest.text(supporting, "//*[@id='supports']")).isEqualTo("1 of the 3 supports needed");
		assertThat(StreamCardTest.text(supporting, "//*[@id='supporting']")).isEqualTo("You support this proposal.");
		assertThat(StreamCardTest.count(supporting, "//button[@id='support-button']")).isZero();
		assertThat(StreamCardTest.count(supporting, "//form[@action='/proposals/" + id + "/withdraw']//button")).isEqualTo(1);

		// a second support (a page open in another tab): refused, said on the proposal's page, nothing counted
		PortalClient.Page again = resident.submit(proposal, "/proposals/" + id + "/support", Map.of());
		assertThat(again.status()).isEqualTo(409);
		Document refused = StreamCardTest.xml(again.body());
		assertThat(StreamCardTest.text(refused, "//*[@id='refusal']")).contains("You already support this proposal");
		assertThat(StreamCardTest.text(refused, "//*[@id='refusal']/@role")).isEqualTo("alert");
		assertThat(StreamCardTest.text(refused, "//h1")).isEqualTo("Bancas en la plaza");
		assertThat(counter(id)).isEqualTo(1);
		assertThat(supportRows(id)).isEqualTo(1);

		back(resident.submit(proposal, "/proposals/" + id + "/withdraw", Map.of()), id);
		assertThat(counter(id)).isZero();
		assertThat(supportRows(id)).isZero();
		Document withdrawn = page(resident, proposal, 200);
		assertThat(StreamCardTest.text(withdrawn, "//*[@id='supports']/@data-supports")).isEqualTo("0");
		assertThat(StreamCardTest.count(withdrawn, "//button[@id='support-button']")).isEqualTo(1);

		back(resident.submit(proposal, "/proposals/" + id + "/follow", Map.of()), id);
		Document following = page(resident, proposal, 200);
		assertThat(StreamCardTest.text(following, "//*[@id='followers']")).isEqualTo("People following it: 1");
		assertThat(StreamCardTest.count(following, "//button[@id='unfollow']")).isEqualTo(1);
		back(resident.submit(proposal, "/proposals/" + id + "/unfollow", Map.of()), id);
		assertThat(StreamCardTest.text(page(resident, proposal, 200), "//*[@id='followers']"))
			.isEqualTo("People following it: 0");

		String comment = marker + ": ¡de acuerdo!";
		back(resident.submit(proposal, "/proposals/" + id + "/comments", Map.of("text", comment)), id);
		Document commented = page(resident, proposal, 200);
		assertThat(StreamCardTest.text(commented, "//*[@id='comments']//li[1]")).contains(comment)
			.contains("by the proposer");

		// a comment not written, or too long: back at its field as typed, 400, nothing stored
		PortalClient.Page empty = resident.submit(proposal, "/proposals/" + id + "/comments", Map.of("text", " "));
		assertThat(empty.status()).isEqualTo(400);
		assertThat(StreamCardTest.text(StreamCardTest.xml(empty.body()), "//*[@id='comment-problems']"))
			.isEqualTo("Write your comment.");
		String tooLong = marker + "z".repeat(2001);
		PortalClient.Page longOne = resident.submit(proposal, "/proposals/" + id + "/comments", Map.of("text", tooLong));
		assertThat(longOne.status()).isEqualTo(400);
		Document longPage = StreamCardTest.xml(longOne.body());
		assertThat(StreamCardTest.text(longPage, "//*[@id='comment-problems']"))
			.isEqualTo("The comment is longer than 2,000 characters; shorten it.");
		assertThat(StreamCardTest.text(longPage, "//textarea[@id='comment']")).isEqualTo(tooLong);
		assertThat(StreamCardTest.text(longPage, "//textarea[@id='comment']/@aria-invalid")).isEqualTo("true");
		assertThat(jdbc.sql("SELECT COUNT(*) FROM proposal_comments WHERE proposal_id = ?").param(id)
			.query(Long.class).single()).isEqualTo(1);
	}

	@Test
	@DisplayName("a refused proposal comes back with the problem at its field (400), as typed, in the page's language, and nothing is stored")
	void badProposalsComeBackAtTheirField() throws Exception {
		PortalClient resident = signedIn(TestResidents.verified(port, mailbox));
		Document noTitle = refused(resident, Map.of("title", " ", "text", marker, "category", "movilidad"));
		assertThat(StreamCardTest.text(noTitle, "//*[@id='title-problems']")).isEqualTo("Write a title.");
		assertThat(StreamCardTest.text(noTitle, "//*[@id='problems']//a[@href='#title']")).isEqualTo("Write a title.");
		assertThat(StreamCardTest.text(noTitle, "//input[@id='title']/@aria-invalid")).isEqualTo("true");
		assertThat(StreamCardTest.text(noTitle, "//input[@id='title']/@aria-describedby"))
			.isEqualTo("title-hint title-problems");
		// what was typed comes back
		assertThat(StreamCardTest.text(noTitle, "//textarea[@id='text']")).isEqualTo(marker);
		assertThat(StreamCardTest.text(noTitle, "//select[@id='category']/option[@selected]/@value")).isEqualTo("movilidad");

		Document longTitle = refused(resident, Map.of("title", "t".repeat(201), "text", marker, "category", "movilidad"));
		assertThat(StreamCardTest.text(longTitle, "//*[@id='title-problems']"))
			.isEqualTo("The title is longer than 200 characters; shorten it.");
		Document noText = refused(resident, Map.of("title", marker, "category", "movilidad"));
		assertThat(StreamCardTest.text(noText, "//*[@id='text-problems']")).isEqualTo("Write your proposal.");
		Document noCategory = refused(resident, Map.of("title", marker, "text", marker, "district", district));
		assertThat(StreamCardTest.text(noCategory, "//*[@id='category-problems']"))
			.isEqualTo("Choose what the proposal is about.");
		assertThat(StreamCardTest.text(noCategory, "//select[@id='district']/option[@selected]/@value")).isEqualTo(district);
		Document dragons = refused(resident, Map.of("title", marker, "text", marker, "category", "dragones"));
		assertThat(StreamCardTest.text(dragons, "//*[@id='category-problems']")).isEqualTo("Choose a topic from the list.");
		Document nowhere = refused(resident, Map.of("title", marker, "text", marker, "category", "movilidad",
				"district", "nowhere"));
		assertThat(StreamCardTest.text(nowhere, "//*[@id='district-problems']"))
			.isEqualTo("Choose a district from the list, or the whole city.");
		assertThat(StreamCardTest.text(nowhere, "//select[@id='district']/@aria-invalid")).isEqualTo("true");

		PortalClient.Page spanish = resident.submit("/proposals/new?lang=es", "/proposals/new", Map.of("text", marker,
				"category", "movilidad"));
		assertThat(spanish.status()).isEqualTo(400);
		assertThat(StreamCardTest.text(StreamCardTest.xml(spanish.body()), "//*[@id='title-problems']"))
			.isEqualTo("Escriba un título.");

		assertThat(stored()).as("nothing refused was stored").isZero();
	}

	@Test
	@DisplayName("anyone not signed in is sent to sign in, and an account that is not a verified resident's is told why, with nothing stored")
	void othersAreRefusedAndNothingIsStored() throws Exception {
		long id = propose(TestResidents.verified(port, mailbox), "Más árboles", "medio-ambiente");
		String proposal = "/proposals/" + id + "?lang=en";

		PortalClient anyone = new PortalClient(port);
		Document form = page(anyone, "/proposals/new?lang=en", 200);
		assertThat(StreamCardTest.count(form, "//input[@name='title']")).isZero();
		assertThat(StreamCardTest.text(form, "//*[@id='take-part']")).contains("Sign in to make a proposal");
		Map<String, String> proposing = Map.of("title", marker, "text", marker, "category", "movilidad");
		// with a CSRF token (the sign-in page's), and without one
		for (PortalClient.Page sent : List.of(anyone.submit("/sign-in", "/proposals/new", proposing),
				anyone.submit("/sign-in", "/proposals/" + id + "/support", Map.of()),
				anyone.submit("/sign-in", "/proposals/" + id + "/follow", Map.of()),
				anyone.submit("/sign-in", "/proposals/" + id + "/comments", Map.of("text", marker)))) {
			assertThat(sent.status()).as("%s", sent).isEqualTo(302);
			assertThat(sent.location()).isEqualTo("/sign-in");
		}
		assertThat(anyone.post("/proposals/" + id + "/support", Map.of()).status()).isEqualTo(403);

		// a resident who has not verified the address: told so, and refused with the proposal's page (403)
		PortalClient unverified = signedIn(TestResidents.unverified(port));
		Document notVerified = page(unverified, "/proposals/new?lang=en", 200);
		assertThat(StreamCardTest.count(notVerified, "//input[@name='title']")).isZero();
		assertThat(StreamCardTest.text(notVerified, "//*[@id='not-verified']")).contains("Proposing needs a resident's"
				+ " account whose email address is verified");
		PortalClient.Page notProposed = unverified.submit("/proposals/" + id, "/proposals/new", proposing);
		assertThat(notProposed.status()).isEqualTo(403);
		Document page = page(unverified, proposal, 200);
		assertThat(StreamCardTest.count(page, "//button[@id='support-button']")).isZero();
		assertThat(StreamCardTest.count(page, "//form[@id='comment-form']")).isZero();
		assertThat(StreamCardTest.text(page, "//*[@id='not-verified']"))
			.contains("Supporting and commenting need a resident's account whose email address is verified");
		// and a form sent anyway (a page kept from before) is refused on the proposal's page
		PortalClient.Page notSupported = unverified.submit(proposal, "/proposals/" + id + "/support", Map.of());
		assertThat(notSupported.status()).isEqualTo(403);
		Document said = StreamCardTest.xml(notSupported.body());
		assertThat(StreamCardTest.text(said, "//*[@id='refusal']"))
			.contains("This needs a resident's account whose email address is verified");
		assertThat(StreamCardTest.count(said, "//*[@id='refusal']//a[@href='/residents/sign-up']")).isEqualTo(1);
		assertThat(unverified.submit(proposal, "/proposals/" + id + "/comments", Map.of("text", marker)).status())
			.isEqualTo(403);
		// following needs a resident's account, verified or not
		back(unverified.submit(proposal, "/proposals/" + id + "/follow", Map.of()), id);

		// a staff account is no resident: it may not follow either
		PortalClient staff = new PortalClient(port);
		assertThat(staff.signIn(Api.TEST_USER, Api.TEST_PASSWORD).status()).isEqualTo(302);
		PortalClient.Page notFollowed = staff.submit(proposal, "/proposals/" + id + "/follow", Map.of());
		assertThat(notFollowed.status()).isEqualTo(403);
		assertThat(StreamCardTest.text(StreamCardTest.xml(notFollowed.body()), "//*[@id='refusal']"))
			.contains("Following a proposal needs a resident's account");

		assertThat(stored()).isZero();
		assertThat(counter(id)).isZero();
		assertThat(supportRows(id)).isZero();
		assertThat(jdbc.sql("SELECT COUNT(*) FROM proposal_comments WHERE proposal_id = ?").param(id)
			.query(Long.class).single()).isZero();
		assertThat(jdbc.sql("SELECT COUNT(*) FROM proposal_follows WHERE proposal_id = ?").param(id)
			.query(Long.class).single()).isEqualTo(1);
	}

	@Test
	@DisplayName("beyond the hourly allowance a support is refused on the proposal's page (429, Retry-After), never a 500")
	void beyondTheAllowance() throws Exception {
		Api busy = TestResidents.verified(port, mailbox);
		long id = propose(busy, "Muchas ideas", "movilidad");
		for (int i = 1; i < settings.proposals().perHour(); i++) {
			Api.Response commented = busy.post(PROPOSALS + "/" + id + "/comments", Map.of("text", "comentario " + i));
			assertThat(commented.status()).as("comment %d: %s", i, commented).isEqualTo(201);
		}
		PortalClient resident = signedIn(busy);
		PortalClient.Page refused = resident.submit("/proposals/" + id + "?lang=en", "/proposals/" + id + "/support",
				Map.of());
		assertThat(refused.status()).isEqualTo(429);
		assertThat(Long.parseLong(refused.header("Retry-After"))).isBetween(1L, 3600L);
		assertThat(StreamCardTest.text(StreamCardTest.xml(refused.body()), "//*[@id='refusal']"))
			.contains("You made too many proposals, comments and supports in the last hour. Try again in");
		PortalClient.Page form = resident.submit("/proposals/new?lang=en", "/proposals/new", Map.of("title", marker,
				"text", marker, "category", "movilidad"));
		assertThat(form.status()).isEqualTo(429);
		Document again = StreamCardTest.xml(form.body());
		assertThat(StreamCardTest.text(again, "//*[@id='problems']")).contains("Try again in");
		assertThat(StreamCardTest.text(again, "//input[@id='title']/@value")).isEqualTo(marker);
		assertThat(counter(id)).isZero();
		assertThat(stored()).isZero();
	}

	/** A resident signed in with the portal's form, as a browser keeps them. */
	private PortalClient signedIn(Api resident) {
		PortalClient browser = new PortalClient(port);
		PortalClient.Page signedIn = browser.signIn(email(resident), TestResidents.PASSWORD);
		assertThat(signedIn.status()).as("%s", signedIn).isEqualTo(302);
		assertThat(signedIn.location()).doesNotContain("error");
		return browser;
	}

	private static String email(Api resident) {
		return resident.get("/api/residents/me").json().path("email").asString();
	}

	private long propose(Api author, String title, String category) {
		Map<String, Object> body = new HashMap<>(Map.of("title", title, "text", "Texto de " + title, "category",
				category, "district", district));
		Api.Response made = author.post(PROPOSALS, body);
		assertThat(made.status()).as("%s", made).isEqualTo(201);
		return made.json().path("id").asLong();
	}

	private Document refused(PortalClient resident, Map<String, String> fields) throws Exception {
		PortalClient.Page answer = resident.submit("/proposals/new?lang=en", "/proposals/new", fields);
		assertThat(answer.status()).as("%s", answer).isEqualTo(400);
		assertThat(answer.header("Content-Type")).startsWith("text/html");
		return StreamCardTest.xml(answer.body());
	}

	private static Document page(PortalClient browser, String path, int status) throws Exception {
		PortalClient.Page page = browser.get(path);
		assertThat(page.status()).as("%s: %s", path, page).isEqualTo(status);
		return StreamCardTest.xml(page.body());
	}

	/** A form's answer: back to the proposal's page (303). */
	private static void back(PortalClient.Page answer, long id) {
		assertThat(answer.status()).as("%s", answer).isEqualTo(303);
		assertThat(answer.location()).isEqualTo("/proposals/" + id);
	}

	/** The proposals listed, in order. */
	private static List<Long> rows(Document list) throws Exception {
		int rows = StreamCardTest.count(list, "//*[@id='list']//tbody/tr");
		List<Long> ids = new java.util.ArrayList<>();
		for (int i = 1; i <= rows; i++) {
			ids.add(Long.parseLong(StreamCardTest.text(list, "//*[@id='list']//tbody/tr[" + i + "]/@data-proposal")));
		}
		return ids;
	}

	private int counter(long id) {
		return jdbc.sql("SELECT supports FROM proposals WHERE id = ?").param(id).query(Integer.class).single();
	}

	private long supportRows(long id) {
		return jdbc.sql("SELECT COUNT(*) FROM proposal_supports WHERE proposal_id = ?").param(id).query(Long.class)
			.single();
	}

	/** The proposals and comments this test refused, if any were stored. */
	private long stored() {
		return jdbc.sql("SELECT COUNT(*) FROM proposals WHERE title = ? OR body = ?").params(marker, marker)
			.query(Long.class).single()
				+ jdbc.sql("SELECT COUNT(*) FROM proposal_comments WHERE body = ?").param(marker).query(Long.class)
					.single();
	}

}
