package org.cabildo.governance.retention;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.TreeMap;

import org.cabildo.IntegrationTest;
import org.cabildo.governance.Declaration;
import org.cabildo.governance.Declaration.Retention;
import org.cabildo.governance.Register;
import org.cabildo.support.Api;
import org.cabildo.support.MovableClock;
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

import tools.jackson.databind.JsonNode;

/**
 * The retention job over HTTP-written data, with the clock moved past the retention. Batches of
 * three rows, so that intervals are cut by batch boundaries. The job is only run by the tests.
 */
@IntegrationTest
@TestPropertySource(properties = { "cabildo.test.movable-clock=true", "cabildo.governance.retention.interval=100000h",
		"cabildo.governance.retention.batch-size=3" })
class RetentionTest {

	private static final Duration KEPT = Duration.ofDays(1);

	@LocalServerPort
	int port;

	@Autowired
	MovableClock clock;

	@Autowired
	RetentionJob retention;

	@Autowired
	Register register;

	@Autowired
	org.cabildo.sensing.Rollups rollups;

	@Autowired
	JdbcClient jdbc;

	@Autowired
	org.cabildo.sensing.sql.Dialect dialect;

	private Api api;

	record Reading(Instant time, Object result) {
	}

	@BeforeEach
	void setUp() {
		api = new Api(port);
	}

	@Test
	@DisplayName("expired raw observations become aggregates of whole intervals; the rest stays, reruns change nothing")
	void reducesToAggregates() {
		long datastream = datastream(new Retention("P1D", Retention.AGGREGATES, "PT1H"));
		Instant hour = clock.instant().truncatedTo(ChronoUnit.HOURS);
		List<Reading> readings = List.of(new Reading(hour.minus(Duration.ofMinutes(170)), 1.5),
				new Reading(hour.minus(Duration.ofMinutes(160)), 2.5),
				new Reading(hour.minus(Duration.ofMinutes(130)), "not a number"),
				new Reading(hour.minus(Duration.ofMinutes(115)), 10),
				new Reading(hour.minus(Duration.ofMinutes(105)), -4),
				new Reading(hour.minus(Duration.ofMinutes(90)), 7),
				new Reading(hour.minus(Duration.ofMinutes(75)), 3),
				// in the interval the cutoff falls in (hour - 60 min .. hour): older than the cutoff, yet kept
				new Reading(hour.minus(Duration.ofMinutes(30)), 100), new Reading(hour.plus(Duration.ofMinutes(10)), 5));
		readings.forEach(reading -> write(datastream, reading));
		Instant cutoff = hour.minus(Duration.ofMinutes(20));
		moveClockTo(cutoff.plus(KEPT));

		RetentionReport report = retention.run();

		Instant boundary = hour.minus(Duration.ofHours(1));
		List<Reading> expired = readings.stream().filter(r -> r.time().isBefore(boundary)).toList();
		List<Reading> kept = readings.stream().filter(r -> !r.time().isBefore(boundary)).toList();
		assertThat(report.removals()).filteredOn(r -> r.datastream() == datastream)
			.singleElement()
			.satisfies(removal -> {
				assertThat(removal.observations()).isEqualTo(expired.size());
				assertThat(removal.aggregates()).isEqualTo(2);
			});
		assertThat(storedTimes(datastream)).containsExactlyElementsOf(kept.stream().map(Reading::time).toList());
		List<Map<String, Object>> expected = expectedAggregates(expired);
		assertThat(aggregatesServed(datastream)).isEqualTo(expected);
		assertThat(ledger(datastream)).singleElement().satisfies(entry -> {
			assertThat(entry.get("OBSERVATIONS")).isEqualTo((long) expired.size());
			assertThat(entry.get("DETAIL").toString()).contains("aggregates of 2 intervals of PT1H");
		});
		assertStatistics(datastream, kept);

		RetentionReport again = retention.run();

		assertThat(again.removals()).noneMatch(r -> r.datastream() == datastream);
		assertThat(aggregatesServed(datastream)).isEqualTo(expected);
		assertThat(storedTimes(datastream)).hasSize(kept.size());
		assertThat(ledger(datastream)).hasSize(1);
	}

	@ParameterizedTest
	@EnumSource(StreamKind.class)
	@DisplayName("a declaration that keeps nothing leaves no aggregates; one without a duration is left alone")
	void keepsNothingAndLeavesUnlimitedAlone(StreamKind kind) {
		// Given its retention after the rows are written: ingest refuses a row already past it (issue 15).
		long nothing = datastream(kind, null);
		long unlimited = datastream(kind, null);
		Instant now = clock.instant().truncatedTo(ChronoUnit.SECONDS);
		List<Reading> readings = List.of(new Reading(now.minus(Duration.ofDays(400)), 1),
				new Reading(now.minus(Duration.ofMinutes(100)), 2), new Reading(now.minus(Duration.ofMinutes(50)), "x"),
				new Reading(now.minus(Duration.ofMinutes(10)), 4));
		readings.forEach(reading -> {
			write(kind, nothing, reading);
			write(kind, unlimited, reading);
		});
		Declaration declared = register.current(nothing).orElseThrow();
		register.saveVersion(copy(declared, new Retention("P1D", Retention.NOTHING, null), declared.accessLevel()),
				"declaration", "retention for a test");
		Instant cutoff = now.minus(Duration.ofMinutes(30));
		moveClockTo(cutoff.plus(KEPT));

		RetentionReport report = retention.run();

		List<Reading> kept = readings.stream().filter(r -> !r.time().isBefore(cutoff)).toList();
		assertThat(storedTimes(nothing)).containsExactlyElementsOf(kept.stream().map(Reading::time).toList());
		assertThat(aggregatesServed(nothing)).isEmpty();
		assertThat(ledger(nothing)).singleElement()
			.satisfies(entry -> assertThat(entry.get("OBSERVATIONS")).isEqualTo(3L));
		assertStatistics(kind, nothing, kept);
		assertThat(report.removals()).noneMatch(r -> r.datastream() == unlimited);
		assertThat(storedTimes(unlimited)).hasSize(readings.size());
		assertThat(ledger(unlimited)).isEmpty();
		assertStatistics(kind, unlimited, readings);
	}

	@Test
	@DisplayName("aggregates of data that is not open are read as its Observations are: by its organisation, for a declared purpose")
	void aggregatesOfClosedDataNeedTheOrganisation() {
		long datastream = datastream(new Retention("P1D", Retention.AGGREGATES, "PT1H"));
		Declaration open = register.current(datastream).orElseThrow();
		register.saveVersion(copy(open, open.retention(), org.cabildo.governance.AccessLevel.of("restricted")
			.orElseThrow()), "declaration", "restricted for a test");

		Api.Response anonymous = Api.anonymous(port).get("/api/register/" + datastream + "/aggregates");
		assertThat(anonymous.status()).isEqualTo(403);
		assertThat(anonymous.json().get("rule").asString()).isEqualTo("purpose-binding");
		assertThat(api.get("/api/register/" + datastream + "/aggregates").body()).contains("needs a declared purpose");
		assertThat(api.get("/api/register/" + datastream + "/aggregates", "purpose", "ecology").status()).isEqualTo(200);
	}

	@Test
	@DisplayName("the rollups of personal data expire with its rows; those of other data stay for the indicators")
	void rollupsOfPersonalDataExpire() {
		long personal = datastream(null);
		long other = datastream(null);
		Instant now = clock.instant().truncatedTo(ChronoUnit.HOURS);
		Reading expiring = new Reading(now.minus(Duration.ofHours(30)), 3.0);
		Reading staying = new Reading(now.minus(Duration.ofMinutes(10)), 4.0);
		for (long datastream : List.of(personal, other)) {
			write(datastream, expiring);
			write(datastream, staying);
		}
		rollups.refresh();
		Declaration declared = register.current(personal).orElseThrow();
		register.saveVersion(new Declaration(declared.datastreamId(), declared.version(), declared.organisationId(),
				declared.organisation(), declared.contact(), declared.purposes(), declared.technology(),
				declared.dataTypes(), declared.processing(), declared.access(), declared.storage(),
				new Retention("P1D", Retention.NOTHING, null), org.cabildo.governance.PersonalDataClass.PSEUDONYMOUS,
				new Declaration.LegalBasis("public_task", "a test"), "https://example.org/privacy",
				org.cabildo.governance.AccessLevel.of("restricted").orElseThrow(), declared.sharing(), declared.stage(),
				declared.pilot(), declared.impactAssessment(), declared.summary(), declared.consultation(),
				declared.declaredAt(), "tests"), "declaration", "personal for a test");
		Declaration open = register.current(other).orElseThrow();
		register.saveVersion(copy(open, new Retention("P1D", Retention.NOTHING, null), open.accessLevel()),
				"declaration", "retention for a test");

		retention.run();

		assertThat(storedTimes(personal)).containsExactly(staying.time());
		assertThat(storedTimes(other)).containsExactly(staying.time());
		Instant from = now.minus(Duration.ofDays(3));
		Instant to = now.plus(Duration.ofDays(1));
		assertThat(hourStarts(personal, from, to)).as("the expired hour of personal data is gone")
			.containsExactly(staying.time().truncatedTo(ChronoUnit.HOURS));
		assertThat(hourStarts(other, from, to)).as("the rollups of other data outlive its rows")
			.containsExactly(expiring.time().truncatedTo(ChronoUnit.HOURS), staying.time().truncatedTo(ChronoUnit.HOURS));
	}

	private List<Instant> hourStarts(long datastream, Instant from, Instant to) {
		return rollups.read(new org.cabildo.sensing.ReadContext.Platform("test"), datastream,
				org.cabildo.sensing.Rollups.Interval.HOUR, from, to).stream().map(org.cabildo.sensing.Rollups.Rollup::start)
			.toList();
	}

	@Test
	@DisplayName("the earlier results of expired Observations expire with them; those of kept ones stay")
	void revisionsExpireWithTheirObservations() {
		long datastream = datastream(null);
		Instant now = clock.instant().truncatedTo(ChronoUnit.SECONDS);
		Reading expiring = new Reading(now.minus(Duration.ofMinutes(100)), 1.0);
		Reading staying = new Reading(now.minus(Duration.ofMinutes(10)), 2.0);
		write(datastream, expiring);
		correct(datastream, new Reading(expiring.time(), 1.5));
		write(datastream, staying);
		correct(datastream, new Reading(staying.time(), 2.5));
		assertThat(revisionTimes(datastream)).containsExactly(expiring.time(), staying.time());
		Declaration declared = register.current(datastream).orElseThrow();
		register.saveVersion(copy(declared, new Retention("P1D", Retention.NOTHING, null), declared.accessLevel()),
				"declaration", "retention for a test");
		moveClockTo(now.minus(Duration.ofMinutes(30)).plus(KEPT));

		retention.run();

		assertThat(storedTimes(datastream)).containsExactly(staying.time());
		assertThat(revisionTimes(datastream)).as("an earlier value must not outlive the declared retention")
			.containsExactly(staying.time());
	}

	@Test
	@DisplayName("on PostgreSQL, a month whose rows are all past retention with nothing kept is dropped whole; a month"
			+ " also holding data kept longer is not")
	void wholeMonthsAreDroppedWherePossible() {
		org.junit.jupiter.api.Assumptions.assumeTrue(dialect.partitionsObservations(),
				"observations are partitioned on PostgreSQL only");
		// Given its retention after the rows are written: ingest refuses a row already past it (issue 15).
		long expiring = datastream(null);
		long kept = datastream(null);
		// Months no other test writes into: one only the expiring stream uses, one both use.
		List<Reading> alone = List.of(new Reading(Instant.parse("2003-02-03T10:00:00Z"), 1.0),
				new Reading(Instant.parse("2003-02-20T10:00:00Z"), 2.0));
		List<Reading> shared = List.of(new Reading(Instant.parse("2003-05-03T10:00:00Z"), 3.0));
		alone.forEach(reading -> write(expiring, reading));
		correct(expiring, new Reading(alone.get(0).time(), 1.5));
		shared.forEach(reading -> write(expiring, reading));
		write(kept, new Reading(Instant.parse("2003-05-04T10:00:00Z"), 4.0));
		Declaration declared = register.current(expiring).orElseThrow();
		register.saveVersion(copy(declared, new Retention("P30D", Retention.NOTHING, null), declared.accessLevel()),
				"declaration", "retention for a test");
		assertThat(partitions()).contains("observations_200302", "observations_200305");

		retention.run();

		assertThat(partitions()).doesNotContain("observations_200302").contains("observations_200305");
		assertThat(storedTimes(expiring)).isEmpty();
		assertThat(revisionTimes(expiring)).as("the dropped month's earlier values go with it").isEmpty();
		assertThat(storedTimes(kept)).containsExactly(Instant.parse("2003-05-04T10:00:00Z"));
		assertThat(ledger(expiring)).anySatisfy(entry -> {
			assertThat(entry.get("DETAIL").toString()).contains("dropping its partition");
			assertThat(((Number) entry.get("OBSERVATIONS")).longValue()).isEqualTo(2);
		});
		assertThat(jdbc.sql("SELECT observation_count FROM datastreams WHERE id = ?").param(expiring)
			.query(Long.class).single()).isZero();
		// A late Observation of a dropped month makes its partition again.
		write(kept, new Reading(Instant.parse("2003-02-10T10:00:00Z"), 5.0));
		assertThat(partitions()).contains("observations_200302");
	}

	private List<String> partitions() {
		return jdbc.sql("SELECT c.relname FROM pg_inherits i JOIN pg_class c ON c.oid = i.inhrelid"
				+ " WHERE i.inhparent = 'observations'::regclass").query(String.class).list();
	}

	/** What the aggregates must be, computed here from the readings. */
	private static List<Map<String, Object>> expectedAggregates(List<Reading> expired) {
		Map<Instant, List<Reading>> byHour = new TreeMap<>();
		expired.forEach(r -> byHour.computeIfAbsent(r.time().truncatedTo(ChronoUnit.HOURS), h -> new ArrayList<>())
			.add(r));
		List<Map<String, Object>> expected = new ArrayList<>();
		byHour.forEach((start, rows) -> {
			List<Double> numbers = rows.stream()
				.map(Reading::result)
				.filter(Number.class::isInstance)
				.map(n -> ((Number) n).doubleValue())
				.toList();
			expected.add(Map.of("intervalStart", start, "intervalEnd", start.plus(Duration.ofHours(1)), "count",
					(long) rows.size(), "min", numbers.stream().mapToDouble(d -> d).min().orElseThrow(), "max",
					numbers.stream().mapToDouble(d -> d).max().orElseThrow(), "mean",
					Math.round(numbers.stream().mapToDouble(d -> d).average().orElseThrow() * 1e9) / 1e9));
		});
		return expected;
	}

	private List<Map<String, Object>> aggregatesServed(long datastream) {
		Api.Response response = Api.anonymous(port).get("/api/register/" + datastream + "/aggregates");
		assertThat(response.status()).as("%s", response).isEqualTo(200);
		List<Map<String, Object>> served = new ArrayList<>();
		for (JsonNode a : response.json()) {
			served.add(Map.of("intervalStart", Instant.parse(a.get("intervalStart").asString()), "intervalEnd",
					Instant.parse(a.get("intervalEnd").asString()), "count", a.get("count").asLong(), "min",
					a.get("min").asDouble(), "max", a.get("max").asDouble(), "mean",
					Math.round(a.get("mean").asDouble() * 1e9) / 1e9));
		}
		return served;
	}

	private void assertStatistics(long datastream, List<Reading> stored) {
		assertStatistics(StreamKind.DATASTREAM, datastream, stored);
	}

	private void assertStatistics(StreamKind kind, long datastream, List<Reading> stored) {
		JsonNode body = api.get(kind.path(datastream)).json();
		Instant first = stored.stream().map(Reading::time).min(Instant::compareTo).orElseThrow();
		Instant last = stored.stream().map(Reading::time).max(Instant::compareTo).orElseThrow();
		String[] span = body.get("phenomenonTime").asString().split("/");
		assertThat(Instant.parse(span[0])).isEqualTo(first);
		assertThat(Instant.parse(span.length > 1 ? span[1] : span[0])).isEqualTo(last);
		assertThat(jdbc.sql("SELECT observation_count FROM " + (kind == StreamKind.DATASTREAM ? "datastreams"
				: "multi_datastreams") + " WHERE id = ?").param(datastream)
			.query(Long.class)
			.single()).isEqualTo(stored.size());
		assertThat(api.get(kind.path(datastream) + "/Observations", "$count", "true", "$top", "0")
			.json()
			.get("@iot.count")
			.asLong()).isEqualTo(stored.size());
	}

	private List<Instant> storedTimes(long datastream) {
		return jdbc.sql("SELECT phenomenon_time FROM observations WHERE datastream_id = ? ORDER BY phenomenon_time")
			.param(datastream)
			.query((rs, n) -> rs.getObject(1, java.time.OffsetDateTime.class).toInstant())
			.list();
	}

	private List<Instant> revisionTimes(long datastream) {
		return jdbc.sql("SELECT phenomenon_time FROM observation_revisions WHERE datastream_id = ? ORDER BY phenomenon_time")
			.param(datastream)
			.query((rs, n) -> rs.getObject(1, java.time.OffsetDateTime.class).toInstant())
			.list();
	}

	private List<Map<String, Object>> ledger(long datastream) {
		return jdbc.sql("SELECT observations, detail FROM ledger_entries WHERE kind = 'retention' AND datastreams = ?")
			.param(Long.toString(datastream))
			.query()
			.listOfRows()
			.stream()
			.map(row -> {
				Map<String, Object> upper = new TreeMap<>();
				row.forEach((k, v) -> upper.put(k.toUpperCase(java.util.Locale.ROOT), v));
				return upper;
			})
			.toList();
	}

	private void moveClockTo(Instant instant) {
		assertThat(instant).as("the clock only moves forward").isAfter(clock.instant());
		clock.advance(Duration.between(clock.instant(), instant));
	}

	private void write(long datastream, Reading reading) {
		write(StreamKind.DATASTREAM, datastream, reading);
	}

	private void write(StreamKind kind, long datastream, Reading reading) {
		Object result = kind == StreamKind.DATASTREAM ? reading.result()
				: List.of(reading.result(), StreamKind.HUMIDITY);
		Api.Response created = api.post(kind.path(datastream) + "/Observations",
				Map.of("phenomenonTime", reading.time().toString(), "result", result));
		assertThat(created.status()).as("%s", created).isEqualTo(201);
	}

	/** Sends a reading again with another result: it corrects the stored one, keeping the earlier as a revision. */
	private void correct(long datastream, Reading reading) {
		Api.Response corrected = api.post("/v1.1/Datastreams(" + datastream + ")/Observations",
				Map.of("phenomenonTime", reading.time().toString(), "result", reading.result()));
		assertThat(corrected.status()).as("%s", corrected).isEqualTo(200);
	}

	/** A new Datastream or MultiDatastream, declared (by the test city's policy) and then given this retention. */
	private long datastream(StreamKind kind, Retention retention) {
		if (kind == StreamKind.DATASTREAM) {
			return datastream(retention);
		}
		// Its results may be anything (OM_Observation): the tests count a text result apart from the mean.
		Map<String, Object> multi = new java.util.HashMap<>(kind.withThing("retention-" + java.util.UUID.randomUUID()));
		String any = "http://www.opengis.net/def/observationType/OGC-OM/2.0/OM_Observation";
		multi.put("multiObservationDataTypes", List.of(any, any));
		Api.Response created = api.post("/v1.1/MultiDatastreams", multi);
		assertThat(created.status()).as("%s", created).isEqualTo(201);
		if (retention != null) {
			Declaration current = register.current(created.id()).orElseThrow();
			register.saveVersion(copy(current, retention, current.accessLevel()), "declaration", "retention for a test");
		}
		return created.id();
	}

	/** A new Datastream, declared (by the test city's policy) and then given this retention. */
	private long datastream(Retention retention) {
		Api.Response created = api.post("/v1.1/Things", Map.of("name", "retention", "description", "r", "Locations",
				List.of(Map.of("name", "l", "description", "l", "encodingType", "application/geo+json", "location",
						Map.of("type", "Point", "coordinates", List.of(1, 2)))), "Datastreams",
				List.of(Map.of("name", "d", "description", "d", "observationType", "x", "unitOfMeasurement", Map.of(),
						"Sensor", Map.of("name", "s", "description", "s", "encodingType", "text/plain", "metadata", "m"),
						"ObservedProperty", Map.of("name", "o", "definition", "x", "description", "o")))));
		assertThat(created.status()).as("%s", created).isEqualTo(201);
		long datastream = api.get("/v1.1/Things(" + created.id() + ")/Datastreams").json().get("value").get(0)
			.get("@iot.id")
			.asLong();
		if (retention != null) {
			Declaration current = register.current(datastream).orElseThrow();
			register.saveVersion(copy(current, retention, current.accessLevel()), "declaration", "retention for a test");
		}
		return datastream;
	}

	private static Declaration copy(Declaration d, Retention retention, org.cabildo.governance.AccessLevel access) {
		return new Declaration(d.datastreamId(), d.version(), d.organisationId(), d.organisation(), d.contact(),
				d.purposes(), d.technology(), d.dataTypes(), d.processing(), d.access(), d.storage(),
				Objects.requireNonNull(retention), d.personalDataClass(), d.legalBasis(), d.privacyStatementUrl(), access,
				d.sharing(), d.stage(), d.pilot(), d.impactAssessment(), d.summary(), d.consultation(), d.declaredAt(),
				"tests");
	}

}
