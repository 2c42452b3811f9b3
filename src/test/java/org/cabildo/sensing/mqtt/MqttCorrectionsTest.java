package org.cabildo.sensing.mqtt;

import static org.assertj.core.api.Assertions.assertThat;

import org.cabildo.sensing.mqtt.Devices.Station;
import org.cabildo.support.Api;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;

import com.hivemq.client.mqtt.mqtt5.Mqtt5BlockingClient;
import com.hivemq.client.mqtt.mqtt5.message.publish.puback.Mqtt5PubAckReasonCode;

import tools.jackson.databind.JsonNode;

/**
 * A re-published reading with another result corrects the stored Observation in place, as over
 * HTTP, recorded as written by the publishing device.
 */
@MqttTest
class MqttCorrectionsTest {

	@LocalServerPort
	int httpPort;

	@Value("${local.mqtt.port}")
	int mqttPort;

	@Autowired
	JdbcClient jdbc;

	@Test
	void aCorrectedValueForAnHourAlreadyStoredIsAcknowledgedAndCorrectsInPlace() {
		Api api = new Api(httpPort);
		Devices.Credential credential = Devices.device(api);
		Station station = Devices.station(api, credential);
		Mqtt5BlockingClient device = Devices.mqtt5(mqttPort, credential);
		// The public reads open data: the dashboard signs in as nobody.
		Mqtt5BlockingClient dashboard = Devices.mqtt5(mqttPort);
		String topic = "v1.1/Datastreams(" + station.datastream() + ")/Observations";
		try {
			assertThat(MqttIngestTest.publish(device, topic,
					"{\"phenomenonTime\": \"2026-03-01T10:00:00Z\", \"result\": 41.5}").getReasonCode())
				.isEqualTo(Mqtt5PubAckReasonCode.SUCCESS);
			long first = Devices.observations(api, station.datastream()).get("value").get(0).get("@iot.id").asLong();
			Devices.Inbox inbox = Devices.Inbox.subscribe(dashboard, "v1.1/Observations(" + first + ")/result");
			assertThat(MqttIngestTest.publish(device, topic,
					"{\"phenomenonTime\": \"2026-03-01T10:00:00Z\", \"result\": 43}").getReasonCode())
				.isEqualTo(Mqtt5PubAckReasonCode.SUCCESS);

			// Subscribers of the Observation hear of the correction as of a PATCH.
			assertThat(inbox.next().json().get("result").asDouble()).isEqualTo(43.0);

			JsonNode stored = Devices.observations(api, station.datastream());
			assertThat(stored.get("@iot.count").asInt()).isEqualTo(1);
			assertThat(stored.get("value").get(0).get("result").asDouble()).isEqualTo(43.0);
			long id = stored.get("value").get(0).get("@iot.id").asLong();
			assertThat(jdbc.sql("SELECT result_number FROM observation_revisions WHERE observation_id = ?")
				.param(id)
				.query(Double.class)
				.list()).containsExactly(41.5);
			// The device that published the correcting reading is who corrected, in the revision and the ledger.
			assertThat(jdbc.sql("SELECT revised_by FROM observation_revisions WHERE observation_id = ?")
				.param(id)
				.query(String.class)
				.list()).containsExactly("device " + credential.name());
			assertThat(jdbc.sql("SELECT actor FROM ledger_entries WHERE kind = 'correction' AND detail LIKE ?")
				.param("%: " + id)
				.query(String.class)
				.list()).containsExactly("device " + credential.name());
		}
		finally {
			device.disconnect();
			dashboard.disconnect();
		}
	}

}
