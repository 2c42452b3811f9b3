package org.cabildo.indicators;

import java.util.Locale;
import java.util.Objects;
import java.util.regex.Pattern;

/**
 * A daily mobility series of the city as a whole, as it is loaded: what it counts and whom to
 * attribute. Its counts have no place finer than the city (a counter's street, a transit line),
 * which is why they are a series of their own and not SensorThings Observations (see
 * {@link MobilitySeriesRegister}).
 *
 * @param code its name in the API, e.g. {@code cdmx-bike-counters}
 * @param kind what one count is: a counter's cyclists or a line's passengers of a day
 * @param name what it counts, in words
 * @param unit what one count is in words (e.g. "cyclists per day")
 * @param source whom to attribute, and the licence
 * @param caveats what the counts are not
 */
public record MobilitySeries(String code, Kind kind, String name, String unit, String source, String caveats) {

	private static final Pattern CODE = Pattern.compile("[a-z0-9][a-z0-9-]{0,63}");

	/** What a series counts, and so which indicator reads it. */
	public enum Kind {

		/** Cyclists an automatic counter counted in a day. */
		CYCLISTS,

		/** Passengers of a transit line in a day. */
		RIDERSHIP;

		String column() {
			return name().toLowerCase(Locale.ROOT);
		}

		static Kind of(String column) {
			return valueOf(column.toUpperCase(Locale.ROOT));
		}

	}

	public MobilitySeries {
		Objects.requireNonNull(code, "code");
		if (!CODE.matcher(code).matches()) {
			throw new IllegalArgumentException("a series' code is lower-case letters, digits and dashes, not " + code);
		}
		Objects.requireNonNull(kind, "kind");
		Objects.requireNonNull(name, "name");
		Objects.requireNonNull(unit, "unit");
		Objects.requireNonNull(source, "source");
		Objects.requireNonNull(caveats, "caveats");
	}

}
