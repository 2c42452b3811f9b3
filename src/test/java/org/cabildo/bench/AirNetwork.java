package org.cabildo.bench;

import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;

import org.cabildo.bench.Dataset.Series;
import org.cabildo.bench.Dataset.Shape;

/**
 * The city {@code bench indicators} measures: square districts in a grid, air-quality stations
 * spread over them in turn, each station with a PM2.5 and an O3 stream, and every stream's
 * observations evenly spaced over one calendar year (UTC, the server's default city time zone),
 * so that the district table of that year reads all of them.
 *
 * @param year the calendar year the observations fill
 * @param stations how many stations (Things), each with two streams
 * @param districts how many districts
 * @param dataset the observations: series {@code 2 * station} is the station's PM2.5, {@code 2 *
 * station + 1} its O3
 */
record AirNetwork(int year, int stations, int districts, Dataset dataset) {

	/** The grid's south-west corner and the side of a district, in degrees (somewhere in central Mexico). */
	static final double WEST = -99.30;

	static final double SOUTH = 19.25;

	static final double SIDE = 0.05;

	/** A station's place. */
	record Station(int index, String district, double longitude, double latitude) {
	}

	/** A district's square. */
	record Square(String id, String name, long population, double west, double south) {

		boolean contains(double longitude, double latitude) {
			return longitude > west && longitude < west + SIDE && latitude > south && latitude < south + SIDE;
		}

	}

	/**
	 * Plans the network; the ids of the streams are filled in once they exist.
	 *
	 * @param observations in all, shared evenly by the {@code 2 * stations} streams
	 */
	static AirNetwork plan(long observations, int stations, int districts, int year, long seed) {
		if (stations < 1 || districts < 1) {
			throw new IllegalArgumentException("at least one station and one district");
		}
		int streams = 2 * stations;
		long each = observations / streams;
		long extra = observations % streams;
		long yearSeconds = secondsIn(year);
		if (each < 2 || each + (extra > 0 ? 1 : 0) > yearSeconds) {
			throw new IllegalArgumentException(String.format(
					"%,d observations in %d streams: each needs at least 2, and at most one a second of the year",
					observations, streams));
		}
		long first = LocalDate.of(year, 1, 1).atStartOfDay(ZoneOffset.UTC).toEpochSecond();
		Random random = new Random(seed);
		List<Series> series = new ArrayList<>();
		for (int i = 0; i < streams; i++) {
			long count = each + (i < extra ? 1 : 0);
			long spacing = spacing(count, yearSeconds);
			long phase = Math.floorMod(random.nextLong(), spacing);
			series.add(new Series(i, 0, 0, first + phase, spacing, count, random.nextLong()));
		}
		return new AirNetwork(year, stations, districts,
				new Dataset(new Shape(observations, streams, series.getFirst().count()), List.copyOf(series)));
	}

	/**
	 * The spacing of a stream's {@code count} observations that fits them all into the year
	 * whatever the first one's offset (less than a spacing): the last is at most {@code count *
	 * spacing} after the year's start.
	 */
	static long spacing(long count, long yearSeconds) {
		return yearSeconds / count;
	}

	static long secondsIn(int year) {
		return LocalDate.of(year, 1, 1).lengthOfYear() * 86_400L;
	}

	/** Whether every hour of the year holds a value of every stream (so every day is valid for the guidelines). */
	boolean everyHourHasValues() {
		return dataset.series().stream().allMatch(s -> s.spacingSeconds() <= 3_600);
	}

	/** The districts: a grid as square as may be, west to east, then south to north. */
	List<Square> squares() {
		int columns = (int) Math.ceil(Math.sqrt(districts));
		List<Square> squares = new ArrayList<>();
		for (int d = 0; d < districts; d++) {
			squares.add(new Square(String.format("B%02d", d + 1), "Benchmark district " + (d + 1),
					100_000 + 25_000L * (d % 5), WEST + (d % columns) * SIDE, SOUTH + (d / columns) * SIDE));
		}
		return squares;
	}

	/** The stations, dealt to the districts in turn; those of one district on a diagonal inside it. */
	List<Station> stationPlaces() {
		List<Square> squares = squares();
		int perDistrict = (stations + districts - 1) / districts;
		List<Station> places = new ArrayList<>();
		for (int s = 0; s < stations; s++) {
			Square square = squares.get(s % districts);
			double along = (s / districts + 1.0) / (perDistrict + 1);
			places.add(new Station(s, square.id(), square.west() + along * SIDE, square.south() + along * SIDE));
		}
		return places;
	}

	/** How many districts have a station: those whose table rows must have a value. */
	int districtsWithStations() {
		return Math.min(stations, districts);
	}

	/** The PUT /api/districts body: a GeoJSON FeatureCollection of the squares. */
	String districtsGeoJson() {
		StringBuilder json = new StringBuilder("{\"type\":\"FeatureCollection\",\"features\":[");
		List<Square> squares = squares();
		for (int i = 0; i < squares.size(); i++) {
			Square q = squares.get(i);
			double e = q.west() + SIDE;
			double n = q.south() + SIDE;
			json.append(i == 0 ? "" : ",")
				.append("{\"type\":\"Feature\",\"properties\":{\"district_id\":\"").append(q.id())
				.append("\",\"name\":\"").append(q.name()).append("\",\"population_2020\":").append(q.population())
				.append("},\"geometry\":{\"type\":\"Polygon\",\"coordinates\":[[")
				.append(corner(q.west(), q.south())).append(',').append(corner(e, q.south())).append(',')
				.append(corner(e, n)).append(',').append(corner(q.west(), n)).append(',')
				.append(corner(q.west(), q.south())).append("]]}}");
		}
		return json.append("]}").toString();
	}

	private static String corner(double longitude, double latitude) {
		return "[" + round(longitude) + "," + round(latitude) + "]";
	}

	private static double round(double degrees) {
		return Math.round(degrees * 1e6) / 1e6;
	}

	AirNetwork withDataset(Dataset loaded) {
		return new AirNetwork(year, stations, districts, loaded);
	}

	/** The PM2.5 stream of a station, then its O3 stream. */
	Series pm25(int station) {
		return dataset.series().get(2 * station);
	}

	Series o3(int station) {
		return dataset.series().get(2 * station + 1);
	}

	String describe() {
		Series s = dataset.series().getFirst();
		return String.format("%,d observations of %d stations (PM2.5 and O3 each) in %d districts, %d: one every %d s "
				+ "per stream", dataset.shape().observations(), stations, districts, year, s.spacingSeconds());
	}

}
