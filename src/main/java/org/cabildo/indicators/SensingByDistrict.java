package org.cabildo.indicators;

import java.util.List;

/**
 * Measured and watched, per district: where the city measures its environment and where it
 * watches its people, from the public register's declarations.
 * <ul>
 * <li>A stream counts when it is declared (its current declaration in the register) and not
 * retired; Datastreams and MultiDatastreams alike, each once.</li>
 * <li>A stream is in the district its Thing is placed in (the Thing's first Location inside the
 * district's boundary); streams whose Thing is in no district are only counted in
 * {@code unplacedDatastreams}.</li>
 * <li><b>measures</b>: streams declared with personal-data class {@code none}; <b>watches</b>:
 * those declared {@code pseudonymous}, {@code personal} or {@code sensitive} (data about people,
 * from identifying technologies).</li>
 * <li>By purpose: a stream with several declared purposes (DTPR purpose ids) counts once in
 * each; purposes no counted stream declares are left out.</li>
 * <li>{@code things} of a tally: the distinct Things that carry its streams; {@code things} of a
 * district: every Thing placed in it, with streams or without.</li>
 * <li>Per 100,000 inhabitants: the count × 100,000 ÷ the district's population; null when the
 * population is unknown or zero. The city's: the districts' counts summed over the districts'
 * population summed, both of the districts whose population is known.</li>
 * <li>Spreads: for each per-100,000 figure, the district where it is highest and lowest (of the
 * districts with a population; the lower code first on a tie), their ratio (highest ÷ lowest;
 * null when the lowest is 0) and gap (highest − lowest).</li>
 * </ul>
 *
 * @param method these definitions, in words, with the answer
 * @param city the districts together
 * @param unplacedDatastreams declared streams whose Thing is in no district
 */
public record SensingByDistrict(String method, List<DistrictSensing> districts, DistrictSensing city,
		long unplacedDatastreams, List<Spread> spreads) {

	/**
	 * @param district the district's code; null for the city
	 * @param things the Things placed in it
	 */
	public record DistrictSensing(String district, String name, Long population, long things, Tally measures,
			Tally watches, List<ClassTally> byClass, List<PurposeTally> byPurpose) {
	}

	/** Streams and the distinct Things that carry them, as counts and per 100,000 inhabitants. */
	public record Tally(long datastreams, long things, Double datastreamsPer100k, Double thingsPer100k) {
	}

	/** @param personalDataClass {@code none}, {@code pseudonymous}, {@code personal} or {@code sensitive} */
	public record ClassTally(String personalDataClass, Tally tally) {
	}

	/** @param purpose a DTPR purpose id */
	public record PurposeTally(String purpose, Tally tally) {
	}

	/**
	 * @param figure which per-100,000 figure, e.g. {@code watches.datastreamsPer100k},
	 * {@code class.personal.thingsPer100k}, {@code purpose.ecology.datastreamsPer100k}
	 * @param ratio highest ÷ lowest; null when the lowest is 0
	 * @param gap highest − lowest
	 */
	public record Spread(String figure, String highest, double highestValue, String lowest, double lowestValue,
			Double ratio, double gap) {
	}

	static final String METHOD = """
			Counts the streams (Datastreams and MultiDatastreams) that are declared in the public register and \
			not retired, in the district their Thing is placed in (its first Location inside the district's \
			boundary); streams of Things in no district are counted in unplacedDatastreams only. 'measures': \
			declared with personal-data class none; 'watches': declared pseudonymous, personal or sensitive (data \
			about people). By purpose: a stream counts once in each purpose it declares (DTPR ids). A tally's \
			'things': the distinct Things carrying its streams; a district's 'things': all Things placed in it. \
			Per 100,000 inhabitants: count x 100000 / population (null without a population); the city's: sums \
			over the districts with a population. Spreads: per figure, the highest and lowest district (of those \
			with a population; lower code first on ties), ratio highest/lowest (null when the lowest is 0) and \
			gap highest-lowest.""";

}
