package org.cabildo.portal;

import java.text.NumberFormat;
import java.time.YearMonth;
import java.time.format.DateTimeFormatter;
import java.time.format.TextStyle;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

import org.cabildo.indicators.AirIndicators;
import org.cabildo.indicators.District;
import org.cabildo.indicators.DistrictMonths;
import org.cabildo.indicators.DistrictRegister;
import org.cabildo.indicators.DistrictTable;
import org.cabildo.indicators.DistrictTable.CategoryDays;
import org.cabildo.indicators.DistrictTable.DistrictRow;
import org.cabildo.indicators.DistrictTable.EquitySummary;
import org.cabildo.indicators.Indicator;
import org.cabildo.indicators.MeasuredAndWatched;
import org.cabildo.indicators.PublicIndicators;
import org.cabildo.indicators.SensingByDistrict;
import org.cabildo.indicators.SensingByDistrict.DistrictSensing;
import org.cabildo.indicators.air.Index;
import org.cabildo.indicators.air.Indices;
import org.cabildo.platform.ApiException;
import org.cabildo.platform.CitySettings;
import org.cabildo.sensing.ReadContext;
import org.springframework.context.MessageSource;
import org.springframework.stereotype.Component;

/**
 * What the districts' pages show: an indicator's ranking of districts, its spread in words, a map
 * and (for the city's index) days per category, measured and watched per district; and one
 * district's indicators with a chart of one of them month by month. Anonymous visitors read the
 * tables kept for everyone ({@link PublicIndicators}); a signed-in person's are computed for them.
 */
@Component
class DistrictsPage {

	/** The map's classes, lightest first (ColorBrewer YlOrRd, sequential and readable in greyscale). */
	static final int CLASSES = 5;

	private final AirIndicators indicators;

	private final PublicIndicators kept;

	private final DistrictRegister districts;

	private final DistrictShapes shapes;

	private final MeasuredAndWatched sensing;

	private final MessageSource messages;

	private final Optional<Index> index;

	DistrictsPage(AirIndicators indicators, PublicIndicators kept, DistrictRegister districts, DistrictShapes shapes,
			MeasuredAndWatched sensing, MessageSource messages, CitySettings city) {
		this.indicators = indicators;
		this.kept = kept;
		this.districts = districts;
		this.shapes = shapes;
		this.sensing = sensing;
		this.messages = messages;
		this.index = Indices.named(city.airIndex());
	}

	/** Whose tables a page shows: everyone's (kept), or a signed-in reader's own. */
	sealed interface Reader {

		/** Anyone who has not signed in. */
		record Anyone() implements Reader {
		}

		/** A signed-in person, reading as their request says. */
		record Person(ReadContext context) implements Reader {
		}

	}

	/** An indicator offered in the form. */
	record Choice(String code, String name, boolean selected) {
	}

	/** A district with a value, in the ranking (worst first). */
	record Ranked(int rank, String id, String name, String value, int stations, String coverage, String population,
			String exposure, List<Integer> categories) {
	}

	/** A district without a value, and why. */
	record Without(String id, String name, String reason, int stations, String coverage) {
	}

	/** A district on the map. */
	record Area(String id, String path, String css, String title) {
	}

	/** A class of the map's legend, or a category of the index. */
	record Key(String css, String label) {
	}

	/** A district's days per category, as a bar of segments. */
	record Bar(String name, String y, String labelY, List<Segment> segments) {
	}

	record Segment(String x, String width, String css, String title) {
	}

	/** Measured and watched in a district. */
	record Watched(String name, String population, long measures, String measuresPer100k, long watches,
			String watchesPer100k) {
	}

	record IndicatorsView(List<Choice> choices, Indicator indicator, String name, String unit, int year,
			List<Ranked> ranking, List<Without> without, List<String> equity, String viewBox, List<Area> areas,
			List<Key> legend, List<Key> categories, String barsViewBox, List<Bar> bars, List<Watched> watched,
			Watched city, List<String> spreads, String csv) {

		public boolean isIndex() {
			return !categories.isEmpty();
		}

	}

	IndicatorsView indicators(Language language, Reader reader, String code, Integer year) {
		Locale locale = language.locale();
		List<Indicator> catalogue = catalogue();
		String chosen = code == null || code.isBlank() ? catalogue.getFirst().code() : code.strip();
		Indicator indicator = indicators.indicator(chosen);
		int asked = year(chosen, year);
		DistrictTable table = table(reader, chosen, asked);
		NumberFormat one = format(locale, 1);
		List<DistrictRow> valued = table.districts()
			.stream()
			.filter(row -> row.value() != null)
			.sorted(Comparator.comparing(DistrictRow::value).reversed().thenComparing(DistrictRow::name))
			.toList();
		List<Ranked> ranking = new ArrayList<>();
		for (DistrictRow row : valued) {
			ranking.add(new Ranked(ranking.size() + 1, row.district(), row.name(), one.format(row.value()), row.stations(),
					coverage(row, locale), row.population() == null ? "–" : format(locale, 0).format(row.population()),
					row.exposure() == null ? "–" : format(locale, 0).format(row.exposure()),
					row.categories().stream().map(CategoryDays::days).toList()));
		}
		List<Without> without = table.districts()
			.stream()
			.filter(row -> row.value() == null)
			.map(row -> new Without(row.district(), row.name(),
					text(row.stations() == 0 ? "districts.without.no-station" : "districts.without.little-data", locale),
					row.stations(), coverage(row, locale)))
			.toList();
		Map<String, String> names = new HashMap<>();
		table.districts().forEach(row -> names.put(row.district(), row.name()));
		String unit = unit(indicator, locale);
		// the map's classes: equal intervals between the lowest and the highest value
		double low = valued.stream().mapToDouble(DistrictRow::value).min().orElse(0);
		double high = valued.stream().mapToDouble(DistrictRow::value).max().orElse(0);
		List<Key> legend = new ArrayList<>();
		if (!valued.isEmpty()) {
			if (high - low < 1e-9) {
				legend.add(new Key("map-class-3", one.format(low) + " " + unit));
			}
			else {
				for (int i = 0; i < CLASSES; i++) {
					legend.add(new Key("map-class-" + (i + 1), one.format(low + (high - low) * i / CLASSES) + " – "
							+ one.format(low + (high - low) * (i + 1) / CLASSES) + " " + unit));
				}
			}
		}
		legend.add(new Key("map-none", text("districts.map.none", locale)));
		Map<String, DistrictRow> rows = new HashMap<>();
		table.districts().forEach(row -> rows.put(row.district(), row));
		DistrictShapes.Drawing drawing = shapes.drawing();
		SensingByDistrict counted = reader instanceof Reader.Person ? sensing.count() : kept.sensing();
		List<Area> areas = new ArrayList<>();
		for (DistrictShapes.Shape shape : drawing.shapes()) {
			DistrictRow row = rows.get(shape.id());
			String css = row == null || row.value() == null ? "map-none"
					: high - low < 1e-9 ? "map-class-3"
							: "map-class-" + (1 + Math.min(CLASSES - 1, (int) ((row.value() - low) / (high - low) * CLASSES)));
			String value = row == null || row.value() == null ? text("districts.map.none", locale)
					: one.format(row.value()) + " " + unit;
			areas.add(new Area(shape.id(), shape.path(), css, shape.name() + ": " + value));
		}
		List<Key> categories = new ArrayList<>();
		List<Bar> bars = new ArrayList<>();
		if (chosen.equals(indicatorsIndexCode()) && index.isPresent()) {
			index.get().categories().forEach(category -> categories.add(new Key("air-fill-" + category.level(),
					text(index.get().key(category), locale))));
			int y = 0;
			for (DistrictRow row : table.districts()) {
				bars.add(bar(row.name(), y, row.categories(), row.days(), categories, locale));
				y += BAR_STEP;
			}
		}
		return new IndicatorsView(choices(catalogue, chosen, locale), indicator, name(indicator, locale), unit, asked,
				ranking, without, equity(table.equity(), names, unit, locale), drawing.viewBox(), areas, legend,
				categories, "0 0 " + DistrictShapes.WIDTH + " " + Math.max(BAR_STEP, bars.size() * BAR_STEP), bars,
				watched(counted, locale), watched(counted.city(), text("districts.sensing.city", locale), locale),
				spreads(counted, locale),
				"/api/indicators/" + chosen + "/districts?year=" + asked + "&format=csv");
	}

	static final int BAR_STEP = 28;

	static final int BAR_LEFT = 180;

	/** Days per category along a bar as wide as the period's days, the rest (no category) left blank. */
	private Bar bar(String name, int y, List<CategoryDays> days, int periodDays, List<Key> categories, Locale locale) {
		double x = BAR_LEFT;
		double per = (double) (DistrictShapes.WIDTH - BAR_LEFT - 8) / Math.max(1, periodDays);
		List<Segment> segments = new ArrayList<>();
		for (int i = 0; i < days.size(); i++) {
			CategoryDays category = days.get(i);
			if (category.days() > 0) {
				double width = category.days() * per;
				segments.add(new Segment(coordinate(x), coordinate(width), "air-fill-" + category.level(),
						categories.get(i).label() + ": " + text("districts.days", locale, category.days())));
				x += width;
			}
		}
		return new Bar(name, Integer.toString(y + 4), Integer.toString(y + 19), segments);
	}

	private static String coordinate(double value) {
		return String.format(Locale.ROOT, "%.1f", value);
	}

	/** The code of the indicator of the city's index (IndicatorCatalogue.LOCAL_INDEX, package-private there). */
	private String indicatorsIndexCode() {
		return "local-index-days";
	}

	private List<String> equity(EquitySummary equity, Map<String, String> names, String unit, Locale locale) {
		List<String> words = new ArrayList<>();
		if (equity.cityValue() == null) {
			words.add(text("districts.equity.none", locale));
			return words;
		}
		NumberFormat one = format(locale, 1);
		words.add(text("districts.equity.city", locale, one.format(equity.cityValue()), unit,
				format(locale, 0).format(equity.population())));
		words.add(text("districts.equity.best-worst", locale, names.get(equity.best()), one.format(equity.bestValue()),
				names.get(equity.worst()), one.format(equity.worstValue()), unit));
		words.add(equity.ratio() == null
				? text("districts.equity.no-ratio", locale, one.format(equity.gap()), unit)
				: text("districts.equity.ratio", locale, format(locale, 2).format(equity.ratio()),
						one.format(equity.gap()), unit));
		if (equity.theil() != null) {
			words.add(text("districts.equity.theil", locale, format(locale, 3).format(equity.theil())));
		}
		if (!equity.withoutValue().isEmpty()) {
			words.add(text("districts.equity.without", locale, equity.withoutValue().size()));
		}
		return words;
	}

	private static List<Watched> watched(SensingByDistrict counted, Locale locale) {
		return counted.districts().stream().map(row -> watched(row, row.name(), locale)).toList();
	}

	private static Watched watched(DistrictSensing row, String name, Locale locale) {
		NumberFormat one = format(locale, 1);
		return new Watched(name, row.population() == null ? "–" : format(locale, 0).format(row.population()),
				row.measures().datastreams(), per(row.measures().datastreamsPer100k(), one),
				row.watches().datastreams(), per(row.watches().datastreamsPer100k(), one));
	}

	private static String per(Double value, NumberFormat format) {
		return value == null ? "–" : format.format(value);
	}

	/** The spread of monitors and of identifying sensors per 100,000 inhabitants, in words. */
	private List<String> spreads(SensingByDistrict counted, Locale locale) {
		Map<String, String> names = new HashMap<>();
		counted.districts().forEach(row -> names.put(row.district(), row.name()));
		List<String> words = new ArrayList<>();
		NumberFormat one = format(locale, 1);
		for (SensingByDistrict.Spread spread : counted.spreads()) {
			String figure = switch (spread.figure()) {
				case "measures.datastreamsPer100k" -> "districts.sensing.spread.measures";
				case "watches.datastreamsPer100k" -> "districts.sensing.spread.watches";
				default -> null;
			};
			if (figure != null) {
				words.add(text(figure, locale, names.get(spread.highest()), one.format(spread.highestValue()),
						names.get(spread.lowest()), one.format(spread.lowestValue()), one.format(spread.gap()),
						spread.ratio() == null ? "–" : format(locale, 2).format(spread.ratio())));
			}
		}
		return words;
	}

	/** An indicator's value in the district, in the indicators' table of it. */
	record Value(String code, String name, String value, String unit, String coverage, boolean chosen) {
	}

	/** A month's bar (or stacked bar, for the index) and its label. */
	record MonthBar(String x, String y, String width, String height, String label, String value, String labelX,
			List<Stacked> stacked) {
	}

	/** A part of a month's stacked bar: a category's days, from its top down. */
	record Stacked(String y, String height, String css, String title) {
	}

	/** A month in the table under the chart. */
	record MonthLine(String month, String value, String validDays, String coverage, List<Integer> categories) {
	}

	record DistrictView(District district, String population, String area, int year, List<Choice> choices,
			List<Value> values, Indicator indicator, String name, String unit, String chartTitle,
			List<MonthBar> bars, List<Tick> levels, List<MonthLine> months, List<Key> categories, String csv) {

		public boolean isIndex() {
			return !categories.isEmpty();
		}

	}

	/** A level up the chart's side. */
	record Tick(String y, String label) {
	}

	static final int CHART_LEFT = 56;

	static final int CHART_TOP = 12;

	static final int CHART_BOTTOM = 200;

	DistrictView district(Language language, Reader reader, String id, String code, Integer year) {
		Locale locale = language.locale();
		District district = districts.byId(id)
			.orElseThrow(() -> ApiException.notFound("there is no district '" + id + "'").with("parameter", "district"));
		List<Indicator> catalogue = catalogue();
		String chosen = code == null || code.isBlank() ? catalogue.getFirst().code() : code.strip();
		Indicator indicator = indicators.indicator(chosen);
		int asked = year(chosen, year);
		List<Value> values = new ArrayList<>();
		for (Indicator each : catalogue) {
			DistrictRow row = table(reader, each.code(), asked).districts()
				.stream()
				.filter(r -> r.district().equals(id))
				.findFirst()
				.orElse(null);
			String value = row == null || row.value() == null
					? text(row == null || row.stations() == 0 ? "districts.without.no-station"
							: "districts.without.little-data", locale)
					: format(locale, 1).format(row.value());
			values.add(new Value(each.code(), name(each, locale), value, unit(each, locale),
					row == null ? "–" : coverage(row, locale), each.code().equals(chosen)));
		}
		DistrictMonths months = reader instanceof Reader.Person person
				? indicators.months(person.context(), chosen, id, asked) : kept.months(chosen, id, asked);
		List<Key> categories = new ArrayList<>();
		if (chosen.equals(indicatorsIndexCode()) && index.isPresent()) {
			index.get().categories().forEach(category -> categories.add(new Key("air-fill-" + category.level(),
					text(index.get().key(category), locale))));
		}
		NumberFormat one = format(locale, 1);
		double most = months.months().stream().mapToDouble(m -> m.value() == null ? 0 : m.value()).max().orElse(0);
		if (!categories.isEmpty()) {
			most = months.months().stream().mapToInt(DistrictMonths.MonthRow::days).max().orElse(31);
		}
		most = most <= 0 ? 1 : most;
		double slot = (DistrictShapes.WIDTH - CHART_LEFT - 8) / 12.0;
		double plot = CHART_BOTTOM - CHART_TOP;
		List<MonthBar> bars = new ArrayList<>();
		List<MonthLine> lines = new ArrayList<>();
		for (int i = 0; i < months.months().size(); i++) {
			DistrictMonths.MonthRow month = months.months().get(i);
			String label = YearMonth.parse(month.month()).getMonth().getDisplayName(TextStyle.SHORT, locale);
			double x = CHART_LEFT + i * slot + slot * 0.15;
			double width = slot * 0.7;
			List<Stacked> stacked = new ArrayList<>();
			double top = CHART_BOTTOM;
			if (!categories.isEmpty()) {
				for (int c = 0; c < month.categories().size(); c++) {
					CategoryDays days = month.categories().get(c);
					if (days.days() > 0) {
						double h = days.days() / most * plot;
						top -= h;
						stacked.add(new Stacked(coordinate(top), coordinate(h), "air-fill-" + days.level(),
								categories.get(c).label() + ": " + text("districts.days", locale, days.days())));
					}
				}
			}
			else if (month.value() != null) {
				top = CHART_BOTTOM - Math.max(0, month.value()) / most * plot;
			}
			String value = month.value() == null ? "–" : one.format(month.value());
			bars.add(new MonthBar(coordinate(x), coordinate(top), coordinate(width), coordinate(CHART_BOTTOM - top),
					label, value, coordinate(x + width / 2), stacked));
			lines.add(new MonthLine(YearMonth.parse(month.month()).format(DateTimeFormatter.ofPattern("LLLL yyyy", locale)),
					month.value() == null ? text(month.stations() == 0 ? "districts.without.no-station"
							: "districts.without.little-data", locale) : one.format(month.value()),
					month.validDays() == null ? "–" : Integer.toString(month.validDays()),
					month.hoursPossible() == 0 ? "–"
							: format(locale, 0).format(100.0 * month.hoursWithData() / month.hoursPossible()) + " %",
					month.categories().stream().map(CategoryDays::days).toList()));
		}
		List<Tick> levels = new ArrayList<>();
		for (double level : new double[] { 0, most / 2, most }) {
			levels.add(new Tick(coordinate(CHART_BOTTOM - level / most * plot + 4), one.format(level)));
		}
		String unit = unit(indicator, locale);
		return new DistrictView(district,
				district.population() == null ? "–" : format(locale, 0).format(district.population()),
				format(locale, 1).format(district.areaKm2()), asked, choices(catalogue, chosen, locale), values,
				indicator, name(indicator, locale), unit,
				text("districts.chart.title", locale, name(indicator, locale), district.name(), asked), bars, levels,
				lines, categories, "/api/indicators/" + chosen + "/districts/" + id + "/months?year=" + asked
						+ "&format=csv");
	}

	private List<Indicator> catalogue() {
		return indicators.catalogue()
			.stream()
			.filter(indicator -> !indicator.code().equals(indicatorsIndexCode()) || index.isPresent())
			.toList();
	}

	private int year(String code, Integer year) {
		if (year == null) {
			return kept.newestYear(code);
		}
		if (year < 1900 || year > 2999) {
			throw ApiException.badRequest("year is from 1900 to 2999").with("parameter", "year");
		}
		return year;
	}

	private DistrictTable table(Reader reader, String code, int year) {
		return switch (reader) {
			case Reader.Anyone anyone -> kept.table(code, year);
			case Reader.Person person -> indicators.table(person.context(), code, java.time.LocalDate.of(year, 1, 1),
					java.time.LocalDate.of(year + 1, 1, 1));
		};
	}

	private List<Choice> choices(List<Indicator> catalogue, String chosen, Locale locale) {
		return catalogue.stream()
			.map(indicator -> new Choice(indicator.code(), name(indicator, locale), indicator.code().equals(chosen)))
			.toList();
	}

	/** An indicator's name in the page's language; the catalogue's (English) for one the labels do not know. */
	private String name(Indicator indicator, Locale locale) {
		return messages.getMessage("districts.indicator." + indicator.code(), null, indicator.name(), locale);
	}

	private String unit(Indicator indicator, Locale locale) {
		return indicator.unit().equals("days") ? text("districts.unit.days", locale) : indicator.unit();
	}

	private static String coverage(DistrictRow row, Locale locale) {
		return row.hoursPossible() == 0 ? "–"
				: format(locale, 0).format(100.0 * row.hoursWithData() / row.hoursPossible()) + " %";
	}

	private static NumberFormat format(Locale locale, int digits) {
		NumberFormat format = NumberFormat.getNumberInstance(locale);
		format.setMaximumFractionDigits(digits);
		return format;
	}

	private String text(String key, Locale locale, Object... arguments) {
		return messages.getMessage(key, arguments, locale);
	}

}
