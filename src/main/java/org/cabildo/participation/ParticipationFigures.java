package org.cabildo.participation;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;

import org.cabildo.platform.KeptAnswers;
import org.springframework.stereotype.Component;

import jakarta.annotation.PreDestroy;

/**
 * Participation's figures as everyone reads them (the API's and the portal's): who is heard and
 * who takes part are the same for every reader, and each reads up to a year of reports and
 * counters, too much to compute for each anonymous request; so each is computed once for all and
 * kept a while ({@code cabildo.participation.public-kept}, a minute), by two threads of its own.
 */
@Component
public class ParticipationFigures {

	static final int MOST = 64;

	static final int MAKERS = 2;

	private final WhoIsHeard heard;

	private final ParticipationEquity equity;

	private final KeptAnswers kept;

	ParticipationFigures(WhoIsHeard heard, ParticipationEquity equity, ParticipationSettings settings, Clock clock) {
		this.heard = heard;
		this.equity = equity;
		this.kept = new KeptAnswers("kept-participation", MAKERS, MOST, settings.publicKept(), clock);
	}

	@PreDestroy
	void stop() {
		kept.close();
	}

	/** Who is heard, per district and for the city, over [from, to). */
	public WhoIsHeard.Answer heard(Instant from, Instant to) {
		return kept.keep("heard|" + from + "|" + to, () -> heard.between(from, to));
	}

	/** Who takes part, by what filers chose to say, over the months from {@code first} to {@code last}. */
	public ParticipationEquity.Answer said(String kind, LocalDate first, LocalDate last) {
		return kept.keep("said|" + kind + "|" + first + "|" + last, () -> equity.between(kind, first, last));
	}

}
