package org.cabildo.demo;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashSet;
import java.util.Set;
import java.util.UUID;

import org.cabildo.IntegrationTest;
import org.cabildo.identity.Caller;
import org.cabildo.identity.People;
import org.cabildo.identity.Residents;
import org.cabildo.participation.Proposal;
import org.cabildo.participation.ProposalCategory;
import org.cabildo.participation.Proposals;
import org.cabildo.platform.ApiException;
import org.cabildo.support.Api;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * The demo city's sample proposals: each labelled synthetic, in an alcaldía of the shipped
 * boundaries and a category of the city's, made by one of the sample residents and taken by the
 * same service as a resident's proposal; one has the supports that forward it in the demo (five)
 * and its office's answer. The sample residents are verified accounts that sign in with the demo
 * secret, enrolled once however often the demo starts.
 */
@IntegrationTest
class DemoProposalsTest {

	/** application-demo.yaml's cabildo.participation.proposals.support-threshold. */
	private static final int DEMO_THRESHOLD = 5;

	private static final int SAMPLE_RESIDENTS = 6;

	@LocalServerPort
	int port;

	@Autowired
	Proposals proposals;

	@Autowired
	Residents residents;

	@Autowired
	People people;

	@Test
	void everySampleIsLabelledInAnAlcaldiaAndACategoryAndOneIsForwardedAndAnswered() throws IOException {
		Set<String> alcaldias = new HashSet<>();
		JsonNode boundaries = JsonMapper.shared()
			.readTree(Files.readString(Path.of("src/main/resources/demo/mexico-city/districts.geojson")));
		boundaries.path("features").forEach(f -> alcaldias.add(f.path("properties").path("district_id").asString()));
		Set<String> categories = new HashSet<>(proposals.categories().stream().map(ProposalCategory::code).toList());
		var samples = DemoProposals.samples();
		assertThat(samples).hasSizeGreaterThanOrEqualTo(5);
		boolean forwardedAndAnswered = false;
		for (DemoProposals.Sample sample : samples) {
			assertThat(sample.title()).startsWith("[Ejemplo sintético] ");
			assertThat(alcaldias).contains(sample.district());
			assertThat(categories).contains(sample.category());
			assertThat(sample.proposer()).isBetween(1, SAMPLE_RESIDENTS);
			assertThat(sample.supporters()).allSatisfy(s -> assertThat(s).isBetween(1, SAMPLE_RESIDENTS))
				.doesNotHaveDuplicates();
			if (sample.answerText() != null) {
				assertThat(sample.supporters()).hasSizeGreaterThanOrEqualTo(DEMO_THRESHOLD);
				assertThat(Proposal.Outcome.of(sample.answerOutcome())).isPresent();
				forwardedAndAnswered = true;
			}
		}
		assertThat(forwardedAndAnswered).isTrue();
	}

	@Test
	void theServiceTakesEverySampleFromAnEnrolledResident() {
		String email = "demo-" + UUID.randomUUID().toString().substring(0, 8) + "@demo.cabildo.invalid";
		Caller resident = people.caller(residents.enrol(email, "cabildo-demo", "es", "test").person()).orElseThrow();
		for (DemoProposals.Sample sample : DemoProposals.samples()) {
			// the test's register may not hold the alcaldías: the sample for the whole city
			Proposal made = proposals.propose(new Proposals.Draft(sample.title(), sample.text(), null,
					sample.category()), resident);
			assertThat(made.title()).isEqualTo(sample.title());
		}
	}

	@Test
	void aSampleResidentIsEnrolledVerifiedOnceAndSignsInWithTheDemoSecret() {
		String email = "demo-" + UUID.randomUUID().toString().substring(0, 8) + "@demo.cabildo.invalid";
		Residents.Account first = residents.enrol(email, "cabildo-demo", "es", "test");
		Residents.Account again = residents.enrol(email, "cabildo-demo", "es", "test");
		assertThat(first.verified()).isTrue();
		assertThat(again.person()).isEqualTo(first.person());
		Api signedIn = Api.anonymous(port).as(Api.basic(email, "cabildo-demo"));
		Api.Response me = signedIn.get("/api/residents/me");
		assertThat(me.status()).as("%s", me).isEqualTo(200);
		assertThat(me.json().path("verified").asBoolean()).isTrue();
		// the password rules hold for an enrolled account as for one signed up
		assertThatThrownBy(() -> residents.enrol("short-" + email, "short", "es", "test"))
			.isInstanceOf(ApiException.class);
	}

}
