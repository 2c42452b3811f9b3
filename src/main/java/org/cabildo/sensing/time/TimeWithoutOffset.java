package org.cabildo.sensing.time;

/**
 * A time written without a UTC offset where no time zone says how to read it: refused, never
 * taken as UTC. An Observation's times may still be read in the city's zone once its stream is
 * known to say its times are local ({@code properties["cabildo:localTime"]: true}).
 */
public class TimeWithoutOffset extends IllegalArgumentException {

	private final String text;

	TimeWithoutOffset(String text) {
		super("'" + text + "' has no UTC offset, and a time without one is not taken as UTC: write it with the"
				+ " offset of the clock that took it, e.g. " + text + "Z for UTC or " + text + "-06:00 for a clock six"
				+ " hours behind UTC, or mark its Datastream's properties with \"cabildo:localTime\": true to have its"
				+ " times without offset read in the city's time zone");
		this.text = text;
	}

	/** The time as written. */
	public String text() {
		return text;
	}

}
