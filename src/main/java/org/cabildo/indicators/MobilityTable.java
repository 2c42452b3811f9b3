package org.cabildo.indicators;

import java.time.LocalDate;
import java.util.List;

/**
 * A mobility indicator for the city over a period: its values per month and per year.
 *
 * @param indicator its definition
 * @param scope always {@code city}: the sources have no place finer than the city
 * @param scopeNote why no value per district is given
 * @param series the series it is read from, with whom to attribute
 * @param from the first day asked
 * @param to the day after the last day asked
 * @param baselineFrom the first day of the baseline (ridership); null otherwise
 * @param baselineTo the day after its last; null otherwise
 * @param leftOut counts of the period left out, by reason
 * @param months one value per month and group
 * @param years one value per year and group
 */
public record MobilityTable(Indicator indicator, String scope, String scopeNote, MobilitySeries series, LocalDate from,
		LocalDate to, LocalDate baselineFrom, LocalDate baselineTo, List<LeftOut> leftOut, List<MobilityValue> months,
		List<MobilityValue> years) {

	/** How many counts of the period were left out for one reason ({@code outage}, {@code malfunction}, {@code empty}). */
	public record LeftOut(String reason, long counts) {
	}

}
