package org.cabildo.sensing.mqtt;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;

import org.cabildo.sensing.mqtt.Devices.Station;
import org.cabildo.support.Api;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.test.web.server.LocalServerPort;

/**
 * A device with many publishes in flight on one connection: each is taken without waiting for
 * those before it, answered in the order sent, stored once; and a device that sends faster
 * than the database writes is stopped being read from rather than buffered without bound.
 */
@MqttTest
class PipelinedPublishTest {

	private static final Instant START = Instant.parse("2024-03-01T00:00:00Z");

	@LocalServerPort
	int httpPort;

	@Value("${local.mqtt.port}")
	int mqttPort;

	@Autowired
	ReadGate gate;

	private Api api;

	private Devices.Credential credential;

	@BeforeEach
	void api() {
		api = new Api(httpPort);
		credential = Devices.device(api);
	}

	@Test
	void manyQos1PublishesInFlightOnOneMqtt5ConnectionArePubackedInOrderAndStoredOnce() {
		Station station = Devices.station(api, credential);
		String topic = topic(station);
		// The broker's receive maximum.
		int window = 64;
		int publishes = 1_000;

		List<RawMqtt.Answer> answers = new ArrayList<>();
		try (RawMqtt device = RawMqtt.connect(mqttPort, 5, credential)) {
			for (int i = 1; i <= publishes; i++) {
				if (i > window) {
					device.flush();
					answers.add(device.next());
				}
				device.publish(topic, 1, i, reading(i));
			}
			device.flush();
			while (answers.size() < publishes) {
				answers.add(device.next());
			}
		}

		assertThat(answers).extracting(RawMqtt.Answer::packetId).containsExactlyElementsOf(ids(publishes));
		assertThat(answers).allSatisfy(answer -> {
			assertThat(answer.type()).isEqualTo(RawMqtt.PUBACK);
			assertThat(answer.reasonCode()).isZero();
		});
		assertThat(count(station)).isEqualTo(publishes);
	}

	@Test
	void anMqtt311DeviceSendingThousandsAtOnceIsPubackedInOrderAndStoppedBeingReadFromMeanwhile() throws Exception {
		Station station = Devices.station(api, credential);
		String topic = topic(station);
		int publishes = 20_000;
		long stopsBefore = gate.stops();

		List<RawMqtt.Answer> answers = new ArrayList<>();
		try (RawMqtt device = RawMqtt.connect(mqttPort, 4, credential)) {
			CompletableFuture<Void> sent = CompletableFuture.runAsync(() -> {
				for (int i = 1; i <= publishes; i++) {
					device.publish(topic, 1, i, reading(i));
				}
				device.flush();
			});
			while (answers.size() < publishes) {
				answers.add(device.next());
			}
			sent.get(60, TimeUnit.SECONDS);
		}

		assertThat(answers).extracting(RawMqtt.Answer::packetId).containsExactlyElementsOf(ids(publishes));
		assertThat(count(station)).isEqualTo(publishes);
		assertThat(gate.stops()).as("times a connection stopped reading").isGreaterThan(stopsBefore);
		// 1,000 in flight on one connection, and what one read off the socket (64 KiB) held besides.
		assertThat(gate.peak()).isLessThan(1_000 + 65_536 / 60 + 100);
	}

	@Test
	void aRefusedPublishAmongGoodOnesGetsItsReasonWhileTheOthersLand() {
		Station station = Devices.station(api, credential);
		String topic = topic(station);

		List<RawMqtt.Answer> answers = new ArrayList<>();
		try (RawMqtt device = RawMqtt.connect(mqttPort, 5, credential)) {
			device.publish(topic, 1, 1, reading(1));
			device.publish(topic, 1, 2, "result=4");
			device.publish(topic, 1, 3, reading(3));
			device.publish("v1.1/Datastreams(999999999)/Observations", 1, 4, reading(4));
			device.publish(topic, 1, 5, reading(5));
			device.flush();
			for (int i = 0; i < 5; i++) {
				answers.add(device.next());
			}
		}

		assertThat(answers).extracting(RawMqtt.Answer::packetId).containsExactly(1, 2, 3, 4, 5);
		assertThat(answers).extracting(RawMqtt.Answer::reasonCode).containsExactly(0x00, 0x99, 0x00, 0x87, 0x00);
		assertThat(answers.get(1).reason()).contains("not JSON");
		assertThat(answers.get(3).reason()).contains("999999999");
		assertThat(count(station)).isEqualTo(3);
	}

	@Test
	void answersOfPublishesTheBrokerHandlesKeepTheirPlaceInOrder() {
		Station station = Devices.station(api, credential);
		String topic = topic(station);

		List<RawMqtt.Answer> answers = new ArrayList<>();
		try (RawMqtt device = RawMqtt.connect(mqttPort, 5, credential)) {
			device.publish(topic, 1, 1, reading(1));
			device.publish("city/lights/7", 1, 2, "{\"on\": true}");
			// QoS 2 is left to the broker's interceptor.
			device.publish(topic, 2, 3, reading(3));
			device.publish(topic, 1, 4, reading(4));
			device.flush();
			for (int i = 0; i < 4; i++) {
				answers.add(device.next());
			}
			device.pubrel(3);
			device.flush();
			answers.add(device.next());
		}

		assertThat(answers).extracting(answer -> answer.type() + "/" + answer.packetId())
			.containsExactly(RawMqtt.PUBACK + "/1", RawMqtt.PUBACK + "/2", RawMqtt.PUBREC + "/3", RawMqtt.PUBACK + "/4",
					RawMqtt.PUBCOMP + "/3");
		assertThat(answers.get(2).reasonCode()).isZero();
		assertThat(count(station)).isEqualTo(3);
	}

	@Test
	void aPublishSentAgainOnANewConnectionIsAcknowledgedAndStoredOnce() {
		Station station = Devices.station(api, credential);
		String topic = topic(station);
		try (RawMqtt first = RawMqtt.connect(mqttPort, 4, credential)) {
			first.publish(topic, 1, 1, reading(1));
			first.flush();
			assertThat(first.next().packetId()).isEqualTo(1);
		}

		RawMqtt.Answer again;
		try (RawMqtt second = RawMqtt.connect(mqttPort, 4, credential)) {
			second.publish(topic, 1, 1, reading(1), true);
			second.flush();
			again = second.next();
		}

		assertThat(again.packetId()).isEqualTo(1);
		assertThat(count(station)).isEqualTo(1);
	}

	private static String topic(Station station) {
		return "v1.1/Datastreams(" + station.datastream() + ")/Observations";
	}

	private static String reading(int i) {
		return "{\"phenomenonTime\": \"" + START.plus(Duration.ofSeconds(i)) + "\", \"result\": " + i + "}";
	}

	private static List<Integer> ids(int publishes) {
		List<Integer> ids = new ArrayList<>(publishes);
		for (int i = 1; i <= publishes; i++) {
			ids.add(i);
		}
		return ids;
	}

	private int count(Station station) {
		return Devices.observations(api, station.datastream()).get("@iot.count").asInt();
	}

}
