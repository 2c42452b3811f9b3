package org.cabildo.portal;

import java.util.List;

/**
 * What the transparency page shows, every number and time already written in the page's
 * language and the city's time zone.
 *
 * @param reads the reads of personal data, from the ledger's public summary
 * @param verified the chain's last verification
 * @param checkpoint the latest signed checkpoint; null before the first
 * @param answerTimes each organisation's median time to answer objections
 * @param commands how to verify the checkpoint and the chain yourself
 * @param zone the city's time zone, in which times and months are written
 */
record Transparency(Reads reads, LedgerWriting.Verified verified, Signed checkpoint, List<AnswerTime> answerTimes,
		Commands commands, String zone) {

	/**
	 * @param total how many reads of personal data the ledger holds
	 * @param observations how many Observations they returned
	 * @param upTo the last entry counted
	 * @param chart the reads per month of the last twelve months, as bars
	 * @param rows reads per month, organisation and purpose, newest month first
	 * @param shown how many rows are shown
	 * @param all how many there are
	 */
	record Reads(String total, String observations, String upTo, Chart chart, List<Row> rows, String shown,
			String all, boolean cut) {
	}

	/** A bar chart drawn on the server (SVG), with its numbers in a table beside it. */
	record Chart(int width, int height, List<Bar> bars) {

		public String viewBox() {
			return "0 0 " + width + " " + height;
		}

	}

	/**
	 * One month's bar.
	 *
	 * @param month the month's name ("mayo 2024"), for the table
	 * @param label its short name, under the bar
	 * @param year its year, under the short name
	 */
	record Bar(String month, String label, String year, String reads, int x, int y, int barWidth, int barHeight,
			int labelX, int valueY, int monthY, int yearY) {
	}

	record Row(String month, String organisation, String purpose, String reads, String observations) {
	}

	/** The latest signed checkpoint: the entry it signed, when, and what verifies it. */
	record Signed(String seq, String entryHash, String signedAt, String signedAtUtc, String algorithm,
			String signature, String publicKey, String keyFingerprint) {
	}

	/** @param median the median time to a first answer; null while none was answered */
	record AnswerTime(String organisation, String answered, String open, String median) {
	}

	/** The commands a resident or an auditor runs, with this platform's address in them. */
	record Commands(String save, String signature, String fingerprint, String verify, String holdToCopy,
			String operator) {
	}

}
