package org.cabildo.importing.web;

import java.time.Instant;
import java.util.List;
import java.util.Locale;

import com.fasterxml.jackson.annotation.JsonValue;

/**
 * An import as {@code GET /api/imports/{id}} answers it: where it is, what it counted, and the
 * summary the command line prints.
 *
 * @param recordsTotal the data records in the readings file
 * @param recordsRead the records read and acknowledged so far (a stopped import resumes after them)
 * @param created observations stored now
 * @param duplicates readings the platform held already: acknowledged, not stored twice
 * @param corrected readings the platform held at the same time with another result, which now holds the file's
 * @param folded readings past their stream's retention, added to the aggregates it keeps instead of stored
 * @param refused rows refused, by the import or by the platform; see {@code refusals} and {@code refusedRows}
 * @param rowsPerSecond rows handled per second while it ran
 * @param etaSeconds the time left at that rate while it runs; null when done or not yet known
 * @param message why it failed, was cancelled or interrupted; null otherwise
 * @param refusals the refused rows by reason, with a few examples each
 * @param summary the summary, as {@code ./cabildo import} prints it
 * @param refusedRows where the refused rows are, as CSV
 */
record ImportStatus(long id, Status status, String organisation, String startedBy, String mapping, long recordsTotal,
		long recordsRead, long created, long duplicates, long corrected, long folded, long refused, long thingsCreated,
		long datastreamsCreated, double rowsPerSecond, Long etaSeconds, Instant startedAt, Instant finishedAt,
		String message, List<Refusal> refusals, String summary, String refusedRows) {

	/** Where an import is. */
	enum Status {

		RUNNING, DONE, FAILED, CANCELLED,
		/** Its server stopped while it ran: post the same files again, nothing is stored twice. */
		INTERRUPTED;

		@JsonValue
		String label() {
			return name().toLowerCase(Locale.ROOT);
		}

		static Status of(String label) {
			return valueOf(label.toUpperCase(Locale.ROOT));
		}

	}

	/** The rows refused for one reason: how many, and where a few of them are ({@code line 12 (S1 O3)}). */
	record Refusal(String reason, long count, List<String> examples) {
	}

	/** The answer to a started import: where to follow it. */
	record Started(long id, Status status, long recordsTotal, String location) {
	}

}
