package org.cabildo.portal.operator;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;

import org.cabildo.platform.CityTime;

/** When a credential stops working, as a form gives it: the end of a day (yyyy-mm-dd) in the city. */
final class Expiry {

	private Expiry() {
	}

	/**
	 * The end of the day the field names, in the city's time zone; null for a field left empty (it
	 * does not expire) or one that is wrong, whose problem is then noted.
	 */
	static Instant of(String day, String field, Problems problems, Texts texts, CityTime city, Clock clock) {
		if (day.isBlank()) {
			return null;
		}
		try {
			Instant end = LocalDate.parse(day.strip()).plusDays(1).atStartOfDay(city.zone()).toInstant();
			if (!end.isAfter(clock.instant())) {
				problems.add(field, texts.problem("operator.problem.past"));
				return null;
			}
			return end;
		}
		catch (DateTimeParseException e) {
			problems.add(field, texts.problem("operator.problem.date"));
			return null;
		}
	}

}
