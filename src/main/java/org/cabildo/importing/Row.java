package org.cabildo.importing;

import java.time.OffsetDateTime;

/**
 * One value of a readings file: a long file has one per record, a wide one one per parameter
 * column. Either a candidate Observation or a row the import refuses before sending it.
 */
public sealed interface Row {

	/** The 0-based position of its record among the file's data records (resuming counts these). */
	long record();

	/** The line of the file it starts on (1 is the header). */
	long line();

	String[] cells();

	String parameter();

	/** A value to send: its station, parameter, time (with offset) and number. */
	record Candidate(long record, long line, String[] cells, String station, String parameter, OffsetDateTime time,
			double value) implements Row {
	}

	/** A value the import refuses, with why. */
	record Refused(long record, long line, String[] cells, String parameter, String reason) implements Row {
	}

}
