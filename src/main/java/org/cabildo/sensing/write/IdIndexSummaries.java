package org.cabildo.sensing.write;

import org.cabildo.sensing.sql.Dialect;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

/**
 * Keeps the BRIN index on observation ids useful for new data. A BRIN index knows nothing of
 * pages filled since it was last summarised, and a lookup by id reads all of those; PostgreSQL
 * summarises them only when (auto)vacuum runs, which may be rare or off. Summarising the new
 * page ranges every few seconds costs little and bounds what an id lookup reads.
 */
@Component
class IdIndexSummaries {

	private final JdbcClient jdbc;

	private final boolean postgres;

	IdIndexSummaries(JdbcClient jdbc, Dialect dialect) {
		this.jdbc = jdbc;
		this.postgres = dialect.partitionsObservations();
	}

	@Scheduled(fixedDelayString = "${cabildo.sensing.id-index-summary-interval:10s}", initialDelayString = "10s")
	void summarise() {
		if (!postgres) {
			return;
		}
		jdbc.sql("""
				SELECT brin_summarize_new_values(i.indexrelid)
				FROM pg_inherits p
				JOIN pg_index i ON i.indrelid = p.inhrelid
				JOIN pg_class c ON c.oid = i.indexrelid
				JOIN pg_am am ON am.oid = c.relam
				WHERE p.inhparent = 'observations'::regclass AND am.amname = 'brin'""")
			.query()
			.listOfRows();
	}

}
