package org.cabildo.platform;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.ZonedDateTime;

/**
 * The city's time zone ({@code cabildo.city.time-zone}, an IANA name): what "a day" and "a month"
 * mean wherever the platform counts per day or per month (aggregates kept by retention, the
 * ledger's summary, pilots' end dates), and how a Datastream that says so reads times written
 * without a UTC offset. One bean, so that every module means the same days.
 */
public record CityTime(ZoneId zone) {

	public static final CityTime UTC = new CityTime(ZoneId.of("UTC"));

	public CityTime {
		if (zone == null) {
			throw new IllegalArgumentException("the city's time zone is needed");
		}
	}

	/**
	 * The zone of an IANA name such as {@code America/Mexico_City}.
	 *
	 * @throws IllegalArgumentException naming the setting and what it accepts
	 */
	public static CityTime of(String name) {
		try {
			return new CityTime(ZoneId.of(name.trim()));
		}
		catch (RuntimeException e) {
			throw new IllegalArgumentException("cabildo.city.time-zone (CABILDO_CITY_TIME_ZONE) '" + name
					+ "' is not a time zone: give an IANA name such as America/Mexico_City, America/Sao_Paulo or UTC",
					e);
		}
	}

	/**
	 * Today on the city's calendar, by this clock: the one "today" of the platform (pilots' end
	 * dates, the days collection stops), whatever the UTC date is at that moment.
	 */
	public LocalDate today(Clock clock) {
		return date(clock.instant());
	}

	/** The city's calendar date at an instant. */
	public LocalDate date(Instant instant) {
		return LocalDate.ofInstant(instant, zone);
	}

	/** An instant as the city's clocks show it. */
	public ZonedDateTime local(Instant instant) {
		return instant.atZone(zone);
	}

	/** The IANA name, as answers say which zone their days are in. */
	public String name() {
		return zone.getId();
	}

}
