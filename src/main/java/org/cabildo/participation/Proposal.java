package org.cabildo.participation;

import java.time.Instant;
import java.util.Arrays;
import java.util.Optional;

/**
 * A resident's proposal as the public sees it: who proposed it (and who supports it) is not part
 * of it.
 *
 * @param district the code of the district it is about, null when about none
 * @param supports how many people support it now
 * @param forwarding when it reached the supports that send it to its office, which office, and
 *        by when that office must answer; null while it is open
 * @param answer the office's public answer, null until there is one
 * @param comments its comments not hidden
 * @param followers how many people follow it
 */
public record Proposal(long id, String title, String text, String district, String category, Instant created,
		Status status, int supports, Forwarding forwarding, Answer answer, long comments, long followers) {

	/** Where a proposal is: gathering supports, with its office, answered. */
	public enum Status {

		OPEN("open"), FORWARDED("forwarded"), ANSWERED("answered");

		private final String label;

		Status(String label) {
			this.label = label;
		}

		public String label() {
			return label;
		}

		public static Optional<Status> of(String label) {
			return Arrays.stream(values()).filter(s -> s.label.equals(label)).findFirst();
		}

	}

	/** What the office decided: in study may be followed by a final answer. */
	public enum Outcome {

		ACCEPTED("accepted"), REJECTED("rejected"), IN_STUDY("in-study");

		private final String label;

		Outcome(String label) {
			this.label = label;
		}

		public String label() {
			return label;
		}

		public static Optional<Outcome> of(String label) {
			return Arrays.stream(values()).filter(o -> o.label.equals(label)).findFirst();
		}

	}

	public record Forwarding(Instant at, String office, Instant answerDue) {
	}

	/** @param by the username of who answered for the office (its staff answer in public) */
	public record Answer(String text, Outcome outcome, Instant at, String by) {
	}

}
