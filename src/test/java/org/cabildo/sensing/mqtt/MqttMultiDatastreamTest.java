package org.cabildo.sensing.mqtt;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;

import org.cabildo.sensing.mqtt.Devices.Station;
import org.cabildo.support.Api;
import org.cabildo.support.StreamKind;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.test.web.server.LocalServerPort;

import com.hivemq.client.mqtt.mqtt5.Mqtt5BlockingClient;
import com.hivemq.client.mqtt.mqtt5.message.publish.puback.Mqtt5PubAck;
import com.hivemq.client.mqtt.mqtt5.message.publish.puback.Mqtt5PubAckReasonCode;

import tools.jackson.databind.JsonNode;

/**
 * MultiDatastreams over MQTT (OGC 18-088, 14.4 with the MQTT extension): devices publish to
 * {@code v1.1/MultiDatastreams(id)/Observations}, subscribers listen on the MultiDatastream's
 * topics, and a result that is not an array of one value per ObservedProperty is refused.
 */
@MqttTest
class MqttMultiDatastreamTest {

	@LocalServerPort
	int httpPort;

	@Value("${local.mqtt.port}")
	int mqttPort;

	private Api api;

	private Devices.Credential credential;

	private Mqtt5BlockingClient device;

	private Mqtt5BlockingClient dashboard;

	@BeforeEach
	void connect() {
		api = new Api(httpPort);
		credential = Devices.device(api);
		device = Devices.mqtt5(mqttPort, credential);
		dashboard = Devices.mqtt5(mqttPort);
	}

	@AfterEach
	void disconnect() {
		device.disconnect();
		dashboard.disconnect();
	}

	@Test
	void aDevicePublishesToItsMultiDatastreamAndSubscribersReceiveIt() throws InterruptedException {
		Station station = Devices.station(api, credential, StreamKind.MULTI_DATASTREAM);
		String topic = "v1.1/MultiDatastreams(" + station.datastream() + ")/Observations";
		Devices.Inbox inbox = Devices.Inbox.subscribe(dashboard, topic);
		Devices.Inbox selected = Devices.Inbox.subscribe(dashboard, topic + "?$select=result");
		Mqtt5PubAck ack = MqttIngestTest.publish(device, topic,
				"{\"phenomenonTime\": \"2024-03-01T10:00:00Z\", \"result\": [21.5, 40]}");
		assertThat(ack.getReasonCode()).as("%s", ack).isEqualTo(Mqtt5PubAckReasonCode.SUCCESS);
		JsonNode message = inbox.next(Duration.ofSeconds(10)).json();
		assertThat(message.get("result").get(1).asInt()).isEqualTo(40);
		assertThat(message.get("MultiDatastream@iot.navigationLink").asString())
			.endsWith("/Observations(" + message.get("@iot.id").asLong() + ")/MultiDatastream");
		assertThat(message.has("Datastream@iot.navigationLink")).isFalse();
		assertThat(selected.next(Duration.ofSeconds(10)).json().get("result")).hasSize(2);
		assertThat(api.get("/v1.1/MultiDatastreams(" + station.datastream() + ")/Observations").json().get("value"))
			.hasSize(1);
		// Named in the payload instead of the topic.
		assertThat(MqttIngestTest.publish(device, "v1.1/Observations", "{\"result\": [22, 41], \"MultiDatastream\": "
				+ "{\"@iot.id\": " + station.datastream() + "}}").getReasonCode()).isEqualTo(Mqtt5PubAckReasonCode.SUCCESS);
		assertThat(api.get("/v1.1/MultiDatastreams(" + station.datastream() + ")/Observations").json().get("value"))
			.hasSize(2);
	}

	@Test
	void aResultOfAnotherShapeOrTheWrongKindOfStreamIsRefused() {
		Station station = Devices.station(api, credential, StreamKind.MULTI_DATASTREAM);
		String topic = "v1.1/MultiDatastreams(" + station.datastream() + ")/Observations";
		Mqtt5PubAck single = MqttIngestTest.publish(device, topic, "{\"result\": 21.5}");
		assertThat(single.getReasonCode()).isNotEqualTo(Mqtt5PubAckReasonCode.SUCCESS);
		assertThat(single.getReasonString().map(Object::toString).orElse(""))
			.contains("JSON array of 2 values, one per ObservedProperty");
		Mqtt5PubAck three = MqttIngestTest.publish(device, topic, "{\"result\": [1, 2, 3]}");
		assertThat(three.getReasonCode()).isNotEqualTo(Mqtt5PubAckReasonCode.SUCCESS);
		Mqtt5PubAck asDatastream = MqttIngestTest.publish(device,
				"v1.1/Datastreams(" + station.datastream() + ")/Observations", "{\"result\": [1, 2]}");
		assertThat(asDatastream.getReasonCode()).isNotEqualTo(Mqtt5PubAckReasonCode.SUCCESS);
		assertThat(asDatastream.getReasonString().map(Object::toString).orElse("")).contains("does not exist");
		assertThat(api.get("/v1.1/MultiDatastreams(" + station.datastream() + ")/Observations").json().get("value"))
			.isEmpty();
	}

}
