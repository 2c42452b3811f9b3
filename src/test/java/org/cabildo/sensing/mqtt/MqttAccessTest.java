package org.cabildo.sensing.mqtt;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CompletionException;

import org.cabildo.identity.Organisation;
import org.cabildo.identity.Organisations;
import org.cabildo.identity.People;
import org.cabildo.identity.Person;
import org.cabildo.identity.Role;
import org.cabildo.identity.Tokens;
import org.cabildo.sensing.mqtt.Devices.Credential;
import org.cabildo.sensing.mqtt.Devices.Station;
import org.cabildo.support.Api;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.test.web.server.LocalServerPort;

import com.hivemq.client.mqtt.MqttClient;
import com.hivemq.client.mqtt.datatypes.MqttQos;
import com.hivemq.client.mqtt.exceptions.MqttClientStateException;
import com.hivemq.client.mqtt.mqtt3.Mqtt3BlockingClient;
import com.hivemq.client.mqtt.mqtt3.exceptions.Mqtt3ConnAckException;
import com.hivemq.client.mqtt.mqtt3.message.connect.connack.Mqtt3ConnAckReturnCode;
import com.hivemq.client.mqtt.mqtt5.Mqtt5BlockingClient;
import com.hivemq.client.mqtt.mqtt5.exceptions.Mqtt5ConnAckException;
import com.hivemq.client.mqtt.mqtt5.exceptions.Mqtt5SubAckException;
import com.hivemq.client.mqtt.mqtt5.message.connect.connack.Mqtt5ConnAckReasonCode;
import com.hivemq.client.mqtt.mqtt5.message.publish.puback.Mqtt5PubAckReasonCode;
import com.hivemq.client.mqtt.mqtt5.message.subscribe.suback.Mqtt5SubAck;
import com.hivemq.client.mqtt.mqtt5.message.subscribe.suback.Mqtt5SubAckReasonCode;

/**
 * Who may do what over MQTT: devices sign in with their name and secret and create Observations
 * only in the Datastreams they are bound to; the public subscribes to open data and publishes
 * nothing that creates; every kind of topic the platform serves has a rule for each.
 */
@MqttTest
class MqttAccessTest {

	@LocalServerPort
	int httpPort;

	@Value("${local.mqtt.port}")
	int mqttPort;

	@Autowired
	Organisations organisations;

	@Autowired
	People people;

	@Autowired
	Tokens tokens;

	private Api api;

	/** Ours: the test organisation's station, and a device bound to it. */
	private Station station;

	private Credential device;

	/** Another organisation's station, and its device. */
	private Station theirs;

	private Credential theirDevice;

	@BeforeEach
	void organisations() {
		api = new Api(httpPort);
		device = Devices.device(api);
		station = Devices.station(api, device);
		String unique = UUID.randomUUID().toString().substring(0, 8);
		Organisation other = organisations.create("other-" + unique);
		Person operator = people.create("operator-" + unique, null, other.id(), "test");
		people.grant(operator.id(), other.id(), Role.OPERATOR, "test");
		people.grant(operator.id(), other.id(), Role.ADMIN, "test");
		Api them = api.as(Api.bearer(tokens.create(operator.id(), "test", null, "test").secret()));
		theirs = Devices.station(them);
		theirDevice = Devices.deviceOf(them, other.id(), theirs.datastream());
	}

	@Test
	void aDeviceCreatesObservationsOnlyInTheDatastreamsItIsBoundTo() {
		Mqtt5BlockingClient mqtt5 = Devices.mqtt5(mqttPort, device);
		Mqtt3BlockingClient mqtt3 = Devices.mqtt3(mqttPort, device);
		try {
			assertThat(MqttIngestTest.publish(mqtt5, topic(station), "{\"result\": 1}").getReasonCode())
				.isEqualTo(Mqtt5PubAckReasonCode.SUCCESS);
			assertThat(MqttIngestTest.publish(mqtt5, topic(theirs), "{\"result\": 2}").getReasonCode())
				.isEqualTo(Mqtt5PubAckReasonCode.NOT_AUTHORIZED);
			assertThat(MqttIngestTest.publish(mqtt5, "v1.1/Observations", named(theirs, 3)).getReasonCode())
				.as("the Datastream named in the payload")
				.isEqualTo(Mqtt5PubAckReasonCode.NOT_AUTHORIZED);
			assertThat(MqttIngestTest
				.publish(mqtt5, "v1.1/Observations", "{\"result\": 4, \"FeatureOfInterest\": {\"name\": \"f\","
						+ " \"description\": \"f\", \"encodingType\": \"application/geo+json\", \"feature\":"
						+ " {\"type\": \"Point\", \"coordinates\": [1, 2]}}, \"Datastream\": {\"@iot.id\": "
						+ theirs.datastream() + "}}")
				.getReasonCode()).as("with its FeatureOfInterest inline").isEqualTo(Mqtt5PubAckReasonCode.NOT_AUTHORIZED);
			// MQTT 3 has no reason codes: acknowledged, and not stored.
			mqtt3.publishWith().topic(topic(theirs)).qos(MqttQos.AT_LEAST_ONCE).payload(Devices.json("{\"result\": 5}"))
				.send();
			mqtt3.publishWith().topic(topic(station)).qos(MqttQos.AT_LEAST_ONCE).payload(Devices.json("{\"result\": 6}"))
				.send();
		}
		finally {
			mqtt5.disconnect();
			mqtt3.disconnect();
		}
		assertThat(count(station)).isEqualTo(2);
		assertThat(count(theirs)).isZero();
	}

	@Test
	void wrongCredentialsAreRefusedOnConnect() {
		Credential wrong = new Credential(device.id(), device.name(), device.secret() + "x");
		Credential unknown = new Credential(0, "nobody-" + UUID.randomUUID(), device.secret());
		Credential someoneElses = new Credential(device.id(), theirDevice.name(), device.secret());

		for (Credential credential : new Credential[] { wrong, unknown, someoneElses }) {
			assertThatThrownBy(() -> Devices.mqtt5(mqttPort, credential)).isInstanceOfSatisfying(
					Mqtt5ConnAckException.class, refused -> assertThat(refused.getMqttMessage().getReasonCode())
						.isEqualTo(Mqtt5ConnAckReasonCode.BAD_USER_NAME_OR_PASSWORD));
			assertThatThrownBy(() -> Devices.mqtt3(mqttPort, credential)).isInstanceOfSatisfying(
					Mqtt3ConnAckException.class, refused -> assertThat(refused.getMqttMessage().getReturnCode())
						.isEqualTo(Mqtt3ConnAckReturnCode.BAD_USER_NAME_OR_PASSWORD));
		}
	}

	@Test
	void thePublicReceivesObservationsButCreatesNone() throws InterruptedException {
		Mqtt5BlockingClient dashboard = Devices.mqtt5(mqttPort);
		Mqtt3BlockingClient anonymous3 = anonymousMqtt3();
		Mqtt5BlockingClient station5 = Devices.mqtt5(mqttPort, device);
		try {
			Devices.Inbox inbox = Devices.Inbox.subscribe(dashboard, topic(station));

			MqttIngestTest.publish(station5, topic(station), "{\"result\": 10}");
			assertThat(inbox.next().json().get("result").asInt()).isEqualTo(10);

			assertThat(MqttIngestTest.publish(dashboard, topic(station), "{\"result\": 11}").getReasonCode())
				.isEqualTo(Mqtt5PubAckReasonCode.NOT_AUTHORIZED);
			assertThat(MqttIngestTest.publish(dashboard, "v1.1/Observations", named(station, 12)).getReasonCode())
				.isEqualTo(Mqtt5PubAckReasonCode.NOT_AUTHORIZED);
			anonymous3.publishWith()
				.topic(topic(station))
				.qos(MqttQos.AT_LEAST_ONCE)
				.payload(Devices.json("{\"result\": 13}"))
				.send();
			assertThat(inbox.isEmptyAfter(Duration.ofMillis(300))).isTrue();
		}
		finally {
			dashboard.disconnect();
			anonymous3.disconnect();
			station5.disconnect();
		}
		assertThat(count(station)).isEqualTo(1);
	}

	@Test
	void aDeviceUnboundOrRevokedStopsAtOnce() {
		Mqtt5BlockingClient mqtt5 = Devices.mqtt5(mqttPort, device);
		Station second = Devices.station(api, device);
		assertThat(MqttIngestTest.publish(mqtt5, topic(second), "{\"result\": 1}").getReasonCode())
			.as("bound while connected").isEqualTo(Mqtt5PubAckReasonCode.SUCCESS);

		assertThat(api.delete("/api/identity/devices/" + device.id() + "/bindings/" + second.datastream()).status())
			.isEqualTo(200);
		assertThat(MqttIngestTest.publish(mqtt5, topic(second), "{\"result\": 2}").getReasonCode())
			.as("unbound while connected").isEqualTo(Mqtt5PubAckReasonCode.NOT_AUTHORIZED);

		Devices.revoke(api, device);
		await().atMost(Duration.ofSeconds(5)).until(() -> !mqtt5.getState().isConnected());
		try {
			MqttIngestTest.publish(mqtt5, topic(station), "{\"result\": 3}");
		}
		catch (RuntimeException notConnected) {
			// As expected: the broker closed the connection.
		}
		assertThatThrownBy(() -> Devices.mqtt5(mqttPort, device)).isInstanceOf(Mqtt5ConnAckException.class);
		assertThat(count(second)).isEqualTo(1);
		assertThat(count(station)).isZero();
	}

	/** Who connects, in the authorisation matrix. */
	enum Who {

		ANONYMOUS, DEVICE, OTHER_ORGANISATION_DEVICE

	}

	/** What each may do on each kind of topic: the PUBACK of a publish, and whether a subscription is granted. */
	record Rule(Mqtt5PubAckReasonCode publish, boolean subscribe) {
	}

	private static final Rule DEVICE_ONLY = new Rule(Mqtt5PubAckReasonCode.NOT_AUTHORIZED, false);

	private static final Map<Topics.Kind, Map<Who, Rule>> MATRIX = Map.of(
			Topics.Kind.DATASTREAM_OBSERVATIONS,
			Map.of(Who.ANONYMOUS, new Rule(Mqtt5PubAckReasonCode.NOT_AUTHORIZED, true), Who.DEVICE,
					new Rule(Mqtt5PubAckReasonCode.SUCCESS, true), Who.OTHER_ORGANISATION_DEVICE,
					new Rule(Mqtt5PubAckReasonCode.NOT_AUTHORIZED, true)),
			Topics.Kind.OBSERVATIONS,
			Map.of(Who.ANONYMOUS, new Rule(Mqtt5PubAckReasonCode.NOT_AUTHORIZED, true), Who.DEVICE,
					new Rule(Mqtt5PubAckReasonCode.SUCCESS, true), Who.OTHER_ORGANISATION_DEVICE,
					new Rule(Mqtt5PubAckReasonCode.NOT_AUTHORIZED, true)),
			// Only the platform publishes there; a device is told the topic creates nothing.
			Topics.Kind.SENSOR_THINGS,
			Map.of(Who.ANONYMOUS, new Rule(Mqtt5PubAckReasonCode.NOT_AUTHORIZED, true), Who.DEVICE,
					new Rule(Mqtt5PubAckReasonCode.TOPIC_NAME_INVALID, true), Who.OTHER_ORGANISATION_DEVICE,
					new Rule(Mqtt5PubAckReasonCode.TOPIC_NAME_INVALID, true)),
			Topics.Kind.OTHER, Map.of(Who.ANONYMOUS, DEVICE_ONLY, Who.DEVICE, new Rule(Mqtt5PubAckReasonCode.SUCCESS, true),
					Who.OTHER_ORGANISATION_DEVICE, new Rule(Mqtt5PubAckReasonCode.SUCCESS, true)));

	@Test
	void everyKindOfTopicHasARuleForEveryone() {
		int created = 0;
		for (Topics.Kind kind : Topics.Kind.values()) {
			assertThat(MATRIX).as("the rules of " + kind).containsKey(kind);
			String topic = topic(kind);
			assertThat(Topics.Kind.of(topic)).isEqualTo(kind);
			for (Who who : Who.values()) {
				Rule rule = MATRIX.get(kind).get(who);
				assertThat(rule).as("the rule of " + who + " on " + kind).isNotNull();
				// A connection each: HiveMQ closes one that published where it may not.
				Mqtt5BlockingClient subscriber = connect(who);
				try {
					assertThat(subscribed(subscriber, topic)).as(who + " subscribing to " + topic)
						.isEqualTo(rule.subscribe());
				}
				finally {
					disconnect(subscriber);
				}
				Mqtt5BlockingClient publisher = connect(who);
				try {
					Mqtt5PubAckReasonCode answer = MqttIngestTest.publish(publisher, topic, named(station, created + 100))
						.getReasonCode();
					// Taken, only nobody listens.
					if (answer == Mqtt5PubAckReasonCode.NO_MATCHING_SUBSCRIBERS) {
						answer = Mqtt5PubAckReasonCode.SUCCESS;
					}
					assertThat(answer).as(who + " publishing on " + topic).isEqualTo(rule.publish());
				}
				finally {
					disconnect(publisher);
				}
				if (kind != Topics.Kind.OTHER && rule.publish() == Mqtt5PubAckReasonCode.SUCCESS) {
					created++;
				}
			}
		}
		assertThat(count(station)).isEqualTo(created);
		assertThat(count(theirs)).isZero();
	}

	private Mqtt5BlockingClient connect(Who who) {
		return switch (who) {
			case ANONYMOUS -> Devices.mqtt5(mqttPort);
			case DEVICE -> Devices.mqtt5(mqttPort, device);
			case OTHER_ORGANISATION_DEVICE -> Devices.mqtt5(mqttPort, theirDevice);
		};
	}

	private static void disconnect(Mqtt5BlockingClient client) {
		try {
			client.disconnect();
		}
		catch (MqttClientStateException closedByTheBroker) {
			// It may not publish there: HiveMQ closed the connection.
		}
	}

	/** A topic of each kind, on this test's station. */
	private String topic(Topics.Kind kind) {
		return switch (kind) {
			case DATASTREAM_OBSERVATIONS -> topic(station);
			case OBSERVATIONS -> "v1.1/Observations";
			case SENSOR_THINGS -> "v1.1/Things(" + station.thing() + ")";
			case OTHER -> "city/lights/" + UUID.randomUUID();
		};
	}

	private static boolean subscribed(Mqtt5BlockingClient client, String filter) {
		try {
			Mqtt5SubAck ack = client.toAsync().subscribeWith().topicFilter(filter).callback(publish -> {
			}).send().join();
			return ack.getReasonCodes().stream().noneMatch(Mqtt5SubAckReasonCode::isError);
		}
		catch (CompletionException e) {
			if (e.getCause() instanceof Mqtt5SubAckException refused) {
				assertThat(refused.getMqttMessage().getReasonCodes()).containsOnly(Mqtt5SubAckReasonCode.NOT_AUTHORIZED);
				return false;
			}
			throw e;
		}
	}

	private Mqtt3BlockingClient anonymousMqtt3() {
		Mqtt3BlockingClient client = MqttClient.builder()
			.useMqttVersion3()
			.identifier("test-" + UUID.randomUUID())
			.serverHost("127.0.0.1")
			.serverPort(mqttPort)
			.buildBlocking();
		client.connect();
		return client;
	}

	private static String topic(Station station) {
		return "v1.1/Datastreams(" + station.datastream() + ")/Observations";
	}

	/** An Observation naming its Datastream in the payload, with a result. */
	private static String named(Station station, int result) {
		return "{\"result\": " + result + ", \"Datastream\": {\"@iot.id\": " + station.datastream() + "}}";
	}

	private int count(Station station) {
		return Devices.observations(api, station.datastream()).get("@iot.count").asInt();
	}

}
