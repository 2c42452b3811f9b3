package org.cabildo.importing;

import static org.assertj.core.api.Assertions.assertThat;

import org.cabildo.importing.ImportSink.Outcome;
import org.junit.jupiter.api.Test;

import tools.jackson.databind.json.JsonMapper;

/** What the import makes of each row's answer, and how its summary counts them. */
class OutcomesTest {

	private static Outcome of(String answer) {
		return DataArray.outcome(JsonMapper.shared().readTree(answer));
	}

	@Test
	void eachAnswerOfADataArrayRowIsItsOwnOutcome() {
		assertThat(of("{\"@iot.selfLink\":\"http://x/v1.1/Observations(1)\"}")).isEqualTo(Outcome.CREATED);
		assertThat(of("{\"@iot.selfLink\":\"http://x/v1.1/Observations(1)\",\"duplicate\":true}")).isEqualTo(Outcome.DUPLICATE);
		assertThat(of("{\"@iot.selfLink\":\"http://x/v1.1/Observations(1)\",\"corrected\":true}")).isEqualTo(Outcome.CORRECTED);
		assertThat(of("{\"folded\":true,\"note\":\"past retention\"}")).isEqualTo(Outcome.FOLDED);
		assertThat(of("{\"folded\":true,\"duplicate\":true}")).as("folded before: not counted again").isEqualTo(Outcome.DUPLICATE);
		assertThat(of("{\"error\":\"no such stream\"}")).isEqualTo(new Outcome.Refused("no such stream"));
	}

	@Test
	void theSummarySaysHowManyReadingsWereFoldedAndCountsThemInTheRate() {
		ImportState state = new ImportState();
		state.created = 5;
		state.folded = 3;
		state.seconds = 2;

		assertThat(state.summary("refused.csv")).contains("5 observations created")
			.contains("3 folded into the aggregates kept (past their stream's retention)");
		assertThat(state.rowsPerSecond()).isEqualTo(4.0);
		state.folded = 0;
		assertThat(state.summary("refused.csv")).doesNotContain("folded");
	}

}
