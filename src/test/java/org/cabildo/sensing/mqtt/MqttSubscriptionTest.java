package org.cabildo.sensing.mqtt;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import org.cabildo.sensing.mqtt.Devices.Inbox;
import org.cabildo.sensing.mqtt.Devices.Station;
import org.cabildo.support.Api;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.test.web.server.LocalServerPort;

import com.hivemq.client.mqtt.mqtt5.Mqtt5BlockingClient;

import tools.jackson.databind.JsonNode;

/**
 * Clients subscribe to SensorThings topics and receive what is created and updated, from
 * whichever path it came (OGC 18-088, 14.2).
 */
@MqttTest
class MqttSubscriptionTest {

	@LocalServerPort
	int httpPort;

	@Value("${local.mqtt.port}")
	int mqttPort;

	private Api api;

	private Mqtt5BlockingClient dashboard;

	private Devices.Credential credential;

	private Mqtt5BlockingClient device;

	@BeforeEach
	void connect() {
		api = new Api(httpPort);
		// The public reads open data: the dashboard signs in as nobody.
		dashboard = Devices.mqtt5(mqttPort);
		credential = Devices.device(api);
		device = Devices.mqtt5(mqttPort, credential);
	}

	@AfterEach
	void disconnect() {
		dashboard.disconnect();
		device.disconnect();
	}

	@Test
	void theObservationsOfADatastreamArriveFromHttpAndFromMqtt() {
		Station station = Devices.station(api, credential);
		String topic = "v1.1/Datastreams(" + station.datastream() + ")/Observations";
		Inbox inbox = Inbox.subscribe(dashboard, topic);

		Api.Response posted = api.post("/v1.1/Datastreams(" + station.datastream() + ")/Observations",
				Map.of("phenomenonTime", "2024-03-01T10:00:00Z", "result", 30));
		MqttIngestTest.publish(device, topic, "{\"phenomenonTime\": \"2024-03-01T11:00:00Z\", \"result\": 31.5}");

		List<JsonNode> received = List.of(inbox.next().json(), inbox.next().json());
		assertThat(received).extracting(o -> o.get("result").asDouble()).containsExactlyInAnyOrder(30.0, 31.5);
		JsonNode fromHttp = received.stream().filter(o -> o.get("result").asDouble() == 30).findFirst().orElseThrow();
		// The representation a GET of the Observation returns.
		assertThat(fromHttp.get("@iot.id").asLong()).isEqualTo(posted.id());
		assertThat(fromHttp.get("@iot.selfLink").asString()).endsWith("/v1.1/Observations(" + posted.id() + ")");
		assertThat(fromHttp.get("phenomenonTime").asString()).isEqualTo("2024-03-01T10:00:00Z");
		assertThat(fromHttp.has("resultTime")).isTrue();
		assertThat(fromHttp.get("Datastream@iot.navigationLink").asString())
			.endsWith("/v1.1/Observations(" + posted.id() + ")/Datastream");
		JsonNode read = api.get("/v1.1/Observations(" + posted.id() + ")").json();
		assertThat(names(fromHttp)).isEqualTo(names(read));
	}

	@Test
	void observationsFromADataArrayAndABatchArriveToo() {
		Station station = Devices.station(api, credential);
		Inbox inbox = Inbox.subscribe(dashboard, "v1.1/Datastreams(" + station.datastream() + ")/Observations");

		Api.Response array = api.post("/v1.1/CreateObservations",
				List.of(Map.of("Datastream", Map.of("@iot.id", station.datastream()), "components",
						List.of("phenomenonTime", "result"), "dataArray",
						List.of(List.of("2024-03-01T10:00:00Z", 51), List.of("2024-03-01T11:00:00Z", 52)))));
		Api.Response batch = api.post("/v1.1/$batch", Map.of("requests", List.of(Map.of("id", "one", "method", "post",
				"url", "Datastreams(" + station.datastream() + ")/Observations", "atomicityGroup", "g", "body",
				Map.of("phenomenonTime", "2024-03-01T12:00:00Z", "result", 53)))));

		assertThat(array.status()).as(array.toString()).isEqualTo(201);
		assertThat(batch.status()).as(batch.toString()).isEqualTo(200);
		List<Integer> results = new ArrayList<>();
		for (int i = 0; i < 3; i++) {
			results.add(inbox.next().json().get("result").asInt());
		}
		assertThat(results).containsExactlyInAnyOrder(51, 52, 53);
	}

	@Test
	void aSelectTopicCarriesOnlyTheSelectedProperties() {
		Station station = Devices.station(api, credential);
		String path = "v1.1/Datastreams(" + station.datastream() + ")/Observations";
		Inbox selected = Inbox.subscribe(dashboard, path + "?$select=result,phenomenonTime");

		MqttIngestTest.publish(device, path, "{\"phenomenonTime\": \"2024-03-01T10:00:00Z\", \"result\": 8}");

		Inbox.Message message = selected.next();
		assertThat(message.topic()).isEqualTo(path + "?$select=result,phenomenonTime");
		assertThat(message.json().get("result").asInt()).isEqualTo(8);
		JsonNode read = api.get("/v1.1/Datastreams(" + station.datastream() + ")/Observations", "$select",
				"result,phenomenonTime").json().get("value").get(0);
		assertThat(names(message.json())).containsExactly("result", "phenomenonTime").isEqualTo(names(read));
	}

	@Test
	void aVersion10TopicCarriesTheVersion10Representation() {
		Station station = Devices.station(api, credential);
		Inbox inbox = Inbox.subscribe(dashboard, "v1.0/Datastreams(" + station.datastream() + ")/Observations");

		api.post("/v1.1/Datastreams(" + station.datastream() + ")/Observations", Map.of("result", 1));

		JsonNode observation = inbox.next().json();
		assertThat(observation.get("@iot.selfLink").asString()).contains("/v1.0/Observations(");
	}

	@Test
	void aThingAndItsPropertiesTopicsCarryAPatch() throws InterruptedException {
		Station station = Devices.station(api, credential);
		String self = "v1.1/Things(" + station.thing() + ")";
		Inbox entity = Inbox.subscribe(dashboard, self);
		Inbox properties = Inbox.subscribe(dashboard, self + "/properties");
		Inbox name = Inbox.subscribe(dashboard, self + "/name");

		api.patch("/v1.1/Things(" + station.thing() + ")", Map.of("properties", Map.of("district", "09015")));

		JsonNode thing = entity.next().json();
		assertThat(thing.get("@iot.id").asLong()).isEqualTo(station.thing());
		assertThat(thing.get("properties").get("district").asString()).isEqualTo("09015");
		assertThat(thing.get("name").asString()).startsWith("mqtt-");
		JsonNode property = properties.next().json();
		assertThat(names(property)).containsExactly("properties");
		assertThat(property.get("properties").get("district").asString()).isEqualTo("09015");
		assertThat(name.isEmptyAfter(Duration.ofMillis(500))).as("the name did not change").isTrue();
	}

	@Test
	void theDatastreamsOfAThingCarryANewDatastream() {
		Station station = Devices.station(api, credential);
		Inbox inbox = Inbox.subscribe(dashboard, "v1.1/Things(" + station.thing() + ")/Datastreams");

		Api.Response created = api.post("/v1.1/Datastreams", Devices.datastream("second", station.thing()));

		JsonNode datastream = inbox.next().json();
		assertThat(datastream.get("@iot.id").asLong()).isEqualTo(created.id());
		assertThat(datastream.get("name").asString()).isEqualTo("second");
		assertThat(datastream.get("Thing@iot.navigationLink").asString()).isNotBlank();
	}

	@Test
	void wildcardSubscriptionsReceiveTheTopicsTheyMatch() {
		Station station = Devices.station(api, credential);
		Inbox inbox = Inbox.subscribe(dashboard, "v1.1/+/Observations");

		api.post("/v1.1/Datastreams(" + station.datastream() + ")/Observations", Map.of("result", 77));

		Inbox.Message message = inbox.next(json -> json.path("result").asInt() == 77);
		assertThat(message.topic()).matches("v1\\.1/(Datastreams|FeaturesOfInterest)\\(\\d+\\)/Observations");
	}

	@Test
	void nothingArrivesAfterAnUnsubscribe() throws InterruptedException {
		Station station = Devices.station(api, credential);
		String topic = "v1.1/Datastreams(" + station.datastream() + ")/Observations";
		Inbox inbox = Inbox.subscribe(dashboard, topic);
		dashboard.unsubscribeWith().topicFilter(topic).send();

		api.post("/v1.1/Datastreams(" + station.datastream() + ")/Observations", Map.of("result", 1));

		assertThat(inbox.isEmptyAfter(Duration.ofMillis(500))).isTrue();
	}

	private static List<String> names(JsonNode object) {
		List<String> names = new ArrayList<>();
		object.propertyNames().forEach(names::add);
		return names;
	}

}
