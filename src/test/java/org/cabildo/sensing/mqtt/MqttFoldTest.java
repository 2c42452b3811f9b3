package org.cabildo.sensing.mqtt;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;

import org.cabildo.governance.Declaration;
import org.cabildo.governance.Register;
import org.cabildo.sensing.mqtt.Devices.Credential;
import org.cabildo.sensing.mqtt.Devices.Station;
import org.cabildo.support.Api;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;

import com.hivemq.client.mqtt.mqtt5.Mqtt5BlockingClient;
import com.hivemq.client.mqtt.mqtt5.message.publish.puback.Mqtt5PubAck;
import com.hivemq.client.mqtt.mqtt5.message.publish.puback.Mqtt5PubAckReasonCode;

/**
 * A reading published past its stream's retention (issue 15) is folded into the aggregates kept,
 * once, however often the device sends it again, and the device reads so in the acknowledgement.
 */
@MqttTest
class MqttFoldTest {

	@LocalServerPort
	int httpPort;

	@Value("${local.mqtt.port}")
	int mqttPort;

	@Autowired
	Register register;

	@Autowired
	JdbcClient jdbc;

	@Test
	@DisplayName("a reading published past retention is folded once, the device told so; a retry is a duplicate;"
			+ " another result at its time is refused")
	void aReadingPastRetentionIsFoldedOnce() {
		Api api = new Api(httpPort);
		Credential credential = Devices.device(api);
		Station station = Devices.station(api, credential);
		keepAggregates(station.datastream());
		Mqtt5BlockingClient device = Devices.mqtt5(mqttPort, credential);
		String topic = "v1.1/Datastreams(" + station.datastream() + ")/Observations";
		String time = Instant.now().minus(Duration.ofDays(700)).toString();
		try {
			Mqtt5PubAck first = MqttIngestTest.publish(device, topic,
					"{\"phenomenonTime\": \"" + time + "\", \"result\": 41.5}");
			Mqtt5PubAck retry = MqttIngestTest.publish(device, topic,
					"{\"phenomenonTime\": \"" + time + "\", \"result\": 41.5}");
			Mqtt5PubAck other = MqttIngestTest.publish(device, topic,
					"{\"phenomenonTime\": \"" + time + "\", \"result\": 3}");

			assertThat(first.getReasonCode()).isEqualTo(Mqtt5PubAckReasonCode.SUCCESS);
			assertThat(reason(first)).contains("past the retention", "added to the aggregates");
			assertThat(retry.getReasonCode()).isEqualTo(Mqtt5PubAckReasonCode.SUCCESS);
			assertThat(reason(retry)).contains("duplicate", "not counted again");
			assertThat(other.getReasonCode()).isNotEqualTo(Mqtt5PubAckReasonCode.SUCCESS);
			assertThat(reason(other)).contains("can no longer be corrected");
			assertThat(jdbc.sql("SELECT count, mean FROM observation_aggregates WHERE datastream_id = ?")
				.param(station.datastream())
				.query((rs, n) -> rs.getLong(1) + " of mean " + rs.getDouble(2))
				.list()).containsExactly("1 of mean 41.5");
			assertThat(jdbc.sql("SELECT COUNT(*) FROM observations WHERE datastream_id = ?")
				.param(station.datastream())
				.query(Long.class)
				.single()).isZero();
		}
		finally {
			device.disconnect();
		}
	}

	/** The stream's declaration, as the test city declared it, with a year's retention and daily aggregates. */
	private void keepAggregates(long datastream) {
		Declaration d = register.current(datastream).orElseThrow();
		register.saveVersion(new Declaration(d.datastreamId(), d.version(), d.organisationId(), d.organisation(),
				d.contact(), d.purposes(), d.technology(), d.dataTypes(), d.processing(), d.access(), d.storage(),
				new Declaration.Retention("P365D", Declaration.Retention.AGGREGATES, "P1D"), d.personalDataClass(),
				d.legalBasis(), d.privacyStatementUrl(), d.accessLevel(), d.sharing(), d.stage(), d.pilot(),
				d.impactAssessment(), d.summary(), d.consultation(), d.declaredAt(), "test"), "retention", "test");
	}

	private static String reason(Mqtt5PubAck ack) {
		return ack.getReasonString().map(Object::toString).orElse("");
	}

}
