package org.cabildo.bench;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.cabildo.bench.Dataset.Series;
import org.junit.jupiter.api.Test;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/** The city of {@code bench indicators}: the observations asked for, all in the year, stations inside their districts. */
class AirNetworkTest {

	@Test
	void tenMillionObservationsOfAHundredStationsFillTheYearEveryTenAndAHalfMinutes() {
		AirNetwork network = AirNetwork.plan(10_000_000, 100, 16, 2025, 1);
		List<Series> series = network.dataset().series();
		assertThat(series).hasSize(200);
		assertThat(series.stream().mapToLong(Series::count).sum()).isEqualTo(10_000_000);
		assertThat(series).allSatisfy(s -> {
			assertThat(s.count()).isEqualTo(50_000);
			assertThat(s.spacingSeconds()).isEqualTo(630);
		});
		assertThat(network.everyHourHasValues()).isTrue();
		assertThat(network.describe()).contains("every 630 s");
	}

	@Test
	void everyObservationIsInTheCalendarYearWhateverTheRemainderAndTheYearsLength() throws Exception {
		for (int year : List.of(2024, 2025)) {
			AirNetwork network = AirNetwork.plan(200_003, 10, 16, year, year);
			Instant start = Instant.parse(year + "-01-01T00:00:00Z");
			Instant end = Instant.parse((year + 1) + "-01-01T00:00:00Z");
			assertThat(network.dataset().series().stream().mapToLong(Series::count).sum()).isEqualTo(200_003);
			long[] generated = { 0 };
			network.dataset().generate(0, (s, k, second, value) -> {
				generated[0]++;
				assertThat(Instant.ofEpochSecond(second)).isAfterOrEqualTo(start).isBefore(end);
			});
			assertThat(generated[0]).isEqualTo(200_003);
		}
		// the fullest a year can be: one a second
		AirNetwork full = AirNetwork.plan(2 * AirNetwork.secondsIn(2025), 1, 1, 2025, 3);
		assertThat(full.dataset().series()).allSatisfy(s -> {
			assertThat(s.spacingSeconds()).isEqualTo(1);
			assertThat(s.last()).isBefore(Instant.parse("2026-01-01T00:00:00Z"));
		});
		assertThatThrownBy(() -> AirNetwork.plan(2 * AirNetwork.secondsIn(2025) + 2, 1, 1, 2025, 3))
			.isInstanceOf(IllegalArgumentException.class);
		assertThatThrownBy(() -> AirNetwork.plan(3, 1, 1, 2025, 3)).isInstanceOf(IllegalArgumentException.class);
	}

	@Test
	void fewObservationsLeaveHoursWithoutValues() {
		assertThat(AirNetwork.plan(200_000, 10, 16, 2025, 1).everyHourHasValues()).as("10,000 a stream").isTrue();
		assertThat(AirNetwork.plan(100_000, 10, 16, 2025, 1).everyHourHasValues()).as("5,000 a stream").isFalse();
	}

	@Test
	void stationsAreDealtToTheDistrictsInTurnAndStandInsideThem() {
		AirNetwork network = AirNetwork.plan(1_000_000, 100, 16, 2025, 1);
		Map<String, AirNetwork.Square> squares = new HashMap<>();
		network.squares().forEach(square -> squares.put(square.id(), square));
		assertThat(squares).hasSize(16);
		Map<String, Integer> perDistrict = new HashMap<>();
		for (AirNetwork.Station station : network.stationPlaces()) {
			assertThat(squares.get(station.district()).contains(station.longitude(), station.latitude()))
				.as("station %d in %s", station.index(), station.district())
				.isTrue();
			for (AirNetwork.Square other : network.squares()) {
				if (!other.id().equals(station.district())) {
					assertThat(other.contains(station.longitude(), station.latitude())).isFalse();
				}
			}
			perDistrict.merge(station.district(), 1, Integer::sum);
		}
		assertThat(perDistrict.values()).allSatisfy(count -> assertThat(count).isBetween(6, 7));
		assertThat(network.districtsWithStations()).isEqualTo(16);
		assertThat(AirNetwork.plan(200_000, 10, 16, 2025, 1).districtsWithStations()).isEqualTo(10);
	}

	@Test
	void theDistrictsFileHoldsEverySquareAsAClosedPolygon() {
		AirNetwork network = AirNetwork.plan(1_000_000, 10, 5, 2025, 1);
		JsonNode collection = JsonMapper.shared().readTree(network.districtsGeoJson());
		assertThat(collection.get("features")).hasSize(5);
		JsonNode first = collection.get("features").get(0);
		assertThat(first.get("properties").get("district_id").asString()).isEqualTo("B01");
		assertThat(first.get("properties").get("population_2020").asLong()).isEqualTo(100_000);
		JsonNode ring = first.get("geometry").get("coordinates").get(0);
		assertThat(ring).hasSize(5);
		assertThat(ring.get(0)).isEqualTo(ring.get(4));
	}

	@Test
	void theSamePlanEveryTime() {
		assertThat(AirNetwork.plan(200_000, 10, 16, 2025, 7)).isEqualTo(AirNetwork.plan(200_000, 10, 16, 2025, 7));
	}

}
