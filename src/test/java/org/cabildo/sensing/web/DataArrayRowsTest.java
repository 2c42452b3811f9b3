package org.cabildo.sensing.web;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Instant;
import java.util.List;

import org.cabildo.platform.ApiException;
import org.cabildo.sensing.time.TimeValue;
import org.cabildo.sensing.web.DataArrayRows.Row;
import org.junit.jupiter.api.Test;

import tools.jackson.databind.json.JsonMapper;

/** Reading CreateObservations bodies: rows, refusals with their reason and place, and bodies that are no such body. */
class DataArrayRowsTest {

	private static final Instant NOW = Instant.parse("2024-06-01T12:00:00Z");

	private static List<Row> read(String json) {
		return DataArrayRows.read(JsonMapper.shared().readTree(json.replace('\'', '"')), NOW);
	}

	@Test
	void eachRowBecomesAnObservationOfTheGroupsDatastream() {
		List<Row> rows = read("[{'Datastream': {'@iot.id': 7}, 'components': ['result', 'phenomenonTime', "
				+ "'FeatureOfInterest/id', 'parameters'], 'dataArray': [[1.5, '2024-01-01T00:00:00Z', 3, {'k': 'v'}], "
				+ "[2, '2024-01-01T01:00:00Z/2024-01-01T02:00:00Z', null, null]]}, "
				+ "{'Datastream': {'@iot.id': '8'}, 'components': ['result'], 'dataArray': [['text']]}]");
		assertThat(rows).hasSize(3).noneMatch(Row::isRefused);
		assertThat(rows.get(0).observation().datastreamId()).isEqualTo(7);
		assertThat(rows.get(0).observation().result()).isEqualTo(1.5);
		assertThat(rows.get(0).observation().featureOfInterestId()).isEqualTo(3);
		assertThat(rows.get(0).observation().parameters().text()).isEqualTo("{\"k\":\"v\"}");
		assertThat(rows.get(0).featureAt()).isEqualTo("/0/dataArray/0/2");
		assertThat(rows.get(1).observation().phenomenonTime().isInterval()).isTrue();
		assertThat(rows.get(1).observation().featureOfInterestId()).isNull();
		assertThat(rows.get(2).observation().datastreamId()).isEqualTo(8);
		assertThat(rows.get(2).observation().phenomenonTime()).isEqualTo(TimeValue.instant(NOW));
		assertThat(rows.get(2).pointer()).isEqualTo("/1/dataArray/0");
	}

	@Test
	void aBadRowIsRefusedWithItsReasonAndTheValueAtFault() {
		List<Row> rows = read("[{'Datastream': {'@iot.id': 7}, 'components': ['phenomenonTime', 'result', "
				+ "'FeatureOfInterest/id'], 'dataArray': [['noon', 1, null], ['2024-01-01T00:00:00Z', 1, 'x'], "
				+ "[1], 'row', ['2024-01-01T00:00:00Z', 1, null]]}]");
		assertThat(rows).extracting(Row::isRefused).containsExactly(true, true, true, true, false);
		assertThat(rows.get(0).at()).isEqualTo("/0/dataArray/0/0");
		assertThat(rows.get(0).reason()).contains("noon").doesNotContain(" at /");
		assertThat(rows.get(1).at()).isEqualTo("/0/dataArray/1/2");
		assertThat(rows.get(2).at()).isEqualTo("/0/dataArray/2");
		assertThat(rows.get(2).reason()).contains("1 values for 3 components");
		assertThat(rows.get(3).at()).isEqualTo("/0/dataArray/3");
	}

	@Test
	void aFaultOfTheGroupRefusesEachOfItsRows() {
		List<Row> rows = read("[{'Datastream': {'@iot.id': 7}, 'components': ['result', 'result'], "
				+ "'dataArray': [[1, 1], [2, 2]]}, {'components': ['result'], 'dataArray': [[1]]}, "
				+ "{'Datastream': {'name': 'new'}, 'components': ['result'], 'dataArray': [[1]]}, "
				+ "{'Datastream': {'@iot.id': 7}, 'MultiDatastream': {'@iot.id': 1}, 'components': ['result'], "
				+ "'dataArray': [[1]]}, "
				+ "{'Datastream': {'@iot.id': 7}, 'components': ['id', 'result'], 'dataArray': [[1, 1]]}, "
				+ "{'Datastream': {'@iot.id': 99999999999}, 'components': ['result'], 'dataArray': [[1]]}]");
		assertThat(rows).hasSize(7).allMatch(Row::isRefused);
		assertThat(rows.get(0).at()).isEqualTo("/0/components/1");
		assertThat(rows.get(1).at()).isEqualTo("/0/components/1");
		assertThat(rows.get(2).at()).isEqualTo("/1");
		assertThat(rows.get(3).at()).isEqualTo("/2/Datastream");
		assertThat(rows.get(4).at()).isEqualTo("/3/MultiDatastream");
		assertThat(rows.get(5).at()).isEqualTo("/4/components/0");
		assertThat(rows.get(6).reason()).contains("does not exist");
	}

	@Test
	void aBodyWhoseRowsCannotBeCountedIsA400() {
		assertThatThrownBy(() -> read("{'dataArray': []}")).isInstanceOf(ApiException.class);
		assertThatThrownBy(() -> read("[{'Datastream': {'@iot.id': 7}, 'components': ['result']}]"))
			.isInstanceOf(ApiException.class)
			.satisfies(e -> assertThat(((ApiException) e).details()).containsEntry("pointer", "/0/dataArray"));
		assertThatThrownBy(() -> read("[[1]]")).isInstanceOf(ApiException.class)
			.satisfies(e -> assertThat(((ApiException) e).details()).containsEntry("pointer", "/0"));
		assertThat(read("[]")).isEmpty();
	}

}
