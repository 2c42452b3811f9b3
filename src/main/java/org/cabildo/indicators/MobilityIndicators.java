package org.cabildo.indicators;

import java.time.LocalDate;
import java.util.List;
import java.util.stream.Collectors;

import org.cabildo.indicators.MobilityMonths.Length;
import org.cabildo.indicators.MobilitySeriesRegister.DayTotal;
import org.cabildo.platform.ApiException;
import org.springframework.stereotype.Service;

/**
 * The city's mobility indicators: cyclists at automatic counters and transit ridership, per
 * month and year, from the series of {@link MobilitySeriesRegister}. City-level only: the sources
 * place a counter by its street's name and a count of passengers by its line, never at a point,
 * so no district can be told (see the register for why they are not Observations).
 * <p>
 * No U4SSC KPI is named: ITU's transport KPIs (public transport network length, access within
 * 0.5 km of a stop, bicycle network, mode share from travel surveys) are not what counter counts or
 * ridership measure, and none was found that they do.
 */
@Service
class MobilityIndicators {

	static final String CYCLISTS = "mobility-cyclists-daily";

	static final String RIDERSHIP = "mobility-transit-ridership";

	/** The longest period one answer covers: 10 years of days, at most 120 months per group. */
	static final int MOST_DAYS = 3653;

	/** Ridership is held against the series' first days: for the demo, 1 to 7 March 2020, before COVID-19's measures. */
	static final int BASELINE_DAYS = 7;

	static final String SCOPE_NOTE = "City-level: the source names a counter's street or a transit line, with no"
			+ " coordinates, so no district can be told; there is no value per district.";

	private static final String COVERAGE = "A value needs data on " + (int) (MobilityMonths.COVERAGE * 100) + " % of its"
			+ " days (of the kind: weekdays, weekends) within the period asked; coverage says how many (days with data"
			+ " / days), and leftOut how many counts were left out.";

	static final Indicator CYCLISTS_INDICATOR = new Indicator(CYCLISTS,
			"Cyclists per counter per day, weekdays and weekends apart", "daily-mean", null, "cyclists per counter per day",
			null, "the city's cyclist-counter series (kind cyclists): each automatic counter's count of cyclists per"
					+ " local day (for the demo city, SEMOVI's counters on Paseo de la Reforma 222, Av. Revolución and"
					+ " Av. Patriotismo, 2013 to 2019)",
			"For each month and year, and for weekdays (Monday to Friday), weekends (Saturday and Sunday) and all days"
					+ " apart: the sum of the counters' counts that count over their number, that is the mean count of a"
					+ " counter on a day. The mean is over the counters that counted: when a counter starts or stops, the"
					+ " mean moves with the mix (counts says how many counter-days back it). " + CounterOutages.RULE
					+ " Public holidays are not told apart.",
			COVERAGE, "the series' source (GET /api/indicators/" + CYCLISTS + "/city names it); the outage rule is"
					+ " Cabildo's own",
			List.of(), false, Indicator.CITY);

	static final Indicator RIDERSHIP_INDICATOR = new Indicator(RIDERSHIP,
			"Public-transport passengers per day, by operator, against the series' first week", "daily-mean", null,
			"passengers per day", null, "the city's transit-ridership series (kind ridership): each line's passengers"
					+ " per local day, by operator (for the demo city, the CDMX government's preliminary figures for"
					+ " STC Metro, Metrobús, Trolebús, Tren Ligero, RTP, Ecobici and Suburbano, March to August 2020)",
			"An operator's day is the sum of its lines' totals that day; a line whose total is empty in the source is"
					+ " left out of the sum and counted in leftOut. For each month and year and each operator (and all:"
					+ " every line summed), the mean of the days' sums over the days with data. changePercent holds it"
					+ " against the baseline: the operator's mean over the series' first " + BASELINE_DAYS + " days (for"
					+ " the demo city, 1 to 7 March 2020, the week before the COVID-19 measures), as (value / baseline -"
					+ " 1) x 100. The figures are preliminary as published.",
			COVERAGE + " The baseline follows the same rule over its " + BASELINE_DAYS + " days.",
			"the series' source (GET /api/indicators/" + RIDERSHIP + "/city names it)", List.of(), false,
			Indicator.CITY);

	private final MobilitySeriesRegister register;

	MobilityIndicators(MobilitySeriesRegister register) {
		this.register = register;
	}

	/**
	 * A city-level indicator over local days [from, to) (by default the whole series, its last 10
	 * years at most), from the series named, or the only one of its kind.
	 */
	MobilityTable table(Indicator indicator, String seriesCode, LocalDate from, LocalDate to) {
		MobilitySeries.Kind kind = switch (indicator.code()) {
			case CYCLISTS -> MobilitySeries.Kind.CYCLISTS;
			case RIDERSHIP -> MobilitySeries.Kind.RIDERSHIP;
			default -> throw ApiException.badRequest("'" + indicator.code() + "' has a value per district, not for the"
					+ " city alone: GET /api/indicators/" + indicator.code() + "/districts").with("parameter", "code");
		};
		MobilitySeries series = series(kind, seriesCode);
		LocalDate[] span = register.span(series.code())
			.orElseThrow(() -> ApiException.notFound("the series '" + series.code() + "' holds no counts")
				.with("parameter", "series"));
		if ((from == null) != (to == null)) {
			throw ApiException.badRequest("give from and to together").with("parameter", from == null ? "from" : "to");
		}
		LocalDate end = to == null ? span[1].plusDays(1) : to;
		LocalDate start = from == null ? max(span[0], end.minusDays(MOST_DAYS)) : from;
		if (!start.isBefore(end)) {
			throw ApiException.badRequest("from must be before to").with("parameter", "to");
		}
		if (MobilityMonths.days(start, end) > MOST_DAYS) {
			throw ApiException.badRequest("a period is at most " + MOST_DAYS + " days (10 years)").with("parameter", "to");
		}
		List<MobilityTable.LeftOut> leftOut = register.leftOut(series.code(), start, end);
		if (kind == MobilitySeries.Kind.CYCLISTS) {
			List<DayTotal> days = register.days(series.code(), start, end, false);
			return new MobilityTable(indicator, Indicator.CITY, SCOPE_NOTE, series, start, end, null, null, leftOut,
					MobilityMonths.cyclists(days, start, end, Length.MONTH),
					MobilityMonths.cyclists(days, start, end, Length.YEAR));
		}
		LocalDate baselineFrom = span[0];
		LocalDate baselineTo = span[0].plusDays(BASELINE_DAYS);
		List<DayTotal> baseline = register.days(series.code(), baselineFrom, baselineTo, true);
		List<DayTotal> days = register.days(series.code(), start, end, true);
		return new MobilityTable(indicator, Indicator.CITY, SCOPE_NOTE, series, start, end, baselineFrom, baselineTo,
				leftOut, MobilityMonths.ridership(days, start, end, Length.MONTH, baseline, baselineFrom, baselineTo),
				MobilityMonths.ridership(days, start, end, Length.YEAR, baseline, baselineFrom, baselineTo));
	}

	private MobilitySeries series(MobilitySeries.Kind kind, String code) {
		if (code != null) {
			return register.byCode(code)
				.filter(series -> series.kind() == kind)
				.orElseThrow(() -> ApiException.notFound("there is no " + kind.column() + " series '" + code + "'; there"
						+ " are: " + codes(kind)).with("parameter", "series"));
		}
		List<MobilitySeries> all = register.ofKind(kind);
		if (all.isEmpty()) {
			throw ApiException.notFound("no " + kind.column() + " series is loaded").with("parameter", "series");
		}
		if (all.size() > 1) {
			throw ApiException.badRequest("several " + kind.column() + " series are loaded: name one with series= (" + codes(
					kind) + ")").with("parameter", "series");
		}
		return all.getFirst();
	}

	private String codes(MobilitySeries.Kind kind) {
		return register.ofKind(kind).stream().map(MobilitySeries::code).limit(20).collect(Collectors.joining(", "));
	}

	private static LocalDate max(LocalDate a, LocalDate b) {
		return a.isAfter(b) ? a : b;
	}

}
