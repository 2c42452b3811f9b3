package org.cabildo.sensing.mqtt;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.util.concurrent.CompletionException;

import org.cabildo.sensing.mqtt.Devices.Station;
import org.cabildo.support.Api;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.test.web.server.LocalServerPort;

import com.hivemq.client.mqtt.datatypes.MqttQos;
import com.hivemq.client.mqtt.mqtt3.Mqtt3BlockingClient;
import com.hivemq.client.mqtt.mqtt5.Mqtt5BlockingClient;
import com.hivemq.client.mqtt.mqtt5.exceptions.Mqtt5PubAckException;
import com.hivemq.client.mqtt.mqtt5.message.publish.Mqtt5PublishResult;
import com.hivemq.client.mqtt.mqtt5.message.publish.puback.Mqtt5PubAck;
import com.hivemq.client.mqtt.mqtt5.message.publish.puback.Mqtt5PubAckReasonCode;

import tools.jackson.databind.JsonNode;

/** Devices create Observations by publishing them (OGC 18-088, 14.1), as MQTT 3 and MQTT 5 clients. */
@MqttTest
class MqttIngestTest {

	@LocalServerPort
	int httpPort;

	@Value("${local.mqtt.port}")
	int mqttPort;

	private Api api;

	private Devices.Credential credential;

	private Mqtt5BlockingClient device;

	@BeforeEach
	void connect() {
		api = new Api(httpPort);
		credential = Devices.device(api);
		device = Devices.mqtt5(mqttPort, credential);
	}

	@AfterEach
	void disconnect() {
		device.disconnect();
	}

	@Test
	void aQos1PublishIsStoredBeforeItsPuback() {
		Station station = Devices.station(api, credential);

		Mqtt5PubAck ack = publish(device, "v1.1/Datastreams(" + station.datastream() + ")/Observations",
				"{\"phenomenonTime\": \"2024-03-01T10:00:00Z\", \"result\": 41.5}");

		assertThat(ack.getReasonCode()).isEqualTo(Mqtt5PubAckReasonCode.SUCCESS);
		// Acknowledged means committed: readable at once, with no waiting.
		JsonNode stored = Devices.observations(api, station.datastream());
		assertThat(stored.get("@iot.count").asInt()).isEqualTo(1);
		assertThat(stored.get("value").get(0).get("result").asDouble()).isEqualTo(41.5);
		assertThat(stored.get("value").get(0).get("phenomenonTime").asString()).isEqualTo("2024-03-01T10:00:00Z");
	}

	@Test
	void aQos0PublishOfAnMqtt3DeviceIsStored() {
		Station station = Devices.station(api, credential);
		Mqtt3BlockingClient mqtt3 = Devices.mqtt3(mqttPort, credential);
		try {
			mqtt3.publishWith()
				.topic("v1.1/Datastreams(" + station.datastream() + ")/Observations")
				.qos(MqttQos.AT_MOST_ONCE)
				.payload(Devices.json("{\"result\": 7}"))
				.send();
		}
		finally {
			mqtt3.disconnect();
		}

		await().atMost(Duration.ofSeconds(10))
			.untilAsserted(() -> assertThat(Devices.observations(api, station.datastream()).get("@iot.count").asInt())
				.isEqualTo(1));
		JsonNode observation = Devices.observations(api, station.datastream()).get("value").get(0);
		assertThat(observation.get("result").asInt()).isEqualTo(7);
		assertThat(observation.get("phenomenonTime").asString()).as("the time it arrived").isNotBlank();
	}

	@Test
	void version10TopicsAndTheDatastreamInThePayloadWorkToo() {
		Station station = Devices.station(api, credential);

		Mqtt5PubAck onVersion10 = publish(device, "v1.0/Datastreams(" + station.datastream() + ")/Observations",
				"{\"phenomenonTime\": \"2024-03-01T10:00:00Z\", \"result\": 1}");
		Mqtt5PubAck onCollection = publish(device, "v1.1/Observations", "{\"phenomenonTime\": \"2024-03-01T11:00:00Z\","
				+ " \"result\": 2, \"Datastream\": {\"@iot.id\": " + station.datastream() + "}}");

		assertThat(onVersion10.getReasonCode()).isEqualTo(Mqtt5PubAckReasonCode.SUCCESS);
		assertThat(onCollection.getReasonCode()).isEqualTo(Mqtt5PubAckReasonCode.SUCCESS);
		assertThat(Devices.observations(api, station.datastream()).get("@iot.count").asInt()).isEqualTo(2);
	}

	@Test
	void anObservationWithItsOwnFeatureOfInterestIsStored() {
		Station station = Devices.station(api, credential);

		Mqtt5PubAck ack = publish(device, "v1.1/Datastreams(" + station.datastream() + ")/Observations",
				"{\"result\": 3, \"FeatureOfInterest\": {\"name\": \"corner\", \"description\": \"a corner\","
						+ " \"encodingType\": \"application/geo+json\","
						+ " \"feature\": {\"type\": \"Point\", \"coordinates\": [-99.1, 19.4]}}}");

		assertThat(ack.getReasonCode()).isEqualTo(Mqtt5PubAckReasonCode.SUCCESS);
		JsonNode observations = api
			.get("/v1.1/Datastreams(" + station.datastream() + ")/Observations", "$expand", "FeatureOfInterest")
			.json();
		assertThat(observations.get("value").get(0).get("FeatureOfInterest").get("name").asString())
			.isEqualTo("corner");
	}

	@Test
	void badPublishesAreRefusedWithTheirReasonAndStoreNothing() {
		Station station = Devices.station(api, credential);
		String topic = "v1.1/Datastreams(" + station.datastream() + ")/Observations";

		Mqtt5PubAck notJson = publish(device, topic, "result=4");
		Mqtt5PubAck noResult = publish(device, topic, "{\"phenomenonTime\": \"2024-03-01T10:00:00Z\"}");
		Mqtt5PubAck badTime = publish(device, topic, "{\"phenomenonTime\": \"yesterday\", \"result\": 4}");
		Mqtt5PubAck unknownDatastream = publish(device, "v1.1/Datastreams(999999999)/Observations",
				"{\"result\": 4}");
		Mqtt5PubAck otherDatastream = publish(device, topic,
				"{\"result\": 4, \"Datastream\": {\"@iot.id\": 999999999}}");
		Mqtt5PubAck notACreation = publish(device, "v1.1/Things(" + station.thing() + ")", "{\"name\": \"spoof\"}");

		assertThat(notJson.getReasonCode()).isEqualTo(Mqtt5PubAckReasonCode.PAYLOAD_FORMAT_INVALID);
		assertThat(reason(notJson)).contains("not JSON");
		assertThat(noResult.getReasonCode()).isEqualTo(Mqtt5PubAckReasonCode.IMPLEMENTATION_SPECIFIC_ERROR);
		assertThat(reason(noResult)).contains("result");
		assertThat(badTime.getReasonCode()).isEqualTo(Mqtt5PubAckReasonCode.IMPLEMENTATION_SPECIFIC_ERROR);
		assertThat(reason(badTime)).contains("phenomenonTime");
		// The device is not bound to it (whether it exists is not told).
		assertThat(unknownDatastream.getReasonCode()).isEqualTo(Mqtt5PubAckReasonCode.NOT_AUTHORIZED);
		assertThat(reason(unknownDatastream)).contains("999999999");
		assertThat(otherDatastream.getReasonCode()).isEqualTo(Mqtt5PubAckReasonCode.IMPLEMENTATION_SPECIFIC_ERROR);
		assertThat(notACreation.getReasonCode()).isEqualTo(Mqtt5PubAckReasonCode.TOPIC_NAME_INVALID);
		assertThat(Devices.observations(api, station.datastream()).get("@iot.count").asInt()).isZero();
		assertThat(api.get("/v1.1/Things(" + station.thing() + ")").json().get("name").asString())
			.startsWith("mqtt-");
	}

	@Test
	void aPublishWithTextThatIsNotUnicodeIsRefusedNamingWhereAndStoresNothing() {
		Station station = Devices.station(api, credential);
		String topic = "v1.1/Datastreams(" + station.datastream() + ")/Observations";

		Mqtt5PubAck lone = publish(device, topic, "{\"phenomenonTime\": \"2024-03-01T10:00:00Z\", \"result\": \"\\ud800\"}");
		Mqtt5PubAck nul = publish(device, topic, "{\"result\": 1, \"parameters\": {\"note\": \"a\\u0000\"}}");

		assertThat(lone.getReasonCode()).isEqualTo(Mqtt5PubAckReasonCode.PAYLOAD_FORMAT_INVALID);
		assertThat(reason(lone)).contains("/result").contains("U+D800");
		assertThat(nul.getReasonCode()).isEqualTo(Mqtt5PubAckReasonCode.PAYLOAD_FORMAT_INVALID);
		assertThat(reason(nul)).contains("/parameters/note");
		assertThat(Devices.observations(api, station.datastream()).get("@iot.count").asInt()).isZero();
	}

	@Test
	void aRefusalQuotingWhatCannotBeInAnMqttStringIsStillAnsweredAndTheDeviceStaysConnected() {
		Station station = Devices.station(api, credential);
		String topic = "v1.1/Datastreams(" + station.datastream() + ")/Observations";

		// The reason names where the NUL is: in a member name, which it quotes.
		Mqtt5PubAck nulInName = publish(device, topic, "{\"result\": 1, \"parameters\": {\"a\\u0000\": 1}}");
		// ... and names longer together than an MQTT string may be (65,535 bytes).
		String name = "x".repeat(40_000);
		Mqtt5PubAck longName = publish(device, topic,
				"{\"result\": 1, \"parameters\": {\"" + name + "\": {\"" + name + "\\u0000\": 1}}}");

		assertThat(nulInName.getReasonCode()).isEqualTo(Mqtt5PubAckReasonCode.PAYLOAD_FORMAT_INVALID);
		assertThat(reason(nulInName)).contains("/parameters/a\\u0000").contains("U+0000");
		assertThat(longName.getReasonCode()).isEqualTo(Mqtt5PubAckReasonCode.PAYLOAD_FORMAT_INVALID);
		assertThat(reason(longName)).startsWith("the text at /parameters/xx").hasSizeLessThanOrEqualTo(1_000);
		assertThat(device.getState().isConnected()).isTrue();
		assertThat(Devices.observations(api, station.datastream()).get("@iot.count").asInt()).isZero();
	}

	@Test
	void anMqtt3DeviceWithABadPublishIsAcknowledgedAndStaysConnected() {
		Station station = Devices.station(api, credential);
		Mqtt3BlockingClient mqtt3 = Devices.mqtt3(mqttPort, credential);
		try {
			String topic = "v1.1/Datastreams(" + station.datastream() + ")/Observations";
			mqtt3.publishWith().topic(topic).qos(MqttQos.AT_LEAST_ONCE).payload(Devices.json("{\"result\":")).send();
			mqtt3.publishWith()
				.topic(topic)
				.qos(MqttQos.AT_LEAST_ONCE)
				.payload(Devices.json("{\"result\": 5}"))
				.send();

			assertThat(mqtt3.getState().isConnected()).isTrue();
		}
		finally {
			mqtt3.disconnect();
		}
		JsonNode stored = Devices.observations(api, station.datastream());
		assertThat(stored.get("@iot.count").asInt()).isEqualTo(1);
		assertThat(stored.get("value").get(0).get("result").asInt()).isEqualTo(5);
	}

	@Test
	void aReadingSentAgainIsStoredOnce() {
		Station station = Devices.station(api, credential);
		String topic = "v1.1/Datastreams(" + station.datastream() + ")/Observations";
		String reading = "{\"phenomenonTime\": \"2024-03-01T10:00:00Z\", \"result\": 12.25}";

		Mqtt5PubAck first = publish(device, topic, reading);
		Mqtt5PubAck again = publish(device, topic, reading);

		assertThat(first.getReasonCode()).isEqualTo(Mqtt5PubAckReasonCode.SUCCESS);
		assertThat(again.getReasonCode()).as("a re-sent reading is acknowledged").isEqualTo(Mqtt5PubAckReasonCode.SUCCESS);
		assertThat(Devices.observations(api, station.datastream()).get("@iot.count").asInt()).isEqualTo(1);
	}

	@Test
	void aTimeWithoutOffsetIsRefusedUnlessTheStreamSaysItsTimesAreLocal() {
		Station station = Devices.station(api, credential);
		String topic = "v1.1/Datastreams(" + station.datastream() + ")/Observations";

		Mqtt5PubAck refused = publish(device, topic, "{\"phenomenonTime\": \"2024-03-01T10:00:00\", \"result\": 1}");
		Api.Response marked = api.patch("/v1.1/Datastreams(" + station.datastream() + ")",
				java.util.Map.of("properties", java.util.Map.of("cabildo:localTime", true)));
		Mqtt5PubAck local = publish(device, topic, "{\"phenomenonTime\": \"2024-03-01T24:00\", \"result\": 2}");

		assertThat(refused.getReasonCode()).isNotEqualTo(Mqtt5PubAckReasonCode.SUCCESS);
		assertThat(reason(refused)).contains("no UTC offset", "cabildo:localTime");
		assertThat(marked.status()).as("%s", marked).isEqualTo(200);
		assertThat(local.getReasonCode()).as(reason(local)).isEqualTo(Mqtt5PubAckReasonCode.SUCCESS);
		JsonNode stored = Devices.observations(api, station.datastream());
		assertThat(stored.get("@iot.count").asInt()).isEqualTo(1);
		// The test city's clocks are UTC.
		assertThat(stored.get("value").get(0).get("phenomenonTime").asString()).isEqualTo("2024-03-02T00:00:00Z");
	}

	@Test
	void otherTopicsAreAnOrdinaryBroker() {
		Mqtt5BlockingClient listener = Devices.mqtt5(mqttPort, credential);
		try {
			Devices.Inbox inbox = Devices.Inbox.subscribe(listener, "city/lights/+");

			device.publishWith()
				.topic("city/lights/7")
				.qos(MqttQos.AT_LEAST_ONCE)
				.payload(Devices.json("{\"on\": true}"))
				.send();

			Devices.Inbox.Message message = inbox.next();
			assertThat(message.topic()).isEqualTo("city/lights/7");
			assertThat(message.json().get("on").asBoolean()).isTrue();
		}
		finally {
			listener.disconnect();
		}
	}

	/** Publishes with QoS 1 and returns the PUBACK, whether it tells success or an error. */
	static Mqtt5PubAck publish(Mqtt5BlockingClient client, String topic, String payload) {
		try {
			Mqtt5PublishResult result = client.toAsync()
				.publishWith()
				.topic(topic)
				.qos(MqttQos.AT_LEAST_ONCE)
				.payload(Devices.json(payload))
				.send()
				.join();
			return ((Mqtt5PublishResult.Mqtt5Qos1Result) result).getPubAck();
		}
		catch (CompletionException e) {
			if (e.getCause() instanceof Mqtt5PubAckException refused) {
				return refused.getMqttMessage();
			}
			throw e;
		}
	}

	private static String reason(Mqtt5PubAck ack) {
		return ack.getReasonString().map(Object::toString).orElse("");
	}

}
