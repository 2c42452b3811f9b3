package org.cabildo.indicators.air;

/** The time over which a band table or a guideline averages a pollutant. */
public enum Averaging {

	/** An hourly mean (what the demo city's networks publish each hour). */
	HOUR,

	/** A moving mean of 8 hours. */
	EIGHT_HOURS,

	/** The weighted moving mean of 12 hours that NOM-172 uses for particles (NowCast-like). */
	TWELVE_HOURS_WEIGHTED,

	/** A 24-hour mean. */
	DAY,

	/** WHO's ozone peak season: the highest six-month mean of the daily maximum 8-hour means. */
	PEAK_SEASON,

	/** An annual mean. */
	YEAR;

	/** The key of its name in the labels ({@code air.averaging.hour}). */
	public String key() {
		return "air.averaging." + name().toLowerCase(java.util.Locale.ROOT).replace('_', '-');
	}

}
