package org.cabildo.participation;

import java.time.Duration;
import java.util.List;

/** Participation's settings for unit tests: the reports' and proposals' parts as each test needs them. */
final class TestParticipationSettings {

	private TestParticipationSettings() {
	}

	static ParticipationSettings with(ParticipationSettings.Reports reports, ParticipationSettings.Proposals proposals) {
		return new ParticipationSettings("classpath:participation/services.json", "city",
				new ParticipationSettings.Open311("j", false, List.of(), true, ""), reports, proposals,
				Duration.ofSeconds(60));
	}

}
