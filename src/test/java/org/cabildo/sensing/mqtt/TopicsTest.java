package org.cabildo.sensing.mqtt;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class TopicsTest {

	@Test
	void observationsAreCreatedOnTheirDatastreamOrTheirCollection() {
		assertThat(Topics.creation("v1.1/Datastreams(12)/Observations")).hasValue(new Topics.Creation(12L));
		assertThat(Topics.creation("v1.0/Datastreams(12)/Observations")).hasValue(new Topics.Creation(12L));
		assertThat(Topics.creation("v1.1/Observations")).hasValue(new Topics.Creation(null));
		assertThat(Topics.creation("v1.1/Datastreams(12)")).isEmpty();
		assertThat(Topics.creation("v1.1/Datastreams(x)/Observations")).isEmpty();
		assertThat(Topics.creation("v2.0/Datastreams(12)/Observations")).isEmpty();
		assertThat(Topics.creation("v1.1/Datastreams(12)/Observations?$select=result")).isEmpty();
	}

	@Test
	void filtersMatchAsMqttSays() {
		assertThat(Topics.matches("v1.1/#", "v1.1/Things(1)")).isTrue();
		assertThat(Topics.matches("#", "v1.1/Things(1)/Datastreams")).isTrue();
		assertThat(Topics.matches("v1.1/+/Observations", "v1.1/Datastreams(1)/Observations")).isTrue();
		assertThat(Topics.matches("v1.1/+/Observations", "v1.1/Observations")).isFalse();
		assertThat(Topics.matches("v1.1/+", "v1.1/Things(1)/name")).isFalse();
		assertThat(Topics.matches("v1.1/Things(1)", "v1.1/Things(1)")).isTrue();
	}

	@Test
	void sharedSubscriptionsMatchWhatTheirFilterMatches() {
		assertThat(Topics.unshared("$share/cabildo/v1.1/+/Observations")).isEqualTo("v1.1/+/Observations");
		assertThat(Topics.unshared("v1.1/Things")).isEqualTo("v1.1/Things");
	}

}
