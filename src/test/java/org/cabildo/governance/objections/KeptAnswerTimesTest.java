package org.cabildo.governance.objections;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Supplier;

import org.cabildo.support.MovableClock;
import org.junit.jupiter.api.Test;

/**
 * The answer times are computed from every objection once for every reader: again after a filing
 * or an answer on this node, else once {@link KeptAnswerTimes#MAX_AGE} has passed.
 */
class KeptAnswerTimesTest {

	private final MovableClock clock = new MovableClock();

	private final KeptAnswerTimes kept = new KeptAnswerTimes(clock);

	private final AtomicInteger computed = new AtomicInteger();

	private final Supplier<List<AnswerTime>> compute = () -> List
		.of(new AnswerTime(1, "office", computed.incrementAndGet(), 0, null, null));

	@Test
	void oneComputationAnswersEveryReaderUntilTheTimesAreAMinuteOld() {
		List<AnswerTime> first = kept.get(0, compute);
		assertThat(kept.get(0, compute)).isSameAs(first);
		clock.advance(KeptAnswerTimes.MAX_AGE.minusSeconds(1));
		assertThat(kept.get(0, compute)).isSameAs(first);
		assertThat(computed).hasValue(1);
		clock.advance(Duration.ofSeconds(1));
		assertThat(kept.get(0, compute).get(0).answered()).isEqualTo(2);
	}

	@Test
	void aFilingOrAnAnswerHereComputesThemAgainAtOnce() {
		List<AnswerTime> first = kept.get(0, compute);
		List<AnswerTime> again = kept.get(1, compute);
		assertThat(again).isNotSameAs(first);
		assertThat(again.get(0).answered()).isEqualTo(2);
		assertThat(kept.get(1, compute)).isSameAs(again);
	}

}
