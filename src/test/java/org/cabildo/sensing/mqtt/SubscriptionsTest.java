package org.cabildo.sensing.mqtt;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;

import org.cabildo.sensing.mqtt.Subscriptions.Delivery;
import org.junit.jupiter.api.Test;

class SubscriptionsTest {

	private final Subscriptions subscriptions = new Subscriptions();

	@Test
	void aChangeGoesToEachTopicSomeoneListensOnOnce() {
		subscriptions.subscribed("a", "v1.1/Datastreams(1)/Observations");
		subscriptions.subscribed("b", "v1.1/Datastreams(1)/Observations");
		subscriptions.subscribed("c", "v1.1/#");
		subscriptions.subscribed("d", "v1.1/Datastreams(1)/Observations?$select=result,phenomenonTime");

		assertThat(subscriptions.deliveries("v1.1/Datastreams(1)/Observations")).containsExactlyInAnyOrder(
				new Delivery("v1.1/Datastreams(1)/Observations", List.of()),
				new Delivery("v1.1/Datastreams(1)/Observations?$select=result,phenomenonTime",
						List.of("result", "phenomenonTime")));
		assertThat(subscriptions.deliveries("v1.0/Datastreams(1)/Observations")).isEmpty();
	}

	@Test
	void subscriptionsEndWithUnsubscribeOrTheSession() {
		subscriptions.subscribed("a", "v1.1/Things(1)");
		subscriptions.subscribed("b", "v1.1/Things(1)");
		subscriptions.subscribed("b", "$share/g/v1.1/Things(2)");

		subscriptions.unsubscribed("a", "v1.1/Things(1)");
		assertThat(subscriptions.deliveries("v1.1/Things(1)")).hasSize(1);
		subscriptions.sessionEnded("b");

		assertThat(subscriptions.deliveries("v1.1/Things(1)")).isEmpty();
		assertThat(subscriptions.isEmpty()).isTrue();
	}

	@Test
	void queryOptionsOtherThanSelectAreNotServed() {
		subscriptions.subscribed("a", "v1.1/Datastreams(1)/Observations?$filter=result gt 3");
		subscriptions.subscribed("a", "v1.1/Datastreams(1)/Observations?$select=nonsense(");

		assertThat(subscriptions.deliveries("v1.1/Datastreams(1)/Observations")).isEmpty();
	}

}
