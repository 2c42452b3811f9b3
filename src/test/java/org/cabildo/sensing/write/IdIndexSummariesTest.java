package org.cabildo.sensing.write;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

import org.cabildo.IntegrationTest;
import org.cabildo.platform.Platform;
import org.cabildo.sensing.Writer;
import org.cabildo.sensing.SensorThings;
import org.cabildo.sensing.sql.Dialect;
import org.cabildo.sensing.time.TimeValue;
import org.cabildo.support.Fixtures;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

import tools.jackson.databind.json.JsonMapper;

/** On PostgreSQL, new observation pages are summarised in the id index without waiting for vacuum. */
@IntegrationTest
class IdIndexSummariesTest {

	private static final Writer TEST_WRITER = Writer.platform("test set-up");

	@Autowired
	IdIndexSummaries summaries;

	@Autowired
	SensorThings sensorThings;

	@Autowired
	Dialect dialect;

	@Autowired
	JdbcClient jdbc;

	@Autowired
	ObservationStore store;

	@Autowired
	ObservationPartitions partitions;

	@Autowired
	PlatformTransactionManager transactions;

	@Test
	void afterASummaryNoPageRangeIsLeftUnsummarised() {
		assumeTrue(dialect.partitionsObservations(), "BRIN indexes exist on PostgreSQL only");
		long datastream = Platform.runAs("test set-up", () -> sensorThings.create("Datastreams",
				JsonMapper.shared().valueToTree(Fixtures.datastreamWithThing("brin")), TEST_WRITER));
		Instant start = Instant.parse("2024-02-01T00:00:00Z");
		List<NewObservation> rows = new ArrayList<>();
		for (int i = 0; i < 20_000; i++) {
			rows.add(new NewObservation(datastream, null, TimeValue.instant(start.plusSeconds(i)),
					null, (double) i, null, null, null));
		}
		partitions.ensure(List.of(start));
		new TransactionTemplate(transactions).executeWithoutResult(status -> store.append(rows, TEST_WRITER, false));

		summaries.summarise();

		assertThat(unsummarisedRanges()).isZero();
	}

	/** What a summary would still add: it returns the number of page ranges it summarised. */
	private long unsummarisedRanges() {
		return jdbc.sql("""
				SELECT COALESCE(SUM(brin_summarize_new_values(i.indexrelid)), 0)
				FROM pg_inherits p JOIN pg_index i ON i.indrelid = p.inhrelid
				JOIN pg_class c ON c.oid = i.indexrelid JOIN pg_am am ON am.oid = c.relam
				WHERE p.inhparent = 'observations'::regclass AND am.amname = 'brin'""")
			.query(Long.class)
			.single();
	}

}
