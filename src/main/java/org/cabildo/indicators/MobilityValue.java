package org.cabildo.indicators;

import java.time.LocalDate;

/**
 * A mobility indicator's value over one month or year of the city, for one kind of day
 * (cyclists) or one operator (ridership).
 *
 * @param period {@code 2017-07} or {@code 2017}
 * @param from its first day within the period asked
 * @param to the day after its last within the period asked
 * @param group {@code weekdays}, {@code weekends} or {@code all} (cyclists); the operator or {@code all} (ridership)
 * @param value the mean (cyclists per counter per day, or passengers per day); null below the rule of coverage
 * @param baseline the operator's mean daily passengers in the series' first week (ridership); null otherwise
 * @param changePercent the value against the baseline, in per cent (-80.0: a fifth of it); null without either
 * @param daysWithData days of the group's kind in [from, to) with at least one count that counts
 * @param days days of the group's kind in [from, to)
 * @param coverage daysWithData / days
 * @param counts how many counts (a counter's or a line's day) the value is made of
 * @param leftOut how many counts of [from, to) were left out (outage, malfunction, empty)
 */
public record MobilityValue(String period, LocalDate from, LocalDate to, String group, Double value, Double baseline,
		Double changePercent, int daysWithData, int days, double coverage, long counts, long leftOut) {
}
