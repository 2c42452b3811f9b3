package org.cabildo.sensing.sql;

import static org.assertj.core.api.Assertions.assertThat;
import static org.cabildo.sensing.sql.Translations.filter;
import static org.cabildo.sensing.sql.Translations.filterError;

import org.cabildo.sensing.model.EntityType;
import org.cabildo.sensing.query.QueryException;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.springframework.http.HttpStatus;

/**
 * Filter paths may fan out through to-many relations only so far: a refused filter is a 400
 * naming {@code $filter}, the limit and the position of the path.
 */
class FilterReachTest {

	@ParameterizedTest(name = "{0}: {1}")
	@CsvSource(delimiter = '|', value = {
			"OBSERVATION | not (Datastream/Sensor/Datastreams/Observations/result lt Datastream/properties/pollutant) | 5 | at most 1 is allowed",
			"OBSERVATION | FeatureOfInterest/Observations/Datastream/Thing/Datastreams/name eq 'x' | 0 | at most 1 is allowed",
			"LOCATION | Things/Datastreams/Observations/result gt 1 | 0 | at most 2 are allowed",
			"THING | Datastreams/Observations/result gt 1 and Locations/name eq 'a' and HistoricalLocations/id gt 1 and Datastreams/Sensor/Datastreams/name eq 'b' | 99 | through 4 different paths; at most 3" })
	void aPathThatFansOutTooFarIsRefused(EntityType type, String filter, int position, String limit) {
		QueryException error = filterError(type, filter);
		assertThat(error).as(filter).isNotNull();
		assertThat(error.status()).isEqualTo(HttpStatus.BAD_REQUEST);
		assertThat(error.option()).isEqualTo("$filter");
		assertThat(error.position()).isEqualTo(position);
		assertThat(error.getMessage()).contains(limit);
	}

	@ParameterizedTest(name = "{0}: {1}")
	@CsvSource(delimiter = '|', value = { "THING | Datastreams/Observations/result gt 3",
			"LOCATION | Things/Datastreams/name eq 'x'", "OBSERVATION | Datastream/Thing/Locations/name eq 'x'",
			"OBSERVATION | Datastream/Observations/result gt 3",
			"THING | Datastreams/name eq 'a' and Datastreams/Observations/result gt 1 and Locations/name eq 'b'",
			"OBSERVATION | Datastream/Thing/name eq 'a' and FeatureOfInterest/name eq 'b' and Datastream/Sensor/name eq 'c'" })
	void pathsWithinTheLimitsAreTranslated(EntityType type, String filter) {
		assertThat(filter(type, filter).text()).isNotEmpty();
	}

}
