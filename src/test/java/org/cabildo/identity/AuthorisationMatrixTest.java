package org.cabildo.identity;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.EnumMap;
import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.function.Function;
import java.util.function.Supplier;

import org.cabildo.IntegrationTest;
import org.cabildo.sensing.SensorThings;
import org.cabildo.support.Api;
import org.cabildo.support.Fixtures;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.boot.actuate.endpoint.web.PathMappedEndpoints;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.web.bind.annotation.RequestMethod;
import org.springframework.web.servlet.mvc.method.RequestMappingInfo;
import org.springframework.web.servlet.mvc.method.annotation.RequestMappingHandlerMapping;

/**
 * THE authorisation matrix: every HTTP route of the application (each handler method's path
 * patterns × HTTP methods) has an expectation here for every kind of caller, and each
 * expectation is checked over HTTP. A new route without an expectation fails the build.
 */
@IntegrationTest
class AuthorisationMatrixTest {

	/** Who calls: nobody, a device bound to the matrix Datastream, or a person with one role in the matrix organisation. */
	enum Who {

		ANONYMOUS, DEVICE, OPERATOR, STEWARD, ANALYST, AUDITOR, ADMIN

	}

	enum Outcome {

		/** Past the access rules: anything but 401 and 403. */
		ALLOWED,
		/** 401 without credentials (or 403 for a missing CSRF token outside the APIs), 403 with. */
		DENIED,
		/** DataArray: 201, each row refused with a reason. */
		ROWS_REFUSED

	}

	/** A request; {@code headers} replace the client's defaults (a portal form's cookie and content type). */
	record Call(String method, String url, Object body, Map<String, String> headers) {

		Call(String method, String url, Object body) {
			this(method, url, body, Map.of());
		}

	}

	record Case(Function<Who, Call> request, Map<Who, Outcome> expected) {
	}

	@LocalServerPort
	int port;

	@Autowired
	@Qualifier("requestMappingHandlerMapping")
	RequestMappingHandlerMapping mappings;

	@Autowired
	PathMappedEndpoints actuator;

	@Autowired
	Organisations organisations;

	@Autowired
	People people;

	@Autowired
	Tokens tokens;

	@Autowired
	Devices devices;

	@Autowired
	SensorThings things;

	private final Map<Who, Api> callers = new EnumMap<>(Who.class);

	/**
	 * The same callers as the portal's pages take them: a person with HTTP Basic (pages take no
	 * bearer token; a device's is nobody there).
	 */
	private final Map<Who, Api> pageCallers = new EnumMap<>(Who.class);

	private static final String PASSWORD = "matrix-page-password-8d1f";

	private final Map<Who, Long> personIds = new EnumMap<>(Who.class);

	private Api admin;

	private Organisation organisation;

	private long thing;

	private long datastream;

	private long sensor;

	@BeforeEach
	void setUp() {
		organisation = organisations.create(Accounts.unique("matrix"));
		Api anonymous = Api.anonymous(port);
		callers.put(Who.ANONYMOUS, anonymous);
		for (Who who : List.of(Who.OPERATOR, Who.STEWARD, Who.ANALYST, Who.AUDITOR, Who.ADMIN)) {
			Person person = people.create(Accounts.unique(who.name().toLowerCase()), PASSWORD, organisation.id(), "test");
			people.grant(person.id(), organisation.id(), Role.valueOf(who.name()), "test");
			personIds.put(who, person.id());
			callers.put(who, anonymous.as(Api.bearer(tokens.create(person.id(), "matrix", null, "test").secret())));
			pageCallers.put(who, anonymous.as(Api.basic(person.username(), PASSWORD)));
		}
		admin = callers.get(Who.ADMIN);
		Api operator = callers.get(Who.OPERATOR);
		Api.Response created = operator.post("/v1.1/Things", Map.of("name", "matrix", "description", "m", "Locations",
				List.of(Map.of("name", "l", "description", "l", "encodingType", "application/geo+json", "location",
						Map.of("type", "Point", "coordinates", List.of(1, 2)))),
				"Datastreams", List.of(Map.of("name", "d", "description", "d", "observationType", "x",
						"unitOfMeasurement", Map.of(), "Sensor", sensorBody(), "ObservedProperty",
						Map.of("name", "o", "definition", "x", "description", "o")))));
		assertThat(created.status()).as("%s", created).isEqualTo(201);
		thing = created.id();
		var ds = operator.get("/v1.1/Things(" + thing + ")/Datastreams", "$expand", "Sensor").json().get("value").get(0);
		datastream = ds.get("@iot.id").asLong();
		sensor = ds.get("Sensor").get("@iot.id").asLong();
		Issued device = devices.create(Accounts.unique("matrix-device"), organisation.id(), null, "test");
		devices.bind(device.id(), datastream, "test");
		callers.put(Who.DEVICE, anonymous.as(Api.bearer(device.secret())));
		pageCallers.put(Who.ANONYMOUS, anonymous);
		pageCallers.put(Who.DEVICE, callers.get(Who.DEVICE));
	}

	private static Map<String, Object> sensorBody() {
		return Map.of("name", "s", "description", "s", "encodingType", "text/plain", "metadata", "m");
	}

	/** Every route → who may call it. */
	private Map<String, Case> matrix() {
		Map<String, Case> m = new LinkedHashMap<>();
		Set<Who> persons = EnumSet.of(Who.OPERATOR, Who.STEWARD, Who.ANALYST, Who.AUDITOR, Who.ADMIN);
		Set<Who> signedIn = EnumSet.complementOf(EnumSet.of(Who.ANONYMOUS));
		for (String v : List.of("/v1.0", "/v1.1")) {
			m.put("GET " + v, new Case(w -> new Call("GET", v, null), allowed(EnumSet.allOf(Who.class))));
			m.put("GET " + v + "/**", new Case(w -> new Call("GET", v + "/Things(" + thing + ")", null),
					allowed(EnumSet.allOf(Who.class))));
			// on the service root itself, writes reach the API, which answers 405
			for (String method : List.of("POST", "PATCH", "PUT", "DELETE")) {
				m.put(method + " " + v, new Case(w -> new Call(method, v, Map.of()), allowed(persons)));
			}
			m.put("POST " + v + "/**", new Case(w -> new Call("POST", v + "/Sensors", sensorBody()),
					allowed(EnumSet.of(Who.OPERATOR))));
			m.put("PATCH " + v + "/**", new Case(w -> new Call("PATCH", v + "/Things(" + thing + ")",
					Map.of("description", "patched by " + w)), allowed(EnumSet.of(Who.OPERATOR))));
			m.put("PUT " + v + "/**", new Case(w -> new Call("PUT", v + "/Sensors(" + sensor + ")", sensorBody()),
					allowed(EnumSet.of(Who.OPERATOR))));
			m.put("DELETE " + v + "/**", new Case(w -> new Call("DELETE", v + "/Sensors(" + freshSensor() + ")", null),
					allowed(EnumSet.of(Who.OPERATOR))));
			m.put("POST " + v + "/$batch", new Case(w -> new Call("POST", v + "/$batch", Map.of("requests", List.of())),
					allowed(signedIn)));
			Map<Who, Outcome> rows = allowed(EnumSet.of(Who.OPERATOR, Who.DEVICE));
			for (Who who : List.of(Who.STEWARD, Who.ANALYST, Who.AUDITOR, Who.ADMIN)) {
				rows.put(who, Outcome.ROWS_REFUSED);
			}
			m.put("POST " + v + "/CreateObservations", new Case(w -> new Call("POST", v + "/CreateObservations?reasons=true",
					List.of(Map.of("Datastream", Map.of("@iot.id", datastream), "components",
							List.of("phenomenonTime", "result"), "dataArray",
							List.of(List.of("2024-05-01T00:00:00Z", w.ordinal() + Math.random()))))), rows));
		}
		String api = "/api/identity";
		Set<Who> admins = EnumSet.of(Who.ADMIN);
		m.put("GET " + api + "/organisations", new Case(w -> new Call("GET", api + "/organisations", null),
				allowed(EnumSet.allOf(Who.class))));
		m.put("POST " + api + "/organisations", new Case(w -> new Call("POST", api + "/organisations",
				Map.of("name", Accounts.unique("org"))), allowed(admins)));
		m.put("GET " + api + "/ownership/{entitySet}/{id}", new Case(w -> new Call("GET", api + "/ownership/Things/"
				+ thing, null), allowed(EnumSet.allOf(Who.class))));
		m.put("PUT " + api + "/ownership/Things/{id}", new Case(w -> new Call("PUT", api + "/ownership/Things/" + thing,
				Map.of("organisation", organisation.id())), allowed(admins)));
		m.put("GET " + api + "/people/me", new Case(w -> new Call("GET", api + "/people/me", null), allowed(persons)));
		m.put("GET " + api + "/people", new Case(w -> new Call("GET", api + "/people?organisation=" + organisation.id(),
				null), allowed(admins)));
		m.put("POST " + api + "/people", new Case(w -> new Call("POST", api + "/people", Map.of("username",
				Accounts.unique("p"), "organisation", organisation.id())), allowed(admins)));
		m.put("POST " + api + "/people/{id}/roles", new Case(w -> new Call("POST", api + "/people/"
				+ personIds.get(Who.ANALYST) + "/roles", Map.of("organisation", organisation.id(), "role", "steward")),
				allowed(admins)));
		m.put("DELETE " + api + "/people/{id}/roles/{organisation}/{role}", new Case(w -> new Call("DELETE", api
				+ "/people/" + personIds.get(Who.ANALYST) + "/roles/" + organisation.id() + "/steward", null),
				allowed(admins)));
		m.put("GET " + api + "/tokens", new Case(w -> new Call("GET", api + "/tokens", null), allowed(persons)));
		m.put("POST " + api + "/tokens", new Case(w -> new Call("POST", api + "/tokens", Map.of("name", "t")),
				allowed(persons)));
		m.put("DELETE " + api + "/tokens/{id}", new Case(w -> new Call("DELETE", api + "/tokens/" + tokenOf(w), null),
				allowed(persons)));
		m.put("GET " + api + "/devices", new Case(w -> new Call("GET", api + "/devices?organisation="
				+ organisation.id(), null), allowed(admins)));
		m.put("POST " + api + "/devices", new Case(w -> new Call("POST", api + "/devices", Map.of("name",
				Accounts.unique("dev"), "organisation", organisation.id())), allowed(admins)));
		m.put("DELETE " + api + "/devices/{id}", new Case(w -> new Call("DELETE", api + "/devices/" + freshDevice(),
				null), allowed(admins)));
		m.put("POST " + api + "/devices/{id}/secret", new Case(w -> new Call("POST", api + "/devices/" + freshDevice()
				+ "/secret", null), allowed(admins)));
		m.put("POST " + api + "/devices/{id}/bindings", new Case(w -> new Call("POST", api + "/devices/"
				+ freshDevice() + "/bindings", Map.of("datastream", datastream)), allowed(admins)));
		m.put("DELETE " + api + "/devices/{id}/bindings/{datastream}", new Case(w -> new Call("DELETE", api
				+ "/devices/" + freshDevice() + "/bindings/" + datastream, null), allowed(admins)));
		m.put("GET " + api + "/audit", new Case(w -> new Call("GET", api + "/audit", null),
				allowed(EnumSet.of(Who.AUDITOR, Who.ADMIN))));
		// imports: people pass the rules; the controller asks further (an operator of the mapping's
		// organisation starts one, 400/415 before that here; its operators and stewards see it, 404 else)
		m.put("POST /api/imports", new Case(w -> new Call("POST", "/api/imports", Map.of()), allowed(persons)));
		for (String path : List.of("/api/imports/{id}", "/api/imports/{id}/refused")) {
			m.put("GET " + path, new Case(w -> new Call("GET", path.replace("{id}", "0"), null), allowed(persons)));
		}
		m.put("DELETE /api/imports/{id}", new Case(w -> new Call("DELETE", "/api/imports/0", null), allowed(persons)));
		// the aggregates kept after retention: the matrix's datastream is declared open (test policy)
		m.put("GET /api/register/{datastreamId}/aggregates", new Case(w -> new Call("GET", "/api/register/" + datastream
				+ "/aggregates", null), allowed(EnumSet.allOf(Who.class))));
		// rollups, read as the stream's Observations are (the matrix's stream is open)
		m.put("GET /api/series/{datastreamId}", new Case(w -> new Call("GET", "/api/series/" + datastream, null),
				allowed(EnumSet.allOf(Who.class))));
		// governance: objections are filed and read by anyone; the owner's stewards answer, change stages and
		// open consultations (refused here by the stage rules: 409, past the access rules); admins hide
		String register = "/api/register/{datastreamId}";
		m.put("POST " + register + "/objections", new Case(w -> new Call("POST", "/api/register/" + datastream
				+ "/objections", Map.of("category", "other", "text", "filed by " + w)), allowed(EnumSet.allOf(Who.class))));
		m.put("GET " + register + "/objections", new Case(w -> new Call("GET", "/api/register/" + datastream
				+ "/objections", null), allowed(EnumSet.allOf(Who.class))));
		m.put("POST " + register + "/objections/{objectionId}/answer", new Case(w -> new Call("POST", "/api/register/"
				+ datastream + "/objections/" + freshObjection() + "/answer", Map.of("outcome", "answered", "text", "a")),
				allowed(EnumSet.of(Who.STEWARD))));
		m.put("POST " + register + "/stage", new Case(w -> new Call("POST", "/api/register/" + datastream + "/stage",
				Map.of("stage", "pilot", "reason", "matrix")), allowed(EnumSet.of(Who.STEWARD))));
		// many streams at once: stewards of each stream's owner (a dry run, so the matrix's stream stays as it is)
		m.put("POST /api/register/bulk", new Case(w -> new Call("POST", "/api/register/bulk", Map.of("select",
				Map.of("datastreams", List.of(datastream)), "move", Map.of("stage", "retired", "reason", "matrix"),
				"dryRun", true)), allowed(EnumSet.of(Who.STEWARD))));
		m.put("POST " + register + "/consultation", new Case(w -> new Call("POST", "/api/register/" + datastream
				+ "/consultation", null), allowed(EnumSet.of(Who.STEWARD))));
		// the earlier results of corrected Observations: the owner's stewards only
		m.put("GET " + register + "/revisions", new Case(w -> new Call("GET", "/api/register/" + datastream
				+ "/revisions", null), allowed(EnumSet.of(Who.STEWARD))));
		// the portal's home page: public, as what it shows is
		m.put("GET /", new Case(w -> new Call("GET", "/", null), allowed(EnumSet.allOf(Who.class))));
		m.put("GET /sign-in", new Case(w -> new Call("GET", "/sign-in", null), allowed(EnumSet.allOf(Who.class))));
		// the icon browsers ask for at the old address: anyone's (sent on to the portal's icon)
		m.put("GET /favicon.ico", new Case(w -> new Call("GET", "/favicon.ico", null), allowed(EnumSet.allOf(Who.class))));
		// the transparency page is public; the auditor's pages are for auditors and admins
		m.put("GET /transparency", new Case(w -> new Call("GET", "/transparency", null),
				allowed(EnumSet.allOf(Who.class))));
		for (String path : List.of("/audit", "/audit/entries/{seq}", "/audit/verification")) {
			m.put("GET " + path, new Case(w -> new Call("GET", path.replace("{seq}", "1"), null),
					allowed(EnumSet.of(Who.AUDITOR, Who.ADMIN))));
		}
		// the map of every sensor and its districts' boundaries: public, as the register is
		m.put("GET /map", new Case(w -> new Call("GET", "/map", null), allowed(EnumSet.allOf(Who.class))));
		m.put("GET /map/districts.geojson", new Case(w -> new Call("GET", "/map/districts.geojson", null),
				allowed(EnumSet.allOf(Who.class))));
		// a stream's card: public, its values as each reader may read them; its form files an objection for
		// anyone without an account (sent here with the page's CSRF token, and refused as sent too soon: 400)
		m.put("GET /sensors/{datastreamId}", new Case(w -> new Call("GET", "/sensors/" + datastream, null),
				allowed(EnumSet.allOf(Who.class))));
		m.put("GET /sensors/{datastreamId}/objections", new Case(w -> new Call("GET", "/sensors/" + datastream
				+ "/objections", null), allowed(EnumSet.allOf(Who.class))));
		m.put("POST /sensors/{datastreamId}/objections", new Case(w -> cardForm("/sensors/" + datastream,
				"category=other&text=filed+by+" + w), allowed(EnumSet.allOf(Who.class))));
		// residents' reports in the portal: the form, the reports, who takes part are public; the form files
		// a report for anyone (sent here with the page's CSRF token but no signed issue time: refused, 400);
		// an unknown report is 404, past the rules
		for (String path : List.of("/report", "/reports", "/reports/{id}", "/participation")) {
			m.put("GET " + path, new Case(w -> new Call("GET", path.replace("{id}", "0"), null),
					allowed(EnumSet.allOf(Who.class))));
		}
		m.put("POST /report", new Case(w -> pageForm("/report", "/report", "service=pothole&district=none&description="
				+ "filed+by+" + w), allowed(EnumSet.allOf(Who.class))));
		// residents' accounts in the portal: the pages (sign-up, the mailed links' pages) are public, and their
		// forms anyone's (sent here with the page's CSRF token, and refused past the rules: a form without its
		// signed issue time, a link not mailed: 400)
		for (String path : List.of("/residents/sign-up", "/residents/verify", "/residents/password")) {
			m.put("GET " + path, new Case(w -> new Call("GET", path + "?link=matrix", null),
					allowed(EnumSet.allOf(Who.class))));
		}
		m.put("POST /residents/sign-up", new Case(w -> pageForm("/residents/sign-up", "/residents/sign-up",
				"email=matrix%40example.org&password=matrix+sign+up+" + w), allowed(EnumSet.allOf(Who.class))));
		m.put("POST /residents/verify", new Case(w -> pageForm("/residents/verify?link=matrix", "/residents/verify",
				"link=matrix"), allowed(EnumSet.allOf(Who.class))));
		m.put("POST /residents/password", new Case(w -> pageForm("/residents/password", "/residents/password",
				"email=matrix%40example.org"), allowed(EnumSet.allOf(Who.class))));
		m.put("POST /residents/password/new", new Case(w -> pageForm("/residents/password?link=matrix",
				"/residents/password/new", "link=matrix&password=matrix+new+password"), allowed(EnumSet.allOf(Who.class))));
		m.put("GET /api/objections/answer-times", new Case(w -> new Call("GET", "/api/objections/answer-times", null),
				allowed(EnumSet.allOf(Who.class))));
		m.put("POST /api/objections/{objectionId}/hide", new Case(w -> new Call("POST", "/api/objections/"
				+ freshObjection() + "/hide", Map.of("reason", "matrix")), allowed(admins)));
		// the access ledger: its verification, checkpoints and summary are public, its entries for auditors
		for (String path : List.of("/api/ledger/verify", "/api/ledger/checkpoints", "/api/ledger/checkpoints/latest",
				"/api/ledger/summary")) {
			m.put("GET " + path, new Case(w -> new Call("GET", path, null), allowed(EnumSet.allOf(Who.class))));
		}
		// anyone may hold the ledger to a checkpoint they kept (here one that is not signed: answered, not refused)
		m.put("POST /api/ledger/verify", new Case(w -> new Call("POST", "/api/ledger/verify", Map.of("seq", 1, "entryHash",
				"0".repeat(64), "signedAt", "2024-05-01T00:00:00Z", "signature", "AAAA")), allowed(EnumSet.allOf(Who.class))));
		m.put("GET /api/ledger", new Case(w -> new Call("GET", "/api/ledger?limit=1", null),
				allowed(EnumSet.of(Who.AUDITOR, Who.ADMIN))));
		// the districts and the indicators by district: public; districts are imported by admins (an empty
		// object here: refused as no FeatureCollection, 400, past the access rules, nothing stored)
		for (String path : List.of("/api/districts", "/api/districts/{id}", "/api/districts.geojson",
				"/api/indicators/sensing-by-district", "/api/indicators/sensing-by-district.csv", "/api/indicators",
				"/api/indicators/{code}", "/api/indicators/{code}/districts", "/api/indicators/{code}/city")) {
			m.put("GET " + path, new Case(w -> new Call("GET", path.replace("{id}", "none").replace("{code}", "none"), null),
					allowed(EnumSet.allOf(Who.class))));
		}
		// the indicators: their catalogue, each one's table of districts and a district's months, public
		for (String path : List.of("/api/indicators", "/api/indicators/{code}", "/api/indicators/{code}/districts",
				"/api/indicators/{code}/districts/{district}/months")) {
			m.put("GET " + path, new Case(w -> new Call("GET", path.replace("{code}", "no-such-indicator")
				.replace("{district}", "none"), null), allowed(EnumSet.allOf(Who.class))));
		}
		// the districts' pages of the portal: public, as the indicators are
		m.put("GET /districts", new Case(w -> new Call("GET", "/districts", null), allowed(EnumSet.allOf(Who.class))));
		m.put("GET /districts/{id}", new Case(w -> new Call("GET", "/districts/none", null),
				allowed(EnumSet.allOf(Who.class))));
		m.put("PUT /api/districts", new Case(w -> new Call("PUT", "/api/districts", Map.of()), allowed(admins)));
		// health series by district: public (no count below 11 shown); an unknown series is 404, past the rules
		for (String path : List.of("/api/health/series", "/api/health/series/{code}/districts",
				"/api/health/series/{code}/districts/{district}/weeks",
				"/api/health/series/{code}/association")) {
			String call = path.replace("{code}", "none").replace("{district}", "none")
					+ (path.endsWith("association") ? "?indicator=who-2021-pm25-annual" : "");
			m.put("GET " + path, new Case(w -> new Call("GET", call, null), allowed(EnumSet.allOf(Who.class))));
		}
		// Open311: anyone reads the service list and the reports, and files one (here without a
		// service_code: 400, past the rules); devices file none (403); anything else under it is 404
		Set<Who> everyone = EnumSet.allOf(Who.class);
		for (String path : List.of("/open311/discovery.{format}", "/open311/v2/services.{format}",
				"/open311/v2/services/{code}.{format}", "/open311/v2/requests.{format}", "/open311/v2/requests/{id}.{format}",
				"/open311/v2/tokens/{token}.{format}", "/open311/v2/media/{id}")) {
			String call = path.replace("{format}", "json").replace("{code}", "none").replace("{id}", "0")
				.replace("{token}", "none");
			m.put("GET " + path, new Case(w -> new Call("GET", call, null), allowed(everyone)));
		}
		m.put("POST /open311/v2/requests.{format}", new Case(w -> new Call("POST", "/open311/v2/requests.json",
				"lat=19.4&long=-99.1", Map.of("Content-Type", "application/x-www-form-urlencoded")),
				allowed(EnumSet.complementOf(EnumSet.of(Who.DEVICE)))));
		for (String method : List.of("GET", "POST", "PUT", "PATCH", "DELETE")) {
			m.put(method + " /open311/**", new Case(w -> new Call(method, "/open311/v2/nothing-here.json",
					method.equals("GET") ? null : ""), allowed(everyone)));
		}
		// residents' accounts: anyone signs up, verifies and asks for a new password (empty bodies here: 400,
		// past the rules); a signed-in person reads their own resident's account (none here: 404)
		for (String path : List.of("/api/residents", "/api/residents/verify", "/api/residents/password-reset",
				"/api/residents/password")) {
			m.put("POST " + path, new Case(w -> new Call("POST", path, Map.of()), allowed(everyone)));
		}
		m.put("GET /api/residents/me", new Case(w -> new Call("GET", "/api/residents/me", null), allowed(persons)));
		// participation by district and a report's public notes: public; anyone flags abuse (an unknown
		// report: 404); offices answer (an unknown report: 404 for people); hiding is for the city's admins,
		// and the matrix organisation is not the city's (403 for everyone)
		m.put("GET /api/participation/demographics", new Case(w -> new Call("GET", "/api/participation/demographics",
				null), allowed(everyone)));
		m.put("GET /api/participation/districts", new Case(w -> new Call("GET", "/api/participation/districts", null),
				allowed(everyone)));
		m.put("GET /api/participation/requests/{id}/notes", new Case(w -> new Call("GET",
				"/api/participation/requests/0/notes", null), allowed(everyone)));
		m.put("POST /api/participation/requests/{id}/abuse", new Case(w -> new Call("POST",
				"/api/participation/requests/0/abuse", Map.of()), allowed(everyone)));
		m.put("POST /api/participation/requests/{id}/notes", new Case(w -> new Call("POST",
				"/api/participation/requests/0/notes", Map.of("status", "open", "note", "matrix")), allowed(persons)));
		m.put("POST /api/participation/requests/{id}/hide", new Case(w -> new Call("POST",
				"/api/participation/requests/0/hide", Map.of("reason", "matrix")), allowed(EnumSet.noneOf(Who.class))));
		// the moderators' queue and keeping: the city's admins only, none of the matrix's people
		m.put("GET /api/participation/moderation", new Case(w -> new Call("GET", "/api/participation/moderation",
				null), allowed(EnumSet.noneOf(Who.class))));
		m.put("POST /api/participation/requests/{id}/keep", new Case(w -> new Call("POST",
				"/api/participation/requests/0/keep", Map.of("reason", "matrix")), allowed(EnumSet.noneOf(Who.class))));
		m.put("POST /api/participation/proposals/{id}/keep", new Case(w -> new Call("POST",
				"/api/participation/proposals/0/keep", Map.of("reason", "matrix")), allowed(EnumSet.noneOf(Who.class))));
		// residents' proposals: anyone reads them, their comments and the categories (an unknown proposal: 404)
		// and flags one; the matrix's people pass the rules for the rest but are no residents, so proposing,
		// supporting, commenting and following are refused further in (403), and hiding as for reports; an
		// unknown proposal answers withdrawing, unfollowing and answering (404, past the rules)
		String proposals = "/api/participation/proposals";
		Set<Who> nobody = EnumSet.noneOf(Who.class);
		m.put("GET /api/participation/proposal-categories", new Case(w -> new Call("GET",
				"/api/participation/proposal-categories", null), allowed(everyone)));
		m.put("GET " + proposals, new Case(w -> new Call("GET", proposals + "?limit=1", null), allowed(everyone)));
		m.put("GET " + proposals + "/{id}", new Case(w -> new Call("GET", proposals + "/0", null), allowed(everyone)));
		m.put("GET " + proposals + "/{id}/comments", new Case(w -> new Call("GET", proposals + "/0/comments", null),
				allowed(everyone)));
		m.put("POST " + proposals + "/{id}/abuse", new Case(w -> new Call("POST", proposals + "/0/abuse", Map.of()),
				allowed(everyone)));
		m.put("POST " + proposals, new Case(w -> new Call("POST", proposals, Map.of("title", "matrix", "text", "matrix",
				"category", "movilidad")), allowed(nobody)));
		m.put("POST " + proposals + "/{id}/supports", new Case(w -> new Call("POST", proposals + "/0/supports", null),
				allowed(nobody)));
		m.put("DELETE " + proposals + "/{id}/supports", new Case(w -> new Call("DELETE", proposals + "/0/supports",
				null), allowed(persons)));
		m.put("POST " + proposals + "/{id}/comments", new Case(w -> new Call("POST", proposals + "/0/comments",
				Map.of("text", "matrix")), allowed(nobody)));
		m.put("POST " + proposals + "/{id}/follow", new Case(w -> new Call("POST", proposals + "/0/follow", null),
				allowed(nobody)));
		m.put("DELETE " + proposals + "/{id}/follow", new Case(w -> new Call("DELETE", proposals + "/0/follow", null),
				allowed(persons)));
		m.put("POST " + proposals + "/{id}/answer", new Case(w -> new Call("POST", proposals + "/0/answer",
				Map.of("text", "matrix", "outcome", "accepted")), allowed(persons)));
		m.put("POST " + proposals + "/{id}/hide", new Case(w -> new Call("POST", proposals + "/0/hide",
				Map.of("reason", "matrix")), allowed(nobody)));
		m.put("POST " + proposals + "/{id}/comments/{comment}/hide", new Case(w -> new Call("POST", proposals
				+ "/0/comments/0/hide", Map.of("reason", "matrix")), allowed(nobody)));
		// residents' proposals in the portal: the list, a proposal (an unknown one: 404) and the form (which tells
		// anyone who may not propose how to take part) are public; the forms are for signed-in people, posted
		// here with a page's CSRF token, anyone else sent to sign in: the matrix's people are no residents, so
		// proposing is refused further in (403, the form saying why), and the unknown proposal 0 answers the
		// others (404, past the rules)
		for (String path : List.of("/proposals", "/proposals/{id}", "/proposals/new")) {
			m.put("GET " + path, new Case(w -> new Call("GET", path.replace("{id}", "0"), null), allowed(everyone)));
		}
		m.put("POST /proposals/new", new Case(w -> pageForm("/sign-in", "/proposals/new", "title=matrix&text=by+" + w
				+ "&category=movilidad"), allowed(nobody)));
		for (String form : List.of("support", "withdraw", "follow", "unfollow", "comments")) {
			m.put("POST /proposals/{id}/" + form, new Case(w -> pageForm("/sign-in", "/proposals/0/" + form,
					"text=matrix"), allowed(persons)));
		}
		// the operator's console: people pass the rules; what each may do there is the API's to say (operators
		// of the organisation for its Things, admins for its devices; anyone signed in for their own tokens)
		Set<Who> operators = EnumSet.of(Who.OPERATOR);
		String thingPages = "/console/operator/things";
		String devicePages = "/console/operator/devices";
		String tokenPages = "/console/operator/tokens";
		m.put("GET /console/operator", new Case(w -> new Call("GET", "/console/operator", null), allowed(persons)));
		m.put("GET " + thingPages, new Case(w -> new Call("GET", thingPages, null), allowed(operators)));
		m.put("POST " + thingPages, new Case(w -> new Call("POST", thingPages, Map.of("organisation",
				Long.toString(organisation.id()), "name", "by " + w, "description", "", "latitude", "1", "longitude",
				"2")), allowed(operators)));
		m.put("GET " + thingPages + "/{id}", new Case(w -> new Call("GET", thingPages + "/" + thing, null), allowed(operators)));
		m.put("POST " + thingPages + "/{id}", new Case(w -> new Call("POST", thingPages + "/" + thing, Map.of("name", "matrix",
				"description", "renamed by " + w)), allowed(operators)));
		m.put("GET " + thingPages + "/{id}/delete", new Case(w -> new Call("GET", thingPages + "/" + thing + "/delete", null),
				allowed(operators)));
		m.put("POST " + thingPages + "/{id}/delete", new Case(w -> new Call("POST", thingPages + "/" + freshThing()
				+ "/delete", Map.of()), allowed(operators)));
		m.put("POST " + thingPages + "/{id}/datastreams", new Case(w -> new Call("POST", thingPages + "/" + thing
				+ "/datastreams", Map.of("name", "by " + w, "observedProperty", "o", "unitName", "u", "unitSymbol", "u",
						"sensor", "s")), allowed(operators)));
		m.put("GET " + devicePages, new Case(w -> new Call("GET", devicePages + "?organisation=" + organisation.id(),
				null), allowed(admins)));
		m.put("POST " + devicePages, new Case(w -> new Call("POST", devicePages, Map.of("organisation",
				Long.toString(organisation.id()), "name", Accounts.unique("dev"))), allowed(admins)));
		m.put("GET " + devicePages + "/{id}", new Case(w -> new Call("GET", devicePages + "/" + freshDevice(), null),
				allowed(admins)));
		for (String change : List.of("/secret", "/revoke")) {
			m.put("POST " + devicePages + "/{id}" + change, new Case(w -> new Call("POST", devicePages + "/"
					+ freshDevice() + change, Map.of()), allowed(admins)));
		}
		m.put("POST " + devicePages + "/{id}/bindings", new Case(w -> new Call("POST", devicePages + "/"
				+ freshDevice() + "/bindings", Map.of("datastream", Long.toString(datastream))), allowed(admins)));
		m.put("POST " + devicePages + "/{id}/bindings/{datastream}/delete", new Case(w -> new Call("POST",
				devicePages + "/" + freshDevice() + "/bindings/" + datastream + "/delete", Map.of()), allowed(admins)));
		m.put("GET " + tokenPages, new Case(w -> new Call("GET", tokenPages, null), allowed(persons)));
		m.put("POST " + tokenPages, new Case(w -> new Call("POST", tokenPages, Map.of("name", "matrix")),
				allowed(persons)));
		m.put("POST " + tokenPages + "/{id}/revoke", new Case(w -> new Call("POST", tokenPages + "/" + tokenOf(w)
				+ "/revoke", Map.of()), allowed(persons)));
		// the OpenAPI document and its UI
		for (String path : List.of("/v3/api-docs", "/v3/api-docs/swagger-config", "/v3/api-docs.yaml",
				"/swagger-ui.html")) {
			m.put("GET " + path, new Case(w -> new Call("GET", path, null), allowed(EnumSet.allOf(Who.class))));
		}
		m.put("GET /v3/api-docs/{group}", new Case(w -> new Call("GET", "/v3/api-docs/x", null),
				allowed(EnumSet.allOf(Who.class))));
		m.put("GET /v3/api-docs.yaml/{group}", new Case(w -> new Call("GET", "/v3/api-docs.yaml/x", null),
				allowed(EnumSet.allOf(Who.class))));
		// the public register (governance)
		for (String path : List.of("/api/register", "/api/register.geojson", "/api/register/vocabulary",
				"/api/register/datachains")) {
			m.put("GET " + path, new Case(w -> new Call("GET", path, null), allowed(EnumSet.allOf(Who.class))));
		}
		m.put("GET /api/register/{datastreamId}", new Case(w -> new Call("GET", "/api/register/" + datastream, null),
				allowed(EnumSet.allOf(Who.class))));
		m.put("GET /api/register/{datastreamId}/datachain", new Case(w -> new Call("GET", "/api/register/"
				+ datastream + "/datachain", null), allowed(EnumSet.allOf(Who.class))));
		m.put("PUT /api/register/{datastreamId}", new Case(w -> new Call("PUT", "/api/register/" + datastream,
				Map.of()), allowed(EnumSet.of(Who.STEWARD))));
		// declaration templates: public to read; the organisation's stewards publish and withdraw them
		for (String path : List.of("/api/register/templates", "/api/register/undeclared")) {
			m.put("GET " + path, new Case(w -> new Call("GET", path, null), allowed(EnumSet.allOf(Who.class))));
		}
		m.put("GET /api/register/templates/{id}", new Case(w -> new Call("GET", "/api/register/templates/"
				+ freshTemplate(), null), allowed(EnumSet.allOf(Who.class))));
		m.put("PUT /api/register/templates/organisations/{organisation}", new Case(w -> new Call("PUT",
				"/api/register/templates/organisations/" + organisation.id(), Map.of()), allowed(EnumSet.of(Who.STEWARD))));
		m.put("PUT /api/register/templates/things/{thing}", new Case(w -> new Call("PUT", "/api/register/templates/things/"
				+ thing, Map.of()), allowed(EnumSet.of(Who.STEWARD))));
		m.put("DELETE /api/register/templates/{id}", new Case(w -> new Call("DELETE", "/api/register/templates/"
				+ freshTemplate(), null), allowed(EnumSet.of(Who.STEWARD))));
		// operations: health and build information are public, the list of endpoints is not needed
		m.put("GET /actuator", new Case(w -> new Call("GET", "/actuator", null), allowed(EnumSet.noneOf(Who.class))));
		for (String path : List.of("/actuator/health", "/actuator/info")) {
			m.put("GET " + path, new Case(w -> new Call("GET", path, null), allowed(EnumSet.allOf(Who.class))));
		}
		m.put("GET /actuator/health/**", new Case(w -> new Call("GET", "/actuator/health/liveness", null),
				allowed(EnumSet.allOf(Who.class))));
		m.put("GET /actuator/info/**", new Case(w -> new Call("GET", "/actuator/info/x", null),
				allowed(EnumSet.allOf(Who.class))));
		// the consoles (pages; CSRF-protected forms): signed-in people, each then as the services allow
		// (here the stewards of the matrix organisation; anyone else is refused by the same check as the API)
		m.put("GET /console", new Case(w -> new Call("GET", "/console", null), allowed(persons)));
		Set<Who> stewards = EnumSet.of(Who.STEWARD);
		String console = "/console/steward/streams/{datastream}";
		String stream = "/console/steward/streams/" + datastream;
		for (String path : List.of("/console/steward", "/console/steward/objections")) {
			m.put("GET " + path, new Case(w -> new Call("GET", path, null), allowed(stewards)));
		}
		for (String page : List.of("/declaration", "/stage", "/sharing")) {
			m.put("GET " + console + page, new Case(w -> new Call("GET", stream + page, null), allowed(stewards)));
		}
		m.put("POST " + console + "/declaration", new Case(w -> new Call("POST", stream + "/declaration",
				Map.of("summary", "by " + w)), allowed(stewards)));
		m.put("POST " + console + "/stage", new Case(w -> new Call("POST", stream + "/stage", Map.of("stage", "pilot",
				"reason", "matrix")), allowed(stewards)));
		m.put("POST " + console + "/consultation", new Case(w -> new Call("POST", stream + "/consultation", Map.of()),
				allowed(stewards)));
		m.put("POST " + console + "/objections/{objection}/answer", new Case(w -> new Call("POST", stream
				+ "/objections/" + freshObjection() + "/answer", Map.of("outcome", "answered", "text", "a")),
				allowed(stewards)));
		m.put("POST " + console + "/sharing", new Case(w -> new Call("POST", stream + "/sharing", Map.of()),
				allowed(stewards)));
		m.put("POST " + console + "/sharing/{organisation}/revoke", new Case(w -> new Call("POST", stream + "/sharing/"
				+ organisation.id() + "/revoke", Map.of()), allowed(stewards)));
		// Spring Boot's error page is never called directly
		for (String method : List.of("GET", "POST", "PUT", "PATCH", "DELETE")) {
			m.put(method + " /error", new Case(w -> new Call(method, "/error", null), allowed(EnumSet.noneOf(Who.class))));
		}
		return m;
	}

	/** A page of the portal: anything but the APIs, their documentation, Actuator and the error path. */
	private static boolean isPage(String url) {
		return !url.matches("^/(v1\\.[01]|api|v3|swagger-ui|actuator|error|open311)([/?.(].*)?$");
	}

	private static Map<Who, Outcome> allowed(Set<Who> who) {
		Map<Who, Outcome> outcomes = new EnumMap<>(Who.class);
		for (Who each : Who.values()) {
			outcomes.put(each, who.contains(each) ? Outcome.ALLOWED : Outcome.DENIED);
		}
		return outcomes;
	}

	/**
	 * The POST of a form of a portal page, as a browser sends it: with the page's CSRF token (its
	 * cookie and the form's field), so that what is checked is the access rule, not the token.
	 */
	private Call cardForm(String page, String fields) {
		return pageForm(page, page + "/objections", fields);
	}

	/** The POST of the form of a portal page to its action, with the page's CSRF token (as {@link #cardForm}). */
	private Call pageForm(String page, String action, String fields) {
		Api.Response form = Api.anonymous(port).send("GET", page, null, Map.of("Accept", "text/html"));
		java.util.regex.Matcher field = java.util.regex.Pattern.compile("name=\"_csrf\"\\s+value=\"([^\"]+)\"")
			.matcher(form.body());
		assertThat(field.find()).as("the CSRF field of %s", page).isTrue();
		String cookie = form.headers().getOrDefault("set-cookie", List.of()).stream()
			.filter(c -> c.startsWith("XSRF-TOKEN="))
			.map(c -> c.split(";")[0])
			.findFirst()
			.orElseThrow(() -> new AssertionError("no CSRF cookie from " + page + ": " + form.headers()));
		return new Call("POST", action, "_csrf=" + java.net.URLEncoder.encode(field.group(1),
				java.nio.charset.StandardCharsets.UTF_8) + "&" + fields, Map.of("Cookie", cookie, "Content-Type",
						"application/x-www-form-urlencoded", "Accept", "text/html"));
	}

	private long freshSensor() {
		return new Api(port).post("/v1.1/Sensors", sensorBody()).id();
	}

	private long freshThing() {
		return callers.get(Who.OPERATOR).post("/v1.1/Things", Map.of("name", "to delete", "description", "d")).id();
	}

	private long freshObjection() {
		return Api.anonymous(port)
			.post("/api/register/" + datastream + "/objections", Map.of("category", "other", "text", "to answer"))
			.json()
			.get("id")
			.asLong();
	}

	/** The matrix Thing's declaration template, published anew (a new version of the same template). */
	private long freshTemplate() {
		return callers.get(Who.STEWARD)
			.put("/api/register/templates/things/" + thing, Fixtures.openDeclaration())
			.json()
			.get("id")
			.asLong();
	}

	private long freshDevice() {
		Issued device = devices.create(Accounts.unique("d"), organisation.id(), null, "test");
		return device.id();
	}

	private long tokenOf(Who who) {
		Long person = personIds.get(who);
		long owner = person != null ? person : personIds.get(Who.OPERATOR);
		return tokens.create(owner, "to revoke", null, "test").id();
	}

	/** The consoles: pages of the portal whose forms are posted with a page's CSRF token. */
	private static boolean isConsole(String url) {
		return url.equals("/console") || url.startsWith("/console/");
	}

	/**
	 * A call of a page as a browser makes it: people with HTTP Basic (pages take no API token);
	 * a form posted with the CSRF token and cookie of a page read first, as the form carries them.
	 */
	private Api.Response page(Who who, Call call) {
		Api caller = pageCallers.getOrDefault(who, callers.get(who));
		if (call.method().equals("GET")) {
			return caller.send("GET", call.url(), null, Map.of("Accept", "text/html"));
		}
		Api.Response form = caller.send("GET", "/sign-in", null, Map.of("Accept", "text/html"));
		java.util.regex.Matcher token = java.util.regex.Pattern.compile("name=\"_csrf\"\\s+value=\"([^\"]+)\"")
			.matcher(form.body());
		assertThat(token.find()).as("a CSRF token on the sign-in form").isTrue();
		String cookie = form.headers()
			.entrySet()
			.stream()
			.filter(e -> e.getKey().equalsIgnoreCase("Set-Cookie"))
			.flatMap(e -> e.getValue().stream())
			.filter(value -> value.startsWith("XSRF-TOKEN="))
			.map(value -> value.split(";")[0])
			.findFirst()
			.orElseThrow();
		StringBuilder body = new StringBuilder("_csrf=" + java.net.URLEncoder.encode(token.group(1),
				java.nio.charset.StandardCharsets.UTF_8));
		((Map<?, ?>) call.body()).forEach((name, value) -> body.append('&')
			.append(java.net.URLEncoder.encode(String.valueOf(name), java.nio.charset.StandardCharsets.UTF_8))
			.append('=')
			.append(java.net.URLEncoder.encode(String.valueOf(value), java.nio.charset.StandardCharsets.UTF_8)));
		return caller.send(call.method(), call.url(), body.toString(), Map.of("Accept", "text/html", "Content-Type",
				"application/x-www-form-urlencoded", "Cookie", cookie));
	}

	/** Every route of the application, as "METHOD pattern". */
	private Set<String> routes() {
		Set<String> routes = new TreeSet<>();
		for (RequestMappingInfo info : mappings.getHandlerMethods().keySet()) {
			Set<RequestMethod> methods = info.getMethodsCondition().getMethods();
			if (methods.isEmpty()) {
				methods = EnumSet.of(RequestMethod.GET, RequestMethod.POST, RequestMethod.PUT, RequestMethod.PATCH,
						RequestMethod.DELETE);
			}
			for (String pattern : info.getPatternValues()) {
				for (RequestMethod method : methods) {
					routes.add(method.name() + " " + pattern);
				}
			}
		}
		// Actuator endpoints are served by a handler mapping of their own.
		routes.add("GET " + actuator.getBasePath());
		for (String path : actuator.getAllPaths()) {
			routes.add("GET " + path);
			routes.add("GET " + path + "/**");
		}
		return routes;
	}

	/** A management call on a target that belongs (also) to another organisation; made fresh for each caller. */
	record CrossCase(String name, Supplier<Call> call) {
	}

	/**
	 * The identity API across organisations: the matrix organisation's admin (A) acts on people,
	 * devices, tokens and roles of another organisation (B) and of both (A∩B), and is refused; an
	 * admin of both is let through. Managing a target needs the admin role in every organisation
	 * it belongs to.
	 */
	private List<CrossCase> crossOrganisationCases(Organisation b) {
		String api = "/api/identity";
		long a = organisation.id();
		Supplier<Person> ofB = () -> crossPerson(b.id(), Map.of(b.id(), Role.OPERATOR));
		// home in A, admin of B: a token for them acts in B
		Supplier<Person> ofBoth = () -> crossPerson(a, Map.of(a, Role.OPERATOR, b.id(), Role.ADMIN));
		Supplier<Long> deviceOfB = () -> devices.create(Accounts.unique("db"), b.id(), null, "test").id();
		// a device of A bound to a Datastream that has since been handed to B
		Supplier<Long> deviceOfBoth = () -> {
			Issued device = devices.create(Accounts.unique("dab"), a, null, "test");
			devices.bind(device.id(), datastream, "test");
			things.assignThing(thing, b.id());
			return device.id();
		};
		List<CrossCase> cases = new ArrayList<>();
		for (var target : Map.of("B", ofB, "A∩B", ofBoth).entrySet()) {
			String of = " of " + target.getKey();
			Supplier<Person> person = target.getValue();
			cases.add(new CrossCase("POST tokens for a person" + of, () -> new Call("POST", api + "/tokens",
					Map.of("name", "x", "person", person.get().id()))));
			cases.add(new CrossCase("GET tokens of a person" + of, () -> new Call("GET", api + "/tokens?person="
					+ person.get().id(), null)));
			cases.add(new CrossCase("DELETE a token of a person" + of, () -> new Call("DELETE", api + "/tokens/"
					+ tokens.create(person.get().id(), "x", null, "test").id(), null)));
			cases.add(new CrossCase("grant a person" + of + " a role in A", () -> new Call("POST", api + "/people/"
					+ person.get().id() + "/roles", Map.of("organisation", a, "role", "analyst"))));
		}
		cases.add(new CrossCase("grant a person of A a role in B", () -> new Call("POST", api + "/people/"
				+ crossPerson(a, Map.of(a, Role.ANALYST)).id() + "/roles", Map.of("organisation", b.id(), "role",
						"admin"))));
		cases.add(new CrossCase("take back a role in B", () -> new Call("DELETE", api + "/people/"
				+ ofBoth.get().id() + "/roles/" + b.id() + "/admin", null)));
		cases.add(new CrossCase("list the people of B", () -> new Call("GET", api + "/people?organisation=" + b.id(),
				null)));
		cases.add(new CrossCase("create a person in B", () -> new Call("POST", api + "/people", Map.of("username",
				Accounts.unique("p"), "organisation", b.id()))));
		cases.add(new CrossCase("list the devices of B", () -> new Call("GET", api + "/devices?organisation="
				+ b.id(), null)));
		cases.add(new CrossCase("create a device in B", () -> new Call("POST", api + "/devices", Map.of("name",
				Accounts.unique("d"), "organisation", b.id()))));
		for (var target : Map.of("B", deviceOfB, "A∩B", deviceOfBoth).entrySet()) {
			String of = " of " + target.getKey();
			Supplier<Long> device = target.getValue();
			cases.add(new CrossCase("revoke a device" + of, () -> new Call("DELETE", api + "/devices/"
					+ device.get(), null)));
			cases.add(new CrossCase("give a new secret to a device" + of, () -> new Call("POST", api + "/devices/"
					+ device.get() + "/secret", null)));
			cases.add(new CrossCase("unbind a device" + of, () -> new Call("DELETE", api + "/devices/"
					+ device.get() + "/bindings/" + datastream, null)));
		}
		cases.add(new CrossCase("bind a device of B to a Datastream of B", () -> {
			things.assignThing(thing, b.id());
			return new Call("POST", api + "/devices/" + deviceOfB.get() + "/bindings", Map.of("datastream", datastream));
		}));
		cases.add(new CrossCase("hand a Thing of B to A", () -> {
			things.assignThing(thing, b.id());
			return new Call("PUT", api + "/ownership/Things/" + thing, Map.of("organisation", a));
		}));
		return cases;
	}

	private Person crossPerson(long home, Map<Long, Role> roles) {
		Person person = people.create(Accounts.unique("x"), null, home, "test");
		roles.forEach((organisation, role) -> people.grant(person.id(), organisation, role, "test"));
		return people.byId(person.id()).orElseThrow();
	}

	@Test
	@DisplayName("across organisations: an admin of A manages nothing of B nor of A∩B; an admin of both does")
	void crossOrganisationExpectationsHold() {
		Organisation b = organisations.create(Accounts.unique("matrix-b"));
		Person both = crossPerson(organisation.id(), Map.of(organisation.id(), Role.ADMIN));
		people.grant(both.id(), b.id(), Role.ADMIN, "test");
		Api adminOfBoth = Api.anonymous(port).as(Api.bearer(tokens.create(both.id(), "matrix", null, "test").secret()));
		List<String> wrong = new ArrayList<>();
		for (CrossCase c : crossOrganisationCases(b)) {
			Call call = c.call().get();
			Api.Response refused = admin.send(call.method(), call.url(), call.body(), Map.of());
			if (refused.status() != 403) {
				wrong.add(c.name() + " as admin of A: expected 403, got " + refused);
			}
			call = c.call().get();
			Api.Response allowed = adminOfBoth.send(call.method(), call.url(), call.body(), Map.of());
			if (allowed.status() == 401 || allowed.status() == 403 || allowed.status() >= 500) {
				wrong.add(c.name() + " as admin of A and B: expected it allowed, got " + allowed);
			}
		}
		assertThat(wrong).isEmpty();
	}

	@Test
	@DisplayName("every route of the application has an expectation in the matrix")
	void everyRouteIsInTheMatrix() {
		Set<String> missing = new TreeSet<>(routes());
		missing.removeAll(matrix().keySet());
		assertThat(missing).as("routes without an expectation in the authorisation matrix").isEmpty();
	}

	@Test
	@DisplayName("every expectation of the matrix holds over HTTP")
	void everyExpectationHolds() {
		List<String> wrong = new ArrayList<>();
		Set<String> routes = routes();
		matrix().forEach((route, c) -> {
			if (!routes.contains(route)) {
				return; // e.g. a springdoc route not present in this version
			}
			c.expected().forEach((who, outcome) -> {
				Call call = c.request().apply(who);
				boolean page = isPage(call.url());
				Api caller = page ? pageCallers.getOrDefault(who, callers.get(who)) : callers.get(who);
				// a console's form is posted as a browser posts it, with a page's CSRF token and cookie
				Api.Response response = isConsole(call.url()) ? page(who, call)
						: caller.send(call.method(), call.url(), call.body(), call.headers());
				// a page sends whoever is not signed in to the sign-in form
				boolean toSignIn = page && response.status() == 302
						&& String.valueOf(response.header("Location")).endsWith("/sign-in");
				boolean refused = response.status() == 401 || response.status() == 403 || toSignIn;
				boolean holds = switch (outcome) {
					case ALLOWED -> !refused;
					case DENIED -> page && (who == Who.ANONYMOUS || who == Who.DEVICE) ? toSignIn
							: who == Who.ANONYMOUS
							? response.status() == 401 || response.status() == 403
									&& response.json().path("rule").asString().equals("csrf")
							: response.status() == 403;
					case ROWS_REFUSED -> response.status() == 201 && response.json().get(0).has("error");
				};
				if (!holds) {
					wrong.add(route + " as " + who + ": expected " + outcome + ", got " + response);
				}
			});
		});
		assertThat(wrong).isEmpty();
	}

}
