package org.cabildo.sensing.mqtt;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.net.URI;
import java.time.Duration;
import java.util.Map;

import org.cabildo.IntegrationTest;
import org.cabildo.sensing.mqtt.Devices.Inbox;
import org.cabildo.sensing.mqtt.Devices.Station;
import org.cabildo.support.Api;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.test.context.TestPropertySource;

import com.hivemq.client.mqtt.mqtt5.Mqtt5BlockingClient;
import com.hivemq.client.mqtt.mqtt5.message.publish.puback.Mqtt5PubAckReasonCode;

import tools.jackson.databind.JsonNode;

/**
 * The platform as a client of an external broker (Mosquitto at 127.0.0.1:1883, or
 * {@code -Dcabildo.test.mqtt.url=tcp://host:port}): devices and dashboards talk to that broker,
 * never to the platform. Run with {@code ./mvnw test -Pexternal-broker}.
 */
@IntegrationTest
@Tag("external-broker")
@TestPropertySource(properties = { "cabildo.mqtt.enabled=true", "cabildo.mqtt.client-id-prefix=cabildo-test-",
		"cabildo.mqtt.shared-group=cabildo-test" })
class ExternalBrokerTest {

	static final URI BROKER = URI.create(System.getProperty("cabildo.test.mqtt.url", "tcp://127.0.0.1:1883"));

	@DynamicPropertySource
	static void broker(DynamicPropertyRegistry properties) {
		properties.add("cabildo.mqtt.broker-url", BROKER::toString);
	}

	@LocalServerPort
	int httpPort;

	private Api api;

	private Mqtt5BlockingClient device;

	private Mqtt5BlockingClient dashboard;

	@BeforeEach
	void connect() {
		api = new Api(httpPort);
		device = Devices.mqtt5(BROKER.getHost(), BROKER.getPort());
		dashboard = Devices.mqtt5(BROKER.getHost(), BROKER.getPort());
	}

	@AfterEach
	void disconnect() {
		device.disconnect();
		dashboard.disconnect();
	}

	@Test
	void anObservationPublishedToTheBrokerIsStored() {
		Station station = Devices.station(api);

		var ack = MqttIngestTest.publish(device, "v1.1/Datastreams(" + station.datastream() + ")/Observations",
				"{\"phenomenonTime\": \"2024-03-01T10:00:00Z\", \"result\": 17}");

		assertThat(ack.getReasonCode()).isIn(Mqtt5PubAckReasonCode.SUCCESS, Mqtt5PubAckReasonCode.NO_MATCHING_SUBSCRIBERS);
		await().atMost(Duration.ofSeconds(10))
			.untilAsserted(() -> assertThat(Devices.observations(api, station.datastream()).get("@iot.count").asInt())
				.isEqualTo(1));
		assertThat(Devices.observations(api, station.datastream()).get("value").get(0).get("result").asInt())
			.isEqualTo(17);
	}

	@Test
	void subscribersAtTheBrokerReceiveWhatIsCreated() {
		Station station = Devices.station(api);
		String topic = "v1.1/Datastreams(" + station.datastream() + ")/Observations";
		Inbox inbox = Inbox.subscribe(dashboard, topic);

		Api.Response posted = api.post("/v1.1/Datastreams(" + station.datastream() + ")/Observations",
				Map.of("phenomenonTime", "2024-03-01T10:00:00Z", "result", 23));
		MqttIngestTest.publish(device, topic, "{\"phenomenonTime\": \"2024-03-01T11:00:00Z\", \"result\": 24}");

		JsonNode fromHttp = inbox.next(json -> json.has("@iot.id") && json.get("result").asInt() == 23).json();
		assertThat(fromHttp.get("@iot.id").asLong()).isEqualTo(posted.id());
		// The broker hands subscribers the device's own message too; the platform's has its id.
		JsonNode fromMqtt = inbox.next(json -> json.has("@iot.id") && json.get("result").asInt() == 24).json();
		assertThat(fromMqtt.get("@iot.selfLink").asString()).contains("/v1.1/Observations(");
	}

	@Test
	void subscribersAtTheBrokerReceiveAnUpdatedThing() {
		Station station = Devices.station(api);
		Inbox inbox = Inbox.subscribe(dashboard, "v1.1/Things(" + station.thing() + ")/properties");

		api.patch("/v1.1/Things(" + station.thing() + ")", Map.of("properties", Map.of("district", "09015")));

		assertThat(inbox.next().json().get("properties").get("district").asString()).isEqualTo("09015");
	}

}
