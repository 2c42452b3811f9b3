package org.cabildo.participation;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.List;

import org.junit.jupiter.api.Test;

class FilingAllowanceTest {

	private final FilingAllowance allowance = new FilingAllowance(TestParticipationSettings.with(new ParticipationSettings.Reports(50, Duration.ofDays(14), 1, 1, 2, 3, Duration.ofDays(90), 1000),
			new ParticipationSettings.Proposals("x", 100, Duration.ofDays(30), 4)));

	private static Reporter anonymous(String address) {
		return Reporter.resident(null, address, null, null, null, null, null, null);
	}

	private static Reporter person(long id, String address) {
		return Reporter.resident(id, address, null, null, null, null, null, null);
	}

	@Test
	void anonymousReportsCountPerAddressAndSignedInOnesPerPerson() {
		assertThat(allowance.take(anonymous("10.0.0.1"))).isEmpty();
		assertThat(allowance.take(anonymous("10.0.0.1"))).isEmpty();
		assertThat(allowance.take(anonymous("10.0.0.1"))).hasValueSatisfying(wait -> assertThat(wait).isPositive());
		// another address has its own allowance
		assertThat(allowance.take(anonymous("10.0.0.2"))).isEmpty();
		// a person's allowance is theirs wherever they file from, and not the address's
		for (int i = 0; i < 3; i++) {
			assertThat(allowance.take(person(7, "10.0.0." + (10 + i)))).isEmpty();
		}
		assertThat(allowance.take(person(7, "10.0.0.99"))).isPresent();
		assertThat(allowance.take(person(8, "10.0.0.1"))).isEmpty();
	}

	@Test
	void onlyThePlatformsOwnJobFilesOutsideTheAllowance() {
		for (int i = 0; i < 50; i++) {
			assertThat(allowance.take(Reporter.platform("demo loader"))).isEmpty();
		}
		assertThat(allowance.take(anonymous("10.0.0.3"))).isEmpty();
	}

	@Test
	void proposalsCommentsAndSupportsShareOnePersonalAllowanceApartFromReports() {
		// four an hour (the settings above), however they are spent
		for (int i = 0; i < 4; i++) {
			assertThat(allowance.takeProposing(21)).isEmpty();
		}
		assertThat(allowance.takeProposing(21)).hasValueSatisfying(wait -> assertThat(wait).isPositive()
			.isLessThanOrEqualTo(Duration.ofHours(1)));
		// another person has their own; the person's reports are counted apart
		assertThat(allowance.takeProposing(22)).isEmpty();
		assertThat(allowance.take(person(21, "10.0.0.21"))).isEmpty();
	}

}
