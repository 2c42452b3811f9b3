package org.cabildo.indicators;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.YearMonth;
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

	private final IndicatorCatalogue catalogue;

	private final AirStreams streams;

	private final Rollups rollups;

	private final DistrictRegister districts;

	private final Optional<Index> index;

	private final IndicatorPeriods periods;

	AirIndicators(IndicatorCatalogue catalogue, AirStreams streams, Rollups rollups, DistrictRegister districts,
			CitySettings city, IndicatorPeriods periods) {
		this.periods = periods;
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

	/** The year an indicator's table shows when none is asked: the calendar year of its streams' newest value. */
	public int newestYear(String code) {
		return periods.newestYear(indicator(code));
	}

	/** One indicator for every district over local days [from, to). */
	public DistrictTable table(ReadContext reader, String code, LocalDate from, LocalDate to) {
		Indicator indicator = indicator(code);
		AirPeriod period = new AirPeriod(from, to);
		ZoneId zone = rollups.city().zone();
		Streams read = streams(reader, pollutants(indicator), district -> true);
		Map<Long, List<Rollup>> rollupsRead = read(reader, read, period, zone);
		List<DistrictRow> rows = rows(indicator, read, rollupsRead, period, zone, districts.all(), Reading.PERIOD);
		return new DistrictTable(indicator, from, to, zone.getId(), rows, equity(rows), read.readable().size(),
				read.unplaced(), read.notReadable());
	}

	/**
	 * One indicator for one district, each month of a year a period of its own, computed as
	 * {@link #table} computes a period (days above a level in the month, the month's mean, days
	 * per category in the month), from one read of the year. The peak season is not a month's:
	 * for it each month is the mean of its daily maximum 8-hour means, valid with 75 % of its
	 * days, the months the season is made of. 404 when there is no such district.
	 */
	public DistrictMonths months(ReadContext reader, String code, String district, int year) {
		Indicator indicator = indicator(code);
		District one = districts.byId(district)
			.orElseThrow(() -> ApiException.notFound("there is no district '" + district + "': GET /api/districts lists"
					+ " them").with("parameter", "district"));
		ZoneId zone = rollups.city().zone();
		AirPeriod whole = AirPeriod.year(year);
		Streams read = streams(reader, pollutants(indicator), district::equals);
		Map<Long, List<Rollup>> rollupsRead = read(reader, read, whole, zone);
		List<DistrictMonths.MonthRow> months = new ArrayList<>();
		for (int month = 1; month <= 12; month++) {
			AirPeriod period = AirPeriod.month(YearMonth.of(year, month));
			Instant start = period.startIn(zone);
			Instant end = period.endIn(zone);
			Map<Long, List<Rollup>> within = new HashMap<>();
			rollupsRead.forEach((stream, rows) -> within.put(stream, rows.stream()
				.filter(row -> !row.start().isBefore(start) && row.start().isBefore(end))
				.toList()));
			DistrictRow row = rows(indicator, read, within, period, zone, List.of(one), Reading.MONTH).getFirst();
			months.add(new DistrictMonths.MonthRow(YearMonth.of(year, month).toString(), period.start(), period.end(),
					row.value(), row.stations(), row.stationsWithValue(), row.days(), row.validDays(),
					row.hoursWithData(), row.hoursPossible(), row.categories()));
		}
		return new DistrictMonths(indicator, one.id(), one.name(), one.population(), year, zone.getId(), months,
				read.readable().size(), read.notReadable());
	}

	/** What a station's value is made of: the period asked, or (for the peak season) one month of it. */
	private enum Reading {
		PERIOD, MONTH
	}

	private Index cityIndex() {
		return index.orElseThrow(() -> ApiException.notFound(
				"the city has no local air-quality index (cabildo.city.air-index is none)").with("parameter", "code"));
	}

	private List<Pollutant> pollutants(Indicator indicator) {
		if (indicator.code().equals(IndicatorCatalogue.LOCAL_INDEX)) {
			Index cityIndex = cityIndex();
			return java.util.Arrays.stream(Pollutant.values())
				.filter(pollutant -> cityIndex.scaleForHourlyValue(pollutant).isPresent())
				.toList();
		}
		return List.of(WhoGuidelines.byCode(indicator.code()).orElseThrow().pollutant());
	}

	/**
	 * The daily rollups of the streams over the period: every air indicator is read from them (a
	 * year is 366 rows a station, not 8,784), ozone's from each day's greatest 8-hour mean.
	 */
	private Map<Long, List<Rollup>> read(ReadContext reader, Streams read, AirPeriod period, ZoneId zone) {
		return rollups.read(reader, ids(read.readable()), Rollups.Interval.DAY, period.startIn(zone), period.endIn(zone));
	}

	/** The rows of these districts from rollups read for the period. */
	private List<DistrictRow> rows(Indicator indicator, Streams read, Map<Long, List<Rollup>> rollupsRead,
			AirPeriod period, ZoneId zone, List<District> of, Reading reading) {
		if (indicator.code().equals(IndicatorCatalogue.LOCAL_INDEX)) {
			return indexRows(cityIndex(), read, rollupsRead, period, zone, of);
		}
		WhoGuideline guideline = WhoGuidelines.byCode(indicator.code()).orElseThrow();
		Map<String, List<Station>> stations = new HashMap<>();
		for (AirStream stream : read.readable()) {
			double factor = stream.microgramsPerUnit();
			List<Rollup> rows = rollupsRead.getOrDefault(stream.datastream(), List.of());
			Station station = reading == Reading.MONTH && guideline.averaging() == org.cabildo.indicators.air.Averaging.PEAK_SEASON
					? seasonMonth(rows, factor, period, zone) : station(guideline, rows, factor, period, zone);
			stations.computeIfAbsent(stream.district(), d -> new ArrayList<>()).add(station);
		}
		List<DistrictRow> rows = new ArrayList<>();
		for (District district : of) {
			List<Station> in = stations.getOrDefault(district.id(), List.of());
			rows.add(guideline.isShortTerm() ? dailyRow(district, in, period, zone, guideline.level())
					: meanRow(district, in, period, zone));
		}
		return rows;
	}

	/** A month of the peak season: the mean of the month's valid daily maximum 8-hour means. */
	private static Station seasonMonth(List<Rollup> rows, double factor, AirPeriod month, ZoneId zone) {
		List<AirMonth> months = AirMonth.of(eightHourMaxima(rows, factor, month, zone));
		Double value = months.isEmpty() ? null : months.getFirst().value();
		return new Station(List.of(), value, hours(rows));
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
			case EIGHT_HOURS -> new Station(eightHourMaxima(rows, factor, period, zone), null, hours(rows));
			case PEAK_SEASON -> {
				Double value = AirPeakSeason.of(eightHourMaxima(rows, factor, period, zone))
					.map(AirPeakSeason::value)
					.orElse(null);
				yield new Station(List.of(), value, hours(rows));
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

	/**
	 * A station's daily maximum 8-hour means from its daily rollups (which keep the greatest
	 * 8-hour mean ending in each day and how many had 6 of their 8 hours): a day is valid with 75 %
	 * of its 8-hour means.
	 */
	private static List<AirDay> eightHourMaxima(List<Rollup> rows, double factor, AirPeriod period, ZoneId zone) {
		Map<LocalDate, Rollup> byDay = new HashMap<>();
		rows.forEach(row -> byDay.put(LocalDate.ofInstant(row.start(), zone), row));
		return period.days().map(date -> {
			Rollup row = byDay.get(date);
			AirCoverage coverage = new AirCoverage(AirCoverage.Counted.EIGHT_HOUR_MEANS,
					row == null ? 0 : row.eightHourMeans(), AirPeriod.day(date).hoursIn(zone));
			Double value = coverage.isMet() && row.maxEightHourMean() != null ? row.maxEightHourMean() * factor : null;
			return new AirDay(date, value, coverage, row == null ? 0 : row.hours());
		}).toList();
	}

	private static long hours(List<Rollup> rows) {
		return rows.stream().mapToLong(Rollup::hours).sum();
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
		AirExceedances exceedances = AirExceedances.of(days, level);
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
	private static List<DistrictRow> indexRows(Index cityIndex, Streams read, Map<Long, List<Rollup>> days,
			AirPeriod period, ZoneId zone, List<District> of) {
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
		for (District district : of) {
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
		return rows;
	}

	/** The streams of some pollutants that are placed in a district and that the reader may read. */
	private record Streams(List<AirStream> readable, int unplaced, int notReadable) {
	}

	private Streams streams(ReadContext reader, List<Pollutant> pollutants, java.util.function.Predicate<String> in) {
		List<AirStream> all = pollutants.stream().flatMap(pollutant -> streams.of(pollutant).stream()).toList();
		List<AirStream> placed = all.stream().filter(stream -> stream.district() != null && in.test(stream.district()))
			.toList();
		Set<Long> readable = Set.copyOf(rollups.readable(reader, ids(placed)));
		List<AirStream> read = placed.stream().filter(stream -> readable.contains(stream.datastream())).toList();
		// "unplaced": in no district, or in none of those asked
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
