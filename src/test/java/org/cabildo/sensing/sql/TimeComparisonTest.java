package org.cabildo.sensing.sql;

import static org.assertj.core.api.Assertions.assertThat;
import static org.cabildo.sensing.sql.Translations.filter;

import java.time.OffsetDateTime;
import java.util.Arrays;
import java.util.List;

import org.cabildo.sensing.model.EntityType;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * Time values compare as half-open intervals [start, end), an instant t being [t, t]
 * (ExpressionTranslator.timeComparison). The expected rows below follow from that rule by hand.
 */
class TimeComparisonTest {

	private static H2Database database;

	private static OffsetDateTime at(int hour) {
		return OffsetDateTime.parse("2020-01-01T00:00:00Z").plusHours(hour);
	}

	/**
	 * Observation phenomenonTimes: 1 = 10h, 2 = 11h, 3 = [10h, 12h), 4 = [11h, 12h), 5 = [9h, 10h), 6 = 12h.
	 * Datastream phenomenonTimes: 1 = [10h, 12h), 2 = none.
	 */
	@BeforeAll
	static void createData() {
		database = new H2Database();
		Rows rows = new Rows(database);
		rows.thing(1, "t");
		rows.datastream(1, 1, "with a phenomenon time", at(10), at(12));
		rows.datastream(2, 1, "without", null, null);
		rows.observation(1, 1, at(10), null, at(10), null, null);
		rows.observation(2, 1, at(11), null, null, null, null);
		rows.observation(3, 1, at(10), at(12));
		rows.observation(4, 1, at(11), at(12));
		rows.observation(5, 1, at(9), at(10));
		rows.observation(6, 1, at(12), null);
	}

	@AfterAll
	static void dropData() {
		database.close();
	}

	private static List<Long> ids(String expected) {
		return expected.isBlank() ? List.of() : Arrays.stream(expected.split(",")).map(Long::valueOf).toList();
	}

	@ParameterizedTest(name = "phenomenonTime {0} 10h")
	@CsvSource(delimiter = '|', value = { "eq | 1", "ne | 2,3,4,5,6", "gt | 2,4,6", "ge | 1,2,3,4,6", "lt | 5",
			"le | 1,5" })
	void observationTimeAgainstAnInstant(String operator, String expected) {
		SqlFragment sql = filter(EntityType.OBSERVATION, "phenomenonTime " + operator + " 2020-01-01T10:00:00Z");
		assertThat(database.ids(EntityType.OBSERVATION, sql)).isEqualTo(ids(expected));
	}

	@ParameterizedTest(name = "phenomenonTime {0} [10h, 12h)")
	@CsvSource(delimiter = '|', value = { "eq | 3", "ne | 1,2,4,5,6", "gt | 6", "ge | 3,4,6", "lt | 5", "le | 1,3,5" })
	void observationTimeAgainstAnInterval(String operator, String expected) {
		SqlFragment sql = filter(EntityType.OBSERVATION,
				"phenomenonTime " + operator + " 2020-01-01T10:00:00Z/2020-01-01T12:00:00Z");
		assertThat(database.ids(EntityType.OBSERVATION, sql)).isEqualTo(ids(expected));
	}

	@ParameterizedTest(name = "10h {0} phenomenonTime")
	@CsvSource({ "eq, eq", "gt, lt", "ge, le", "lt, gt", "le, ge", "ne, ne" })
	void anInstantOnTheLeftIsTheMirrorImage(String operator, String mirrored) {
		List<Long> left = database.ids(EntityType.OBSERVATION,
				filter(EntityType.OBSERVATION, "2020-01-01T10:00:00Z " + operator + " phenomenonTime"));
		List<Long> right = database.ids(EntityType.OBSERVATION, filter(EntityType.OBSERVATION,
				"phenomenonTime " + mirrored + " 2020-01-01T10:00:00Z"));
		assertThat(left).isEqualTo(right);
	}

	@ParameterizedTest(name = "[10h, 12h) {0} phenomenonTime")
	@CsvSource({ "eq, eq", "gt, lt", "ge, le", "lt, gt", "le, ge" })
	void anIntervalOnTheLeftIsTheMirrorImage(String operator, String mirrored) {
		String interval = "2020-01-01T10:00:00Z/2020-01-01T12:00:00Z";
		List<Long> left = database.ids(EntityType.OBSERVATION,
				filter(EntityType.OBSERVATION, interval + " " + operator + " phenomenonTime"));
		List<Long> right = database.ids(EntityType.OBSERVATION,
				filter(EntityType.OBSERVATION, "phenomenonTime " + mirrored + " " + interval));
		assertThat(left).isEqualTo(right);
	}

	@ParameterizedTest(name = "resultTime {0}")
	@CsvSource(delimiter = '|', value = { "resultTime eq 2020-01-01T10:00:00Z | 1",
			"resultTime eq 2020-01-01T11:00:00+01:00 | 1", "resultTime eq 2020-01-01T11:00:00 01:00 | 1",
			"resultTime lt 2020-01-01T10:00:00Z | ''", "resultTime ge 2020-01-01 | 1", "resultTime lt 2020-01-02 | 1",
			"resultTime gt 2020-01-01T09:00:00Z/2020-01-01T10:00:00Z | 1", "resultTime eq null | 2,3,4,5,6" })
	void anInstantPropertyComparesAsAnInstant(String filter, String expected) {
		assertThat(database.ids(EntityType.OBSERVATION, filter(EntityType.OBSERVATION, filter)))
			.isEqualTo(ids(expected));
	}

	@ParameterizedTest(name = "{0}")
	@CsvSource(delimiter = '|', value = { "phenomenonTime eq 2020-01-01T10:00:00Z/2020-01-01T12:00:00Z | 1",
			"phenomenonTime lt 2020-01-01T12:00:00Z | 1", "phenomenonTime gt 2020-01-01T09:00:00Z | 1",
			"phenomenonTime ne 2020-01-01T11:00:00Z | 1", "phenomenonTime eq null | 2" })
	void aDatastreamWithoutPhenomenonTimeMatchesOnlyANullTest(String filter, String expected) {
		assertThat(database.ids(EntityType.DATASTREAM, filter(EntityType.DATASTREAM, filter)))
			.isEqualTo(ids(expected));
	}

	@ParameterizedTest(name = "{0}")
	@CsvSource(delimiter = '|', value = { "phenomenonTime ge now() sub duration'P36500D' | 1,2,3,4,5,6",
			"phenomenonTime lt 2020-01-01T09:00:00Z add duration'PT1H' | 5", "phenomenonTime gt now() | ''",
			"phenomenonTime add duration'PT30M' gt 2020-01-01T11:00:00Z | 2,4,6" })
	void durationsMoveTimes(String filter, String expected) {
		assertThat(database.ids(EntityType.OBSERVATION, filter(EntityType.OBSERVATION, filter)))
			.isEqualTo(ids(expected));
	}

}
