package org.cabildo.sensing.sql;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;

import org.cabildo.sensing.model.EntityType;
import org.cabildo.sensing.sql.SelectBuilder.Columns;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * An unfiltered page of Observations in the default order reads an index in that order on H2,
 * rather than sorting the whole table to return one row (seconds on the demo city, after every
 * write).
 */
class ObservationOrderPlanTest {

	private static H2Database database;

	@BeforeAll
	static void createDatabase() {
		database = new H2Database();
	}

	@AfterAll
	static void dropDatabase() {
		database.close();
	}

	private static String plan(List<SqlFragment> conditions) {
		return database.plan(SelectBuilder.page(EntityType.OBSERVATION, Columns.of(EntityType.OBSERVATION,
				EntityType.OBSERVATION.properties()), conditions, List.of(), 2, 0)).toLowerCase();
	}

	@Test
	void theDefaultOrderReadsTheTimeIndexInOrder() {
		assertThat(plan(List.of())).contains("observations_time").contains("index sorted");
	}

	@Test
	void soDoesItWhenSomeDatastreamsAreHidden() {
		assertThat(plan(List.of(HiddenDatastreams.of(List.of(3L, 5L)).exclude(SelectBuilder.ALIAS))))
			.contains("observations_time")
			.contains("index sorted");
	}

}
