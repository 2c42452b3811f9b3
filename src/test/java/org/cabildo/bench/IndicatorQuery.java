package org.cabildo.bench;

import java.time.LocalDate;
import java.util.Arrays;
import java.util.Random;

import org.cabildo.bench.Dataset.Series;

import tools.jackson.databind.JsonNode;

/**
 * The reads {@code bench indicators} measures, each asked by the public (no credentials) for the
 * network's year, and how each answer is checked.
 */
enum IndicatorQuery {

	/** Days above the WHO 24-hour PM2.5 guideline per district: the daily rollups. */
	PM25_24H("pm25-24h"),

	/** Days above the WHO 8-hour O3 guideline per district: the hourly rollups (8-hour means). */
	O3_8H("o3-8h"),

	/** Days per category of the city's index (NOM-172): the daily rollups of both pollutants. */
	LOCAL_INDEX("local-index"),

	/** A stream's year, a value per day: {@code /api/series/{id}?interval=day}. */
	SERIES_DAY("series-day"),

	/** A week of a stream, a value per hour: {@code /api/series/{id}?interval=hour}. */
	SERIES_HOUR("series-hour");

	private final String key;

	IndicatorQuery(String key) {
		this.key = key;
	}

	String key() {
		return key;
	}

	static IndicatorQuery of(String key) {
		return Arrays.stream(values())
			.filter(query -> query.key.equals(key))
			.findFirst()
			.orElseThrow(() -> new IllegalArgumentException("unknown query '" + key + "' ("
					+ String.join(", ", Arrays.stream(values()).map(IndicatorQuery::key).toList()) + ")"));
	}

	/** The path and query of a request; the series are of a stream chosen at random. */
	String path(AirNetwork network, Random random) {
		int year = network.year();
		return switch (this) {
			case PM25_24H -> "/api/indicators/who-2021-pm25-24h/districts?year=" + year;
			case O3_8H -> "/api/indicators/who-2021-o3-8h/districts?year=" + year;
			case LOCAL_INDEX -> "/api/indicators/local-index-days/districts?year=" + year;
			case SERIES_DAY -> "/api/series/" + stream(network, random).datastreamId() + "?interval=day&from="
					+ LocalDate.of(year, 1, 1) + "&to=" + LocalDate.of(year + 1, 1, 1);
			case SERIES_HOUR -> {
				LocalDate from = LocalDate.of(year, 1, 1).plusDays(random.nextInt(365 - 7));
				yield "/api/series/" + stream(network, random).datastreamId() + "?interval=hour&from=" + from + "&to="
						+ from.plusDays(7);
			}
		};
	}

	private static Series stream(AirNetwork network, Random random) {
		return network.dataset().series().get(random.nextInt(network.dataset().series().size()));
	}

	/**
	 * Checks an answer: a district table lists every district, reads every station's stream of
	 * its pollutants, and has a value for each district with a station; a series has values.
	 *
	 * @throws IllegalStateException saying what is wrong
	 */
	void verify(AirNetwork network, JsonNode answer) {
		switch (this) {
			case PM25_24H, O3_8H, LOCAL_INDEX -> {
				JsonNode districts = answer.path("districts");
				require(districts.size() == network.districts(), "%d districts, expected %d", districts.size(),
						network.districts());
				int streams = answer.path("streams").asInt();
				int expected = this == LOCAL_INDEX ? 2 * network.stations() : network.stations();
				require(streams == expected, "%d streams read, expected %d (notReadable %s, unplaced %s)", streams,
						expected, answer.path("notReadable"), answer.path("unplacedStreams"));
				int withStations = 0;
				for (JsonNode row : districts) {
					if (row.path("stations").asInt() > 0) {
						withStations++;
						require(!row.path("value").isNull() && !row.path("value").isMissingNode(),
								"district %s has stations and no value", row.path("district").asString());
					}
				}
				require(withStations == network.districtsWithStations(), "%d districts with stations, expected %d",
						withStations, network.districtsWithStations());
			}
			case SERIES_DAY, SERIES_HOUR -> {
				int values = answer.path("values").size();
				require(values > 0, "a series without values");
			}
		}
	}

	private static void require(boolean condition, String format, Object... arguments) {
		if (!condition) {
			throw new IllegalStateException(String.format(format, arguments));
		}
	}

}
