package org.cabildo.indicators;

import java.time.Clock;
import java.time.LocalDate;
import java.util.function.Supplier;

import org.cabildo.platform.KeptAnswers;
import org.cabildo.sensing.ReadContext;
import org.springframework.stereotype.Component;

import jakarta.annotation.PreDestroy;

/**
 * The indicators' tables as anyone who has not signed in reads them (the API's answers and the
 * portal's district pages), computed once for every such reader and kept a while
 * ({@code cabildo.indicators.public-kept}, a minute): a table reads up to a year of rollups of
 * every stream of a pollutant, too much to do for each anonymous request. An anonymous reader
 * reads only open streams, and the same for all, so one answer serves them all; a signed-in
 * person's tables are computed for them on each request.
 */
@Component
public class PublicIndicators {

	static final int MOST = 128;

	static final int MAKERS = 2;

	private final AirIndicators indicators;

	private final MeasuredAndWatched sensing;

	private final KeptAnswers kept;

	PublicIndicators(AirIndicators indicators, MeasuredAndWatched sensing, Clock clock, IndicatorsSettings settings) {
		this.indicators = indicators;
		this.sensing = sensing;
		this.kept = new KeptAnswers("kept-indicators", MAKERS, MOST, settings.publicKept(), clock);
	}

	@PreDestroy
	void stop() {
		kept.close();
	}

	/** The year an indicator's pages show when none is asked. */
	public int newestYear(String code) {
		return keep("year|" + code, () -> indicators.newestYear(code));
	}

	/** An indicator's table of districts over a calendar year, as anyone reads it. */
	public DistrictTable table(String code, int year) {
		LocalDate from = LocalDate.of(year, 1, 1);
		return table(code, from, from.plusYears(1));
	}

	/** An indicator's table of districts over local days [from, to), as anyone reads it. */
	public DistrictTable table(String code, LocalDate from, LocalDate to) {
		return keep("table|" + code + "|" + from + "|" + to, () -> indicators.table(anonymous(
				"/api/indicators/" + code + "/districts?from=" + from + "&to=" + to), code, from, to));
	}

	/** An indicator in a district month by month, as anyone reads it. */
	public DistrictMonths months(String code, String district, int year) {
		return keep("months|" + code + "|" + year + "|" + district, () -> indicators
			.months(anonymous("/districts/" + district + "?indicator=" + code + "&year=" + year), code, district, year));
	}

	/** Measured and watched per district (counted from the public register, the same for everyone). */
	public SensingByDistrict sensing() {
		return keep("sensing", sensing::count);
	}

	private static ReadContext anonymous(String request) {
		return new ReadContext.Anonymous(null, "GET " + request);
	}

	private <T> T keep(String key, Supplier<T> make) {
		return kept.keep(key, make);
	}

}
