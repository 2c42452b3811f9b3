package org.cabildo.sensing.write;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

import org.cabildo.IntegrationTest;
import org.cabildo.sensing.Writer;
import org.cabildo.sensing.ingest.IngestOutcome;
import org.cabildo.sensing.store.RawJson;
import org.cabildo.sensing.time.TimeValue;
import org.cabildo.support.Api;
import org.cabildo.support.Fixtures;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/** Every path that stores observations goes through the store: what it refuses as duplicates. */
@IntegrationTest
class ObservationStoreTest {

	private static final Instant T0 = Instant.parse("2025-03-01T10:00:00Z");

	@LocalServerPort
	int port;

	@Autowired
	ObservationStore store;

	@Autowired
	ObservationPartitions partitions;

	@Autowired
	PlatformTransactionManager transactions;

	@Autowired
	org.springframework.jdbc.core.simple.JdbcClient jdbc;

	Api api;

	long datastream;

	@BeforeEach
	void datastream() {
		api = new Api(port);
		// OM_Observation: these tests store JSON results, which a measurement's rules would refuse.
		java.util.Map<String, Object> body = new java.util.HashMap<>(Fixtures.datastreamWithThing("dedup"));
		body.put("observationType", "http://www.opengis.net/def/observationType/OGC-OM/2.0/OM_Observation");
		datastream = api.post("/v1.1/Datastreams", body).id();
	}

	private List<IngestOutcome> append(List<NewObservation> rows, boolean allowDuplicates) {
		partitions.ensure(rows.stream().map(row -> row.phenomenonTime().start()).toList());
		return new TransactionTemplate(transactions)
			.execute(status -> store.append(rows, Writer.platform("test"), allowDuplicates));
	}

	private NewObservation reading(long stream, Instant time, Object result) {
		return new NewObservation(stream, null, TimeValue.instant(time), null, result, null, null, null);
	}

	private long count() {
		return api.get("/v1.1/Datastreams(" + datastream + ")/Observations", "$count", "true", "$top", "0")
			.json()
			.get("@iot.count")
			.asLong();
	}

	@Test
	void eachCorrectionOfAGroupRecordsTheWriterOfItsOwnRow() {
		long id = append(List.of(reading(datastream, T0, 21.5)), false).get(0).id();
		List<NewObservation> rows = List.of(reading(datastream, T0, 22.0), reading(datastream, T0, 22.5));
		partitions.ensure(List.of(T0));

		// As a group commit hands the store the rows of two submissions.
		List<IngestOutcome> outcomes = new TransactionTemplate(transactions).execute(status -> store.append(rows,
				List.of(Writer.device("station-1"), Writer.person("alice")), false));

		assertThat(outcomes).containsExactly(new IngestOutcome.Corrected(id), new IngestOutcome.Corrected(id));
		assertThat(jdbc.sql("SELECT revised_by FROM observation_revisions WHERE observation_id = ? ORDER BY id")
			.param(id)
			.query(String.class)
			.list()).containsExactly("device station-1", "person alice");
		assertThat(jdbc.sql("SELECT actor FROM ledger_entries WHERE kind = 'correction' AND detail LIKE ? ORDER BY seq")
			.param("%: " + id)
			.query(String.class)
			.list()).as("one ledger entry per writer").containsExactly("device station-1", "person alice");
	}

	@Test
	void aReSentReadingIsTheObservationStoredBefore() {
		long id = append(List.of(reading(datastream, T0, 21.5)), false).get(0).id();

		List<IngestOutcome> again = append(List.of(reading(datastream, T0, 21.5)), false);

		assertThat(again).containsExactly(new IngestOutcome.Duplicate(id));
		assertThat(count()).isEqualTo(1);
	}

	@Test
	void aDifferentResultAtTheSameTimeCorrectsTheStoredObservation() {
		long id = append(List.of(reading(datastream, T0, 21.5)), false).get(0).id();

		List<IngestOutcome> other = append(List.of(reading(datastream, T0, 22.0)), false);

		// Issue 15: a re-sent reading with another result corrects in place (the stream's default).
		assertThat(other).containsExactly(new IngestOutcome.Corrected(id));
		assertThat(count()).isEqualTo(1);
	}

	@Test
	void aDifferentResultAtTheSameTimeIsANewObservationWhereTheStreamKeepsBoth() {
		assertThat(api.patch("/v1.1/Datastreams(" + datastream + ")",
				java.util.Map.of("properties", java.util.Map.of("cabildo:corrections", "keep-both"))).status())
			.isEqualTo(200);
		append(List.of(reading(datastream, T0, 21.5)), false);

		List<IngestOutcome> other = append(List.of(reading(datastream, T0, 22.0)), false);

		assertThat(other.get(0)).isInstanceOf(IngestOutcome.Created.class);
		assertThat(count()).isEqualTo(2);
	}

	@Test
	void repeatsWithinOneBatchAreStoredOnce() {
		List<IngestOutcome> outcomes = append(List.of(reading(datastream, T0, 1.0), reading(datastream, T0, 1.0),
				reading(datastream, T0.plusSeconds(60), 1.0)), false);

		assertThat(outcomes.get(0)).isInstanceOf(IngestOutcome.Created.class);
		assertThat(outcomes.get(1)).isEqualTo(new IngestOutcome.Duplicate(outcomes.get(0).id()));
		assertThat(outcomes.get(2)).isInstanceOf(IngestOutcome.Created.class);
		assertThat(count()).isEqualTo(2);
	}

	@Test
	void aReSentBatchInterleavedWithNewReadingsStoresOnlyTheNewOnes() {
		List<NewObservation> first = new ArrayList<>();
		for (int i = 0; i < 50; i++) {
			first.add(reading(datastream, T0.plusSeconds(60L * i), (double) i));
		}
		List<IngestOutcome> stored = append(first, false);
		List<NewObservation> retry = new ArrayList<>(first);
		retry.add(reading(datastream, T0.plusSeconds(60L * 50), 50.0));

		List<IngestOutcome> outcomes = append(retry, false);

		for (int i = 0; i < 50; i++) {
			assertThat(outcomes.get(i)).isEqualTo(new IngestOutcome.Duplicate(stored.get(i).id()));
		}
		assertThat(outcomes.get(50)).isInstanceOf(IngestOutcome.Created.class);
		assertThat(count()).isEqualTo(51);
	}

	@Test
	void historyOverSeveralMonthsReSentShuffledIsRecognisedRowByRow() {
		// Three months of hourly history, more than one chunk of the check, over monthly partitions.
		List<NewObservation> history = new ArrayList<>();
		for (int i = 0; i < 24 * 80; i++) {
			history.add(reading(datastream, T0.plusSeconds(3600L * i), (double) i));
		}
		List<NewObservation> shuffled = new ArrayList<>(history);
		java.util.Collections.shuffle(shuffled, new java.util.Random(11));
		java.util.Map<java.time.Instant, Long> ids = new java.util.HashMap<>();
		List<IngestOutcome> created = append(shuffled, false);
		for (int i = 0; i < shuffled.size(); i++) {
			assertThat(created.get(i)).isInstanceOf(IngestOutcome.Created.class);
			ids.put(shuffled.get(i).phenomenonTime().start(), created.get(i).id());
		}
		// The latest row first, so that every other row is history older than the stream's latest.
		List<NewObservation> again = new ArrayList<>(history.reversed());
		java.util.Collections.shuffle(again.subList(1, again.size()), new java.util.Random(12));
		int changed = 0;
		for (int i = 0; i < again.size(); i += 97) {
			NewObservation row = again.get(i);
			again.set(i, reading(datastream, row.phenomenonTime().start(), (Double) row.result() + 0.5));
			changed++;
		}

		List<IngestOutcome> outcomes = append(again, false);

		for (int i = 0; i < again.size(); i++) {
			long id = ids.get(again.get(i).phenomenonTime().start());
			assertThat(outcomes.get(i)).isEqualTo(i % 97 == 0 ? new IngestOutcome.Corrected(id) : new IngestOutcome.Duplicate(id));
		}
		assertThat(changed).isGreaterThan(10);
		assertThat(count()).isEqualTo(history.size());
	}

	@Test
	void jsonResultsCompareAsJsonNotAsText() {
		long id = append(List.of(reading(datastream, T0, new RawJson("{\"a\":1,\"b\":[true,null]}"))), false).get(0)
			.id();

		List<IngestOutcome> again = append(
				List.of(reading(datastream, T0, new RawJson("{ \"b\": [true, null], \"a\": 1 }"))), false);

		assertThat(again).containsExactly(new IngestOutcome.Duplicate(id));
	}

	@Test
	void aClientMayAskToKeepRepeats() {
		append(List.of(reading(datastream, T0, 5.0)), false);

		List<IngestOutcome> kept = append(List.of(reading(datastream, T0, 5.0)), true);

		assertThat(kept.get(0)).isInstanceOf(IngestOutcome.Created.class);
		assertThat(count()).isEqualTo(2);
	}

	@Test
	void aRowOfAnUnknownDatastreamIsRefusedAndTheOthersLand() {
		List<IngestOutcome> outcomes = append(
				List.of(reading(datastream, T0, 1.0), reading(Integer.MAX_VALUE, T0, 1.0),
						reading(datastream, T0.plusSeconds(1), 2.0)),
				false);

		assertThat(outcomes.get(0)).isInstanceOf(IngestOutcome.Created.class);
		assertThat(outcomes.get(1)).isEqualTo(
				new IngestOutcome.Refused("Datastream " + Integer.MAX_VALUE + " does not exist"));
		assertThat(outcomes.get(2)).isInstanceOf(IngestOutcome.Created.class);
		assertThat(count()).isEqualTo(2);
	}

	@Test
	void storedRowsReadBackWithEveryValueAndTheDerivedFeature() {
		NewObservation full = new NewObservation(datastream, null,
				new TimeValue(T0, T0.plusSeconds(3600)), T0.plusSeconds(3601), new RawJson("\"tab\\there\\\\\""),
				new RawJson("{\"q\":\"good\"}"), new TimeValue(T0, T0.plusSeconds(7200)),
				new RawJson("{\"line\":\"a\\nb\"}"));
		long id = append(List.of(full), false).get(0).id();

		var body = api.get("/v1.1/Observations(" + id + ")", "$expand", "FeatureOfInterest($select=name)").json();

		assertThat(body.get("phenomenonTime").asString()).isEqualTo("2025-03-01T10:00:00Z/2025-03-01T11:00:00Z");
		assertThat(body.get("resultTime").asString()).isEqualTo("2025-03-01T11:00:01Z");
		assertThat(body.get("result").asString()).isEqualTo("tab\there\\");
		assertThat(body.get("resultQuality").get("q").asString()).isEqualTo("good");
		assertThat(body.get("validTime").asString()).isEqualTo("2025-03-01T10:00:00Z/2025-03-01T12:00:00Z");
		assertThat(body.get("parameters").get("line").asString()).isEqualTo("a\nb");
		assertThat(body.get("FeatureOfInterest").get("name").asString()).isEqualTo("dedup");
	}

	@Test
	void aReSentReadingWithNanosecondsIsRecognisedThoughTheDatabaseKeepsMicroseconds() {
		Instant precise = T0.plusNanos(123_456_789);
		long id = append(List.of(reading(datastream, precise, 3.0)), false).get(0).id();

		assertThat(append(List.of(reading(datastream, precise, 3.0)), false))
			.containsExactly(new IngestOutcome.Duplicate(id));
		assertThat(count()).isEqualTo(1);
	}

	@Test
	void aRowNamingAnUnknownFeatureOfInterestIsRefused() {
		NewObservation unknownFeature = new NewObservation(datastream, (long) Integer.MAX_VALUE, TimeValue.instant(T0),
				null, 1.0, null, null, null);
		NewObservation beyondAnyId = new NewObservation(datastream, Long.MAX_VALUE, TimeValue.instant(T0), null, 1.0,
				null, null, null);

		List<IngestOutcome> outcomes = append(List.of(unknownFeature, beyondAnyId, reading(Long.MAX_VALUE, T0, 1.0)),
				false);

		assertThat(outcomes).containsExactly(
				new IngestOutcome.Refused("FeatureOfInterest " + Integer.MAX_VALUE + " does not exist"),
				new IngestOutcome.Refused("FeatureOfInterest " + Long.MAX_VALUE + " does not exist"),
				new IngestOutcome.Refused("Datastream " + Long.MAX_VALUE + " does not exist"));
		assertThat(count()).isZero();
	}

}
