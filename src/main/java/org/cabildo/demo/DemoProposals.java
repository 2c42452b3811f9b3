package org.cabildo.demo;

import java.io.IOException;
import java.io.InputStream;
import java.util.ArrayList;
import java.util.List;

import org.cabildo.identity.Caller;
import org.cabildo.identity.People;
import org.cabildo.identity.Residents;
import org.cabildo.indicators.DistrictsChanged;
import org.cabildo.participation.Proposal;
import org.cabildo.participation.Proposals;
import org.cabildo.platform.ApiException;
import org.cabildo.platform.Platform;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBooleanProperty;
import org.springframework.context.event.EventListener;
import org.springframework.core.io.ClassPathResource;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Component;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * The demo city's sample proposals ({@value #FILE}): synthetic, each labelled so in its title,
 * made and supported by the demo's sample residents through the same service as a resident's,
 * into a city that has none yet. The residents are verified accounts the demo enrols
 * ({@code residente1@demo.cabildo.invalid} and on, the demo secret their password), so that a
 * visitor may sign in as one and support a proposal.
 *
 * <p>
 * Made once the city's districts are in the register (a proposal names its alcaldía, and the
 * districts are imported when the platform is ready, after the demo's own data is loaded).
 */
@Component
@ConditionalOnBooleanProperty("cabildo.demo.enabled")
class DemoProposals {

	private static final Logger log = LoggerFactory.getLogger(DemoProposals.class);

	static final String FILE = DemoCity.FOLDER + "/proposals.json";

	/** One sample proposal: who of the sample residents (1 to n) proposes it and supports it, and its office's answer. */
	record Sample(String title, String text, String district, String category, int proposer, List<Integer> supporters,
			String answerOutcome, String answerText) {
	}

	private final Proposals proposals;

	private final Residents residents;

	private final People people;

	private final DemoSettings settings;

	DemoProposals(Proposals proposals, Residents residents, People people, DemoSettings settings) {
		this.proposals = proposals;
		this.residents = residents;
		this.people = people;
		this.settings = settings;
	}

	@EventListener
	void districtsChanged(DistrictsChanged changed) {
		int made = Platform.runAs(DemoConfiguration.JOB, () -> load(settings.secret()));
		log.info("Demo sample proposals: {} made", made);
	}

	static String resident(int n) {
		return "residente" + n + "@demo.cabildo.invalid";
	}

	/** Enrols the sample residents; makes the samples when the city has no proposal yet; returns how many were made. */
	int load(String secret) {
		JsonNode file = read();
		List<Caller> sampleResidents = new ArrayList<>();
		for (int n = 1; n <= file.path("residents").asInt(); n++) {
			long person = residents.enrol(resident(n), secret, "es", "demo").person();
			sampleResidents.add(people.caller(person).orElseThrow());
		}
		if (!proposals.list(new Proposals.Filter(null, null, null, 1, null)).proposals().isEmpty()) {
			return 0;
		}
		Caller admin = people.byUsername("admin").flatMap(p -> people.caller(p.id())).orElseThrow();
		int made = 0;
		for (Sample sample : samples(file)) {
			Proposal proposal = proposals.propose(new Proposals.Draft(sample.title(), sample.text(), sample.district(),
					sample.category()), sampleResidents.get(sample.proposer() - 1));
			for (int supporter : sample.supporters()) {
				proposal = proposals.support(proposal.id(), sampleResidents.get(supporter - 1));
			}
			if (sample.answerText() != null && proposal.status() != Proposal.Status.OPEN) {
				answer(proposal, sample, admin);
			}
			made++;
		}
		return made;
	}

	/** The demo's admin answers for the city where the city's organisation is theirs (the demo's settings). */
	private void answer(Proposal proposal, Sample sample, Caller admin) {
		try {
			proposals.answer(proposal.id(), sample.answerText(), sample.answerOutcome(), admin);
		}
		catch (ApiException e) {
			if (e.status() != HttpStatus.FORBIDDEN) {
				throw e;
			}
			log.info("Demo proposal {} left unanswered: {}", proposal.id(), e.getMessage());
		}
	}

	static List<Sample> samples() {
		return samples(read());
	}

	private static List<Sample> samples(JsonNode file) {
		String label = file.path("label").asString();
		List<Sample> samples = new ArrayList<>();
		for (JsonNode p : file.path("proposals")) {
			List<Integer> supporters = new ArrayList<>();
			p.path("supporters").forEach(s -> supporters.add(s.asInt()));
			JsonNode answer = p.path("answer");
			samples.add(new Sample(label + " " + p.path("title").asString(), p.path("text").asString(),
					p.path("district").asString(), p.path("category").asString(), p.path("proposer").asInt(),
					List.copyOf(supporters), answer.path("outcome").asString(null), answer.path("text").asString(null)));
		}
		return samples;
	}

	private static JsonNode read() {
		try (InputStream in = new ClassPathResource(FILE).getInputStream()) {
			return JsonMapper.shared().readTree(in);
		}
		catch (IOException e) {
			throw new IllegalStateException("the demo city's sample proposals could not be read: " + FILE, e);
		}
	}

}
