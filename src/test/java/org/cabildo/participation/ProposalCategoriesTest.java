package org.cabildo.participation;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.springframework.core.io.DefaultResourceLoader;

import tools.jackson.databind.json.JsonMapper;

/** The categories of proposals: the shipped file, the office each names, and a wrong file stopping the start. */
class ProposalCategoriesTest {

	private static ProposalCategories shipped() throws Exception {
		return new ProposalCategories(TestParticipationSettings.with(new ParticipationSettings.Reports(50, Duration.ofDays(14), 1, 1, 2, 3, Duration.ofDays(90), 1000),
				new ParticipationSettings.Proposals("classpath:participation/proposal-categories.json", 100,
						Duration.ofDays(30), 60)),
				new DefaultResourceLoader());
	}

	@Test
	void theShippedCategoriesNameTheirOfficesPerDistrict() throws Exception {
		ProposalCategories categories = shipped();
		assertThat(categories.all()).extracting(ProposalCategory::code)
			.containsExactly("movilidad", "espacio-publico", "medio-ambiente", "servicios-urbanos", "seguridad-vial");
		ProposalCategory publicSpace = categories.byCode("espacio-publico").orElseThrow();
		assertThat(publicSpace.name()).isEqualTo("Espacio público");
		assertThat(publicSpace.officeFor("Coyoacán")).isEqualTo("Alcaldía Coyoacán · Desarrollo Urbano");
		assertThat(publicSpace.officeFor(null)).isEqualTo("Secretaría de Desarrollo Urbano y Vivienda");
		// an office of the whole city is the same for every district
		ProposalCategory mobility = categories.byCode("movilidad").orElseThrow();
		assertThat(mobility.officeFor("Coyoacán")).isEqualTo(mobility.officeFor(null)).isEqualTo("Secretaría de Movilidad");
	}

	@Test
	void aWrongFileSaysWhatIsWrongAndWhere() {
		assertWrong("{}", "f.json: no \"categories\" list");
		assertWrong("{\"categories\":[{\"code\":\"a\",\"name\":\"A\"}]}", "f.json /categories/0/office: missing");
		assertWrong("{\"categories\":[{\"code\":\"a\",\"name\":\"A\",\"office\":\"O\"},{\"code\":\"a\",\"name\":\"B\","
				+ "\"office\":\"O\"}]}", "f.json /categories/1: category code a given twice");
		assertWrong("{\"categories\":[{\"code\":\"Calles Bonitas\",\"name\":\"A\",\"office\":\"O\"}]}",
				"f.json /categories/0/code");
		assertWrong("{\"categories\":[{\"code\":\"a\",\"name\":\"A\",\"office\":\"O {district}\",\"fallback_office\":"
				+ "\"F {district}\"}]}", "f.json /categories/0/fallback_office");
	}

	private static void assertWrong(String json, String message) {
		assertThatThrownBy(() -> ProposalCategories.read(JsonMapper.shared().readTree(json), "f.json"))
			.isInstanceOf(IllegalStateException.class)
			.hasMessageStartingWith(message);
	}

}
