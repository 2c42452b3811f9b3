package org.cabildo.indicators;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;

import org.cabildo.indicators.AirStreams.AirStream;
import org.cabildo.indicators.DistrictTable.CategoryDays;
import org.cabildo.indicators.DistrictTable.DistrictRow;
import org.cabildo.indicators.DistrictTable.EquitySummary;
import org.cabildo.indicators.air.Category;
import org.cabildo.indicators.air.Concentration;
import org.cabildo.indicators.air.Index;
import org.cabildo.indicators.air.Indices;
import org.cabildo.indicators.air.Pollutant;
import org.cabildo.platform.ApiException;
import org.cabildo.platform.CitySettings;
import org.cabildo.sensing.ReadContext;
import org.cabildo.sensing.Rollups;
import org.cabildo.sensing.Rollups.Rollup;
import org.springframework.stereotype.Service;

/**
 * The air indicators per district, computed from the streams' rollups as the reader may read
 * them (streams the reader may not read are left out and counted), each station first, then
 * each district from the stations placed in it, then the spread between districts.
 */
@Service
public class AirIndicators {

	/** The 8-hour means of a period's first day reach this far back. */
	private static final Duration EIGHT_HOURS_BACK = Duration.ofHours(7);

	private final IndicatorCatalogue catalogue;

	private final AirStreams streams;

	private final Rollups rollups;

	private final DistrictRegister districts;

	private final Optional<Index> index;

	AirIndicators(IndicatorCatalogue catalogue, AirStreams streams, Rollups rollups, DistrictRegister districts,
			CitySettings city) {
		this.catalogue = catalogue;
		this.streams = streams;
		this.rollups = rollups;
		this.districts = districts;
		this.index = Indices.named(city.airIndex());
	}

	/**
	 * The indicators with a value per district (the city-level ones, such as mobility's, are in
	 * {@code /api/indicators} too, with the scope {@code city}).
	 */
	public List<Indicator> catalogue() {
		return catalogue.byDistrict();
	}

	/** One indicator by its code; 404 when there is none. */
	public Indicator indicator(String code) {
		return catalogue.byCode(code)
			.orElseThrow(() -> ApiException.notFound("there is no indicator '" + code + "': GET /api/indicators lists them")
				.with("parameter", "code"));
	}

	/** One indicator for every district over local days [from, to). */
	public DistrictTable table(ReadContext reader, String code, LocalDate from, LocalDate to) {
		Indicator indicator = indicator(code);
		AirPeriod period = new AirPeriod(from, to);
		ZoneId zone = rollups.city().zone();
		if (indicator.code().equals(IndicatorCatalogue.LOCAL_INDEX)) {
			return indexTable(reader, indicator, period, zone);
		}
		WhoGuideline guideline = WhoGuidelines.byCode(code).orElseThrow();
		Streams read = streams(reader, List.of(guideline.pollutant()));
		Map<String, List<Station>> stations = new HashMap<>();
		for (AirStream stream : read.readable()) {
			stations.computeIfAbsent(stream.district(), d -> new ArrayList<>());
		}
		Map<Long, List<Rollup>> rollupsRead = switch (guideline.averaging()) {
			case DAY, YEAR -> rollups.read(reader, ids(read.readable()), Rollups.Interval.DAY, period.startIn(zone),
					period.endIn(zone));
			default -> rollups.read(reader, ids(read.readable()), Rollups.Interval.HOUR,
					period.startIn(zone).minus(EIGHT_HOURS_BACK), period.endIn(zone));
		};
		for (AirStream stream : read.readable()) {
			double factor = HourMean.microgramsPer(stream.unit(), stream.pollutant()).orElseThrow();
			List<Rollup> rows = rollupsRead.getOrDefault(stream.datastream(), List.of());
			stations.get(stream.district()).add(station(guideline, rows, factor, period, zone));
		}
		List<DistrictRow> rows = new ArrayList<>();
		for (District district : districts.all()) {
			List<Station> in = stations.getOrDefault(district.id(), List.of());
			rows.add(guideline.isShortTerm() ? dailyRow(district, in, period, zone, guideline.level())
					: meanRow(district, in, period, zone));
		}
		return new DistrictTable(indicator, from, to, zone.getId(), rows, equity(rows), read.readable().size(),
				read.unplaced(), read.notReadable());
	}

	/** What one station's rollups give for a guideline: its valid days, or its value over the period. */
	private record Station(List<AirDay> days, Double value, long hoursWithData) {
	}

	private static Station station(WhoGuideline guideline, List<Rollup> rows, double factor, AirPeriod period,
			ZoneId zone) {
		return switch (guideline.averaging()) {
			case DAY -> {
				List<AirDay> days = dailyMeans(rows, factor, period, zone);
				yield new Station(days, null, days.stream().mapToLong(AirDay::hours).sum());
			}
			case YEAR -> {
				long hours = 0;
				double weighted = 0;
				for (Rollup day : rows) {
					hours += day.hours();
					weighted += day.mean() * day.hours();
				}
				AirCoverage coverage = new AirCoverage(AirCoverage.Counted.HOURS, (int) hours, period.hoursIn(zone));
				yield new Station(List.of(), coverage.isMet() ? weighted / hours * factor : null, hours);
			}
			case EIGHT_HOURS -> {
				List<HourMean> hours = hourMeans(rows, factor);
				yield new Station(AirDays.maximumEightHourMeans(hours, zone, period), null, inPeriod(hours, period, zone));
			}
			case PEAK_SEASON -> {
				List<HourMean> hours = hourMeans(rows, factor);
				Double value = AirPeakSeason.of(AirDays.maximumEightHourMeans(hours, zone, period))
					.map(AirPeakSeason::value)
					.orElse(null);
				yield new Station(List.of(), value, inPeriod(hours, period, zone));
			}
			default -> throw new IllegalStateException(guideline.code() + ": " + guideline.averaging());
		};
	}

	/** A station's local days from its daily rollups: the mean of the hours' means, valid with 75 % of the day's hours. */
	private static List<AirDay> dailyMeans(List<Rollup> rows, double factor, AirPeriod period, ZoneId zone) {
		Map<LocalDate, Rollup> byDay = new HashMap<>();
		rows.forEach(row -> byDay.put(LocalDate.ofInstant(row.start(), zone), row));
		return period.days().map(date -> {
			Rollup row = byDay.get(date);
			int hours = row == null ? 0 : row.hours();
			AirCoverage coverage = new AirCoverage(AirCoverage.Counted.HOURS, hours, AirPeriod.day(date).hoursIn(zone));
			return new AirDay(date, coverage.isMet() ? row.mean() * factor : null, coverage, hours);
		}).toList();
	}

	private static List<HourMean> hourMeans(List<Rollup> rows, double factor) {
		return rows.stream().map(row -> new HourMean(row.start(), row.mean() * factor)).toList();
	}

	private static long inPeriod(List<HourMean> hours, AirPeriod period, ZoneId zone) {
		Instant start = period.startIn(zone);
		return hours.stream().filter(hour -> !hour.start().isBefore(start)).count();
	}

	/** Days above the level: a district's day is the mean of its stations' valid days, valid when one is. */
	private static DistrictRow dailyRow(District district, List<Station> stations, AirPeriod period, ZoneId zone,
			double level) {
		Map<LocalDate, double[]> sums = new TreeMap<>();
		for (Station station : stations) {
			for (AirDay day : station.days()) {
				if (day.isValid()) {
					double[] sum = sums.computeIfAbsent(day.date(), d -> new double[2]);
					sum[0] += day.value();
					sum[1]++;
				}
			}
		}
		List<AirDay> days = period.days().map(date -> {
			double[] sum = sums.get(date);
			return sum == null ? new AirDay(date, null, new AirCoverage(AirCoverage.Counted.DAYS, 0, 1), 0)
					: new AirDay(date, sum[0] / sum[1], new AirCoverage(AirCoverage.Counted.DAYS, 1, 1), 0);
		}).toList();
		AirExceedances exceedances = AirDays.exceedances(days, level);
		Double value = exceedances.validDays() == 0 ? null : (double) exceedances.exceedanceDays();
		return row(district, value, stations, days.size(), exceedances.validDays(), period, zone, List.of());
	}

	/** A mean: the mean of the values of the district's stations that have one. */
	private static DistrictRow meanRow(District district, List<Station> stations, AirPeriod period, ZoneId zone) {
		List<Double> values = stations.stream().map(Station::value).filter(java.util.Objects::nonNull).toList();
		Double value = values.isEmpty() ? null : values.stream().mapToDouble(Double::doubleValue).average().orElseThrow();
		return row(district, value, stations, (int) period.days().count(), null, period, zone, List.of());
	}

	private static DistrictRow row(District district, Double value, List<Station> stations, int days, Integer validDays,
			AirPeriod period, ZoneId zone, List<CategoryDays> categories) {
		long hoursWithData = stations.stream().mapToLong(Station::hoursWithData).sum();
		Double exposure = value == null || district.population() == null ? null : value * district.population();
		int withValue = (int) stations.stream()
			.filter(station -> station.value() != null || station.days().stream().anyMatch(AirDay::isValid))
			.count();
		return new DistrictRow(district.id(), district.name(), district.population(), value, stations.size(),
				withValue, days, validDays, hoursWithData, (long) period.hoursIn(zone) * stations.size(), exposure,
				categories);
	}

	/** Days per category of the city's index: a district's day takes the worst category of its stations' daily maxima. */
	private DistrictTable indexTable(ReadContext reader, Indicator indicator, AirPeriod period, ZoneId zone) {
		Index cityIndex = index.orElseThrow(() -> ApiException.notFound(
				"the city has no local air-quality index (cabildo.city.air-index is none)").with("parameter", "code"));
		List<Pollutant> pollutants = java.util.Arrays.stream(Pollutant.values())
			.filter(pollutant -> cityIndex.scaleForHourlyValue(pollutant).isPresent())
			.toList();
		Streams read = streams(reader, pollutants);
		Map<Long, List<Rollup>> days = rollups.read(reader, ids(read.readable()), Rollups.Interval.DAY,
				period.startIn(zone), period.endIn(zone));
		Map<String, Map<LocalDate, Category>> worst = new HashMap<>();
		Map<String, List<Station>> stations = new HashMap<>();
		for (AirStream stream : read.readable()) {
			long hours = 0;
			for (Rollup day : days.getOrDefault(stream.datastream(), List.of())) {
				hours += day.hours();
				Concentration maximum = new Concentration(java.math.BigDecimal.valueOf(day.max()), stream.unit());
				cityIndex.classifyHourlyValue(stream.pollutant(), maximum).ifPresent(found -> worst
					.computeIfAbsent(stream.district(), d -> new TreeMap<>())
					.merge(LocalDate.ofInstant(day.start(), zone), found.category(),
							(a, b) -> a.level() >= b.level() ? a : b));
			}
			stations.computeIfAbsent(stream.district(), d -> new ArrayList<>()).add(new Station(List.of(), null, hours));
		}
		// the third category of an index is the first that is not good or acceptable (NOM-172: Mala)
		int poor = cityIndex.categories().size() >= 3 ? cityIndex.categories().get(2).level() : Integer.MAX_VALUE;
		List<DistrictRow> rows = new ArrayList<>();
		for (District district : districts.all()) {
			Map<LocalDate, Category> byDay = worst.getOrDefault(district.id(), Map.of());
			Map<String, Integer> counts = new LinkedHashMap<>();
			cityIndex.categories().forEach(category -> counts.put(category.id(), 0));
			byDay.values().forEach(category -> counts.merge(category.id(), 1, Integer::sum));
			List<CategoryDays> categories = cityIndex.categories()
				.stream()
				.map(category -> new CategoryDays(category.id(), category.level(), counts.get(category.id())))
				.toList();
			Double value = byDay.isEmpty() ? null
					: (double) byDay.values().stream().filter(category -> category.level() >= poor).count();
			rows.add(row(district, value, stations.getOrDefault(district.id(), List.of()), (int) period.days().count(),
					byDay.size(), period, zone, categories));
		}
		return new DistrictTable(indicator, period.start(), period.end(), zone.getId(), rows, equity(rows),
				read.readable().size(), read.unplaced(), read.notReadable());
	}

	/** The streams of some pollutants that are placed in a district and that the reader may read. */
	private record Streams(List<AirStream> readable, int unplaced, int notReadable) {
	}

	private Streams streams(ReadContext reader, List<Pollutant> pollutants) {
		List<AirStream> all = pollutants.stream().flatMap(pollutant -> streams.of(pollutant).stream()).toList();
		List<AirStream> placed = all.stream().filter(stream -> stream.district() != null).toList();
		Set<Long> readable = Set.copyOf(rollups.readable(reader, ids(placed)));
		List<AirStream> read = placed.stream().filter(stream -> readable.contains(stream.datastream())).toList();
		return new Streams(read, all.size() - placed.size(), placed.size() - read.size());
	}

	private static List<Long> ids(List<AirStream> streams) {
		return streams.stream().map(AirStream::datastream).toList();
	}

	private static EquitySummary equity(List<DistrictRow> rows) {
		// A negative mean (a sensor off its calibration) is shown, but no concentration to weigh.
		List<DistrictValue> values = rows.stream()
			.filter(row -> row.population() != null)
			.map(row -> new DistrictValue(row.district(), row.population(),
					row.value() == null || row.value() < 0 ? null : row.value()))
			.toList();
		EquityFigures figures = Equity.of(values, EquityDirection.LOWER_IS_BETTER);
		List<String> without = new ArrayList<>(figures.withoutValue());
		rows.stream().filter(row -> row.population() == null).forEach(row -> without.add(row.district()));
		return new EquitySummary(figures.cityValue(), figures.population(),
				figures.best() == null ? null : figures.best().district(),
				figures.best() == null ? null : figures.best().value(),
				figures.worst() == null ? null : figures.worst().district(),
				figures.worst() == null ? null : figures.worst().value(), figures.ratio(), figures.gap(), figures.theil(),
				figures.gini(), figures.best() == null ? null : figures.cityExposure(), without);
	}

}
