package org.cabildo.indicators;

import java.time.ZoneId;
import java.util.List;
import java.util.Objects;
import java.util.OptionalDouble;

/**
 * A stream's period (a year, as WHO's levels mean it) held against one WHO 2021 guideline: what
 * the indicator pages show for one station and one level. Hour means in µg/m³
 * ({@link HourMean#inMicrograms} converts ppb).
 */
sealed interface WhoAssessment {

	WhoGuideline guideline();

	/**
	 * A 24-hour or 8-hour level, held against the period day by day.
	 *
	 * @param days every day of the period, with its value when valid
	 * @param exceedances valid days above the level
	 * @param percentile99 the 99th percentile of the valid days (nearest rank), null without
	 * valid days: WHO's level is met when it is at or below the level
	 */
	record ShortTerm(WhoGuideline guideline, List<AirDay> days, AirExceedances exceedances, Double percentile99)
			implements WhoAssessment {

		public ShortTerm {
			Objects.requireNonNull(guideline, "guideline");
			days = List.copyOf(days);
			Objects.requireNonNull(exceedances, "exceedances");
		}

		/** Null when nothing can be told. */
		Boolean meetsGuideline() {
			return percentile99 == null ? null : percentile99 <= guideline.level();
		}

	}

	/**
	 * An annual or peak-season level, held against one value of the period.
	 *
	 * @param value the annual mean or the peak season's value; null below the method's rule
	 * @param hours hours with data of the period's hours (for the annual mean, its rule)
	 * @param peakSeason for ozone's peak season, which months it is; else null
	 */
	record LongTerm(WhoGuideline guideline, Double value, AirCoverage hours, AirPeakSeason peakSeason)
			implements WhoAssessment {

		public LongTerm {
			Objects.requireNonNull(guideline, "guideline");
			Objects.requireNonNull(hours, "hours");
		}

		/** Null when nothing can be told. */
		Boolean meetsGuideline() {
			return value == null ? null : value <= guideline.level();
		}

	}

	/**
	 * @param hours the stream's hour means in µg/m³; for the 8-hour level and the peak season
	 * also the 7 hours before the period, which its first 8-hour means reach into
	 */
	static WhoAssessment of(WhoGuideline guideline, List<HourMean> hours, ZoneId zone, AirPeriod period) {
		return switch (guideline.averaging()) {
			case DAY -> shortTerm(guideline, AirDays.means(hours, zone, period));
			case EIGHT_HOURS -> shortTerm(guideline, AirDays.maximumEightHourMeans(hours, zone, period));
			case YEAR -> {
				AirMean mean = AirMean.of(hours, zone, period);
				yield new LongTerm(guideline, mean.value(), mean.coverage(), null);
			}
			case PEAK_SEASON -> {
				AirPeakSeason season = AirPeakSeason.of(AirDays.maximumEightHourMeans(hours, zone, period)).orElse(null);
				AirCoverage coverage = AirMean.of(hours, zone, period).coverage();
				yield new LongTerm(guideline, season == null ? null : season.value(), coverage, season);
			}
			default -> throw new IllegalArgumentException(guideline.code() + ": WHO 2021 has no level averaged over "
					+ guideline.averaging());
		};
	}

	private static ShortTerm shortTerm(WhoGuideline guideline, List<AirDay> days) {
		OptionalDouble percentile = AirDays.percentile(days, 99);
		return new ShortTerm(guideline, days, AirDays.exceedances(days, guideline.level()),
				percentile.isPresent() ? percentile.getAsDouble() : null);
	}

}
