package org.cabildo.governance;

import java.time.Duration;
import java.util.List;

import org.cabildo.governance.objections.Objections;
import org.springframework.stereotype.Service;

/**
 * Each organisation's median time from filing an objection to its first answer, as
 * {@code GET /api/objections/answer-times} publishes it, for other modules (the portal).
 */
@Service
public class AnswerTimes {

	/**
	 * @param answered objections that have had a first answer
	 * @param open objections still waiting for one
	 * @param median the median time from filing to first answer; null while nothing was answered
	 */
	public record Organisation(long id, String name, int answered, int open, Duration median) {
	}

	private record Mapped(List<org.cabildo.governance.objections.AnswerTime> from, List<Organisation> to) {
	}

	private final Objections objections;

	private volatile Mapped mapped;

	AnswerTimes(Objections objections) {
		this.objections = objections;
	}

	/**
	 * Every organisation that has had an objection: the same list, kept as the API keeps its
	 * answer, for as long as that is the same (so that what a page makes of it can be kept too).
	 */
	public List<Organisation> all() {
		List<org.cabildo.governance.objections.AnswerTime> times = objections.answerTimes();
		Mapped kept = mapped;
		if (kept != null && kept.from() == times) {
			return kept.to();
		}
		List<Organisation> all = times.stream()
			.map(t -> new Organisation(t.organisationId(), t.organisation(), t.answered(), t.open(),
					t.medianSeconds() == null ? null : Duration.ofSeconds(t.medianSeconds())))
			.toList();
		mapped = new Mapped(times, all);
		return all;
	}

}
