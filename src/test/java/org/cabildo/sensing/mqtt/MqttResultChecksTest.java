package org.cabildo.sensing.mqtt;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;

import org.cabildo.sensing.mqtt.Devices.Station;
import org.cabildo.support.Api;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.test.web.server.LocalServerPort;

import com.hivemq.client.mqtt.mqtt5.Mqtt5BlockingClient;
import com.hivemq.client.mqtt.mqtt5.message.publish.puback.Mqtt5PubAck;
import com.hivemq.client.mqtt.mqtt5.message.publish.puback.Mqtt5PubAckReasonCode;

/** A publish whose result its stream does not accept is refused with the reason, as over HTTP. */
@MqttTest
class MqttResultChecksTest {

	@LocalServerPort
	int httpPort;

	@Value("${local.mqtt.port}")
	int mqttPort;

	@Test
	void aSentinelOrAnOutOfRangeResultIsRefusedInThePuback() {
		Api api = new Api(httpPort);
		Devices.Credential credential = Devices.device(api);
		Station station = Devices.station(api, credential);
		assertThat(api.patch("/v1.1/Datastreams(" + station.datastream() + ")", Map.of("properties",
				Map.of("cabildo:validRange", Map.of("min", 0, "max", 500), "cabildo:sentinels", List.of(-99, "NA"))))
			.status()).isEqualTo(200);
		Mqtt5BlockingClient device = Devices.mqtt5(mqttPort, credential);
		String topic = "v1.1/Datastreams(" + station.datastream() + ")/Observations";
		try {
			Mqtt5PubAck sentinel = MqttIngestTest.publish(device, topic,
					"{\"phenomenonTime\": \"2026-03-01T10:00:00Z\", \"result\": -99}");
			Mqtt5PubAck na = MqttIngestTest.publish(device, topic,
					"{\"phenomenonTime\": \"2026-03-01T11:00:00Z\", \"result\": \"NA\"}");
			Mqtt5PubAck nul = MqttIngestTest.publish(device, topic,
					"{\"phenomenonTime\": \"2026-03-01T12:00:00Z\", \"result\": null}");
			Mqtt5PubAck high = MqttIngestTest.publish(device, topic,
					"{\"phenomenonTime\": \"2026-03-01T13:00:00Z\", \"result\": 501}");
			Mqtt5PubAck good = MqttIngestTest.publish(device, topic,
					"{\"phenomenonTime\": \"2026-03-01T14:00:00Z\", \"result\": 41}");

			for (Mqtt5PubAck refused : List.of(sentinel, na, nul, high)) {
				assertThat(refused.getReasonCode()).isEqualTo(Mqtt5PubAckReasonCode.IMPLEMENTATION_SPECIFIC_ERROR);
			}
			assertThat(reason(sentinel)).contains("sentinel");
			assertThat(reason(nul)).contains("null");
			assertThat(reason(high)).contains("valid range");
			assertThat(good.getReasonCode()).isEqualTo(Mqtt5PubAckReasonCode.SUCCESS);
			assertThat(Devices.observations(api, station.datastream()).get("@iot.count").asInt()).isEqualTo(1);
		}
		finally {
			device.disconnect();
		}
	}

	private static String reason(Mqtt5PubAck ack) {
		return ack.getReasonString().map(Object::toString).orElse("");
	}

}
