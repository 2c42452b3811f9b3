package org.cabildo.sensing.mqtt;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;

import org.cabildo.governance.AccessLevel;
import org.cabildo.governance.Declaration;
import org.cabildo.governance.PersonalDataClass;
import org.cabildo.governance.Register;
import org.cabildo.governance.Stage;
import org.cabildo.sensing.mqtt.Devices.Credential;
import org.cabildo.sensing.mqtt.Devices.Station;
import org.cabildo.support.Api;
import org.cabildo.support.StreamKind;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;

import com.hivemq.client.mqtt.mqtt5.Mqtt5BlockingClient;
import com.hivemq.client.mqtt.mqtt5.message.publish.puback.Mqtt5PubAckReasonCode;

import tools.jackson.databind.JsonNode;

/**
 * Governance over MQTT: a retired stream collects nothing from its device, and what is not open
 * is never sent to subscribers, who name no purpose.
 */
@MqttTest
class MqttGovernanceTest {

	@LocalServerPort
	int httpPort;

	@Value("${local.mqtt.port}")
	int mqttPort;

	@Autowired
	Register register;

	@Autowired
	JdbcClient jdbc;

	private Credential device;

	private Station station;

	@BeforeEach
	void station() {
		Api api = new Api(httpPort);
		device = Devices.device(api);
	}

	/** A station of the kind under test, the device bound to its stream; its stream as {@link #station}. */
	private Station station(StreamKind kind) {
		station = Devices.station(new Api(httpPort), device, kind);
		return station;
	}

	@ParameterizedTest
	@EnumSource(StreamKind.class)
	void aRetiredStreamCollectsNothingOverMqtt(StreamKind kind) {
		station(kind);
		change(Stage.RETIRED, AccessLevel.OPEN, PersonalDataClass.NONE);
		Mqtt5BlockingClient mqtt5 = Devices.mqtt5(mqttPort, device);
		try {
			assertThat(MqttIngestTest.publish(mqtt5, topic(kind), "{\"result\": " + kind.resultJson(1) + "}")
				.getReasonCode()).isNotEqualTo(Mqtt5PubAckReasonCode.SUCCESS);
			assertThat(MqttIngestTest.publish(mqtt5, "v1.1/Observations", "{\"result\": " + kind.resultJson(1) + ", \""
					+ kind.entity() + "\": {\"@iot.id\": " + station.datastream() + "}}").getReasonCode())
				.isNotEqualTo(Mqtt5PubAckReasonCode.SUCCESS);
		}
		finally {
			mqtt5.disconnect();
		}
		assertThat(stored()).isZero();
	}

	@ParameterizedTest
	@EnumSource(StreamKind.class)
	void restrictedObservationsAreStoredButNotSentToSubscribers(StreamKind kind) throws InterruptedException {
		station(kind);
		change(Stage.CITY, AccessLevel.RESTRICTED, PersonalDataClass.PSEUDONYMOUS);
		Mqtt5BlockingClient dashboard = Devices.mqtt5(mqttPort);
		Mqtt5BlockingClient station5 = Devices.mqtt5(mqttPort, device);
		try {
			Devices.Inbox inbox = Devices.Inbox.subscribe(dashboard, topic(kind));
			Devices.Inbox everything = Devices.Inbox.subscribe(dashboard, "v1.1/Observations");
			assertThat(MqttIngestTest.publish(station5, topic(kind), "{\"result\": " + kind.resultJson(7) + "}")
				.getReasonCode()).isEqualTo(Mqtt5PubAckReasonCode.SUCCESS);
			assertThat(inbox.isEmptyAfter(Duration.ofMillis(500))).isTrue();
			assertThat(everything.isEmptyAfter(Duration.ofMillis(100))).isTrue();
		}
		finally {
			dashboard.disconnect();
			station5.disconnect();
		}
		assertThat(stored()).isEqualTo(1);
	}

	@ParameterizedTest
	@EnumSource(StreamKind.class)
	@DisplayName("a change to a restricted Observation reaches no subscriber, on any topic; one to an open Observation does")
	void changesOfRestrictedObservationsAreNotSent(StreamKind kind) throws InterruptedException {
		station(kind);
		Api operator = new Api(httpPort);
		Station open = Devices.station(operator, kind);
		change(station.datastream(), Stage.CITY, AccessLevel.RESTRICTED, PersonalDataClass.PSEUDONYMOUS);
		change(open.datastream(), Stage.CITY, AccessLevel.OPEN, PersonalDataClass.NONE);
		long restricted = observation(operator, kind, station.datastream());
		long openObservation = observation(operator, kind, open.datastream());
		Mqtt5BlockingClient dashboard = Devices.mqtt5(mqttPort);
		try {
			List<Devices.Inbox> ofRestricted = topics(kind, station.datastream(), restricted).stream()
				.map(topic -> Devices.Inbox.subscribe(dashboard, topic))
				.toList();
			List<Devices.Inbox> ofOpen = topics(kind, open.datastream(), openObservation).stream()
				.map(topic -> Devices.Inbox.subscribe(dashboard, topic))
				.toList();
			// What these answer is tested elsewhere; here, that the changes are made and not sent.
			operator.patch("/v1.1/Observations(" + restricted + ")", Map.of("result", kind.result(4242)));
			operator.put("/v1.1/Observations(" + restricted + ")", Map.of("result", kind.result(4343), "phenomenonTime",
					Instant.now().toString()));
			operator.post("/v1.1/$batch", Map.of("requests", List.of(Map.of("id", "1", "method", "patch", "url",
					"Observations(" + restricted + ")", "body", Map.of("result", kind.result(4444))))));
			String stored = jdbc.sql("SELECT COALESCE(CAST(result_number AS VARCHAR(40)), CAST(result_json AS VARCHAR(200)))"
					+ " FROM observations WHERE id = ?").param(restricted).query(String.class).single();
			assertThat(kind.value(Api.json(stored)).asDouble()).as("the changes are made").isEqualTo(4444.0);
			assertThat(operator.patch("/v1.1/Observations(" + openObservation + ")", Map.of("result", kind.result(11)))
				.status()).isEqualTo(200);
			for (Devices.Inbox inbox : ofOpen) {
				assertThat(inbox.next().json().toString()).as("the open stream's change is sent").contains("11");
			}
			for (Devices.Inbox inbox : ofRestricted) {
				assertThat(inbox.isEmptyAfter(Duration.ofMillis(300))).isTrue();
			}
		}
		finally {
			dashboard.disconnect();
		}
	}

	@ParameterizedTest
	@EnumSource(StreamKind.class)
	@DisplayName("property: whatever way an Observation is created or changed, a subscriber receives it only if an anonymous GET may read it")
	void everyMessagePassesAnAnonymousReadersRule(StreamKind kind) throws InterruptedException {
		station(kind);
		Api operator = new Api(httpPort);
		Station lab = Devices.station(operator, device, kind);
		Station open = Devices.station(operator, device, kind);
		change(station.datastream(), Stage.CITY, AccessLevel.RESTRICTED, PersonalDataClass.PSEUDONYMOUS);
		change(open.datastream(), Stage.CITY, AccessLevel.OPEN, PersonalDataClass.NONE);
		change(lab.datastream(), Stage.LAB, AccessLevel.OPEN, PersonalDataClass.NONE);
		List<Long> streams = List.of(station.datastream(), open.datastream(), lab.datastream());
		Map<Long, Long> existing = new java.util.HashMap<>();
		for (long datastream : streams) {
			existing.put(datastream, observation(operator, kind, datastream));
		}
		Mqtt5BlockingClient dashboard = Devices.mqtt5(mqttPort);
		Mqtt5BlockingClient publisher = Devices.mqtt5(mqttPort, device);
		try {
			List<Devices.Inbox> inboxes = new java.util.ArrayList<>();
			inboxes.add(Devices.Inbox.subscribe(dashboard, "v1.1/Observations"));
			for (long datastream : streams) {
				for (String topic : topics(kind, datastream, existing.get(datastream))) {
					inboxes.add(Devices.Inbox.subscribe(dashboard, topic));
				}
			}
			var random = new java.util.Random(11);
			Map<Integer, Long> sentTo = new java.util.HashMap<>();
			for (int i = 0; i < 40; i++) {
				long datastream = streams.get(random.nextInt(streams.size()));
				int value = 70_000 + i;
				sentTo.put(value, datastream);
				String now = Instant.now().plusMillis(i).toString();
				long observation = existing.get(datastream);
				Object result = kind.result(value);
				switch (random.nextInt(7)) {
					case 0 -> operator.post("/v1.1/" + kind.set() + "(" + datastream + ")/Observations",
							Map.of("result", result, "phenomenonTime", now));
					case 1 -> MqttIngestTest.publish(publisher, "v1.1/" + kind.set() + "(" + datastream + ")/Observations",
							"{\"result\": " + kind.resultJson(value) + ", \"phenomenonTime\": \"" + now + "\"}");
					case 2 -> operator.post("/v1.1/CreateObservations", List.of(Map.of(kind.entity(),
							Map.of("@iot.id", datastream), "components", List.of("phenomenonTime", "result"), "dataArray",
							List.of(List.of(now, result)))));
					case 3 -> operator.post("/v1.1/$batch", Map.of("requests", List.of(Map.of("id", "1", "method",
							"post", "url", kind.set() + "(" + datastream + ")/Observations", "body",
							Map.of("result", result, "phenomenonTime", now)))));
					case 4 -> operator.patch("/v1.1/Observations(" + observation + ")", Map.of("result", result));
					case 5 -> operator.put("/v1.1/Observations(" + observation + ")",
							Map.of("result", result, "phenomenonTime", now));
					default -> operator.post("/v1.1/$batch", Map.of("requests", List.of(Map.of("id", "1", "method",
							"patch", "url", "Observations(" + observation + ")", "body", Map.of("result", result)))));
				}
			}
			java.util.Set<Long> receivedFrom = new java.util.HashSet<>();
			for (Devices.Inbox inbox : inboxes) {
				for (Devices.Inbox.Message message : inbox.drain(Duration.ofMillis(300))) {
					JsonNode result = message.json().has("result") ? kind.value(message.json().get("result")) : null;
					if (result == null || !sentTo.containsKey(result.asInt())) {
						continue;
					}
					long from = sentTo.get(result.asInt());
					assertThat(from).as("%s on %s", message.json(), message.topic()).isEqualTo(open.datastream());
					receivedFrom.add(from);
				}
			}
			assertThat(sentTo.containsValue(open.datastream())).isTrue();
			assertThat(receivedFrom).as("the open stream's changes are sent").containsExactly(open.datastream());
		}
		finally {
			dashboard.disconnect();
			publisher.disconnect();
		}
	}

	/** Every topic a change to the Observation is sent on: collections, the entity, a property, a $select. */
	private static List<String> topics(StreamKind kind, long datastream, long observation) {
		return List.of("v1.1/" + kind.set() + "(" + datastream + ")/Observations",
				"v1.1/Observations(" + observation + ")", "v1.1/Observations(" + observation + ")/result",
				"v1.1/" + kind.set() + "(" + datastream + ")/Observations?$select=result",
				"v1.0/Observations(" + observation + ")");
	}

	private static long observation(Api operator, StreamKind kind, long datastream) {
		Api.Response created = operator.post("/v1.1/" + kind.set() + "(" + datastream + ")/Observations",
				Map.of("result", kind.result(1), "phenomenonTime", Instant.now().toString()));
		assertThat(created.status()).as("%s", created).isEqualTo(201);
		return created.id();
	}

	private void change(Stage stage, AccessLevel access, PersonalDataClass personal) {
		change(station.datastream(), stage, access, personal);
	}

	private void change(long datastream, Stage stage, AccessLevel access, PersonalDataClass personal) {
		Declaration d = register.current(datastream).orElseThrow();
		register.saveVersion(new Declaration(d.datastreamId(), d.version(), d.organisationId(), d.organisation(),
				d.contact(), d.purposes(), d.technology(), d.dataTypes(), d.processing(), d.access(), d.storage(),
				new Declaration.Retention("P30D", "nothing", null), personal,
				new Declaration.LegalBasis("public_task", "test"), "https://example.org/privacy", access, d.sharing(),
				stage, d.pilot(), d.impactAssessment(), d.summary(), d.consultation(), d.declaredAt(), "test"), "stage",
				"test");
	}

	private String topic(StreamKind kind) {
		return "v1.1/" + kind.set() + "(" + station.datastream() + ")/Observations";
	}

	private long stored() {
		return jdbc.sql("SELECT COUNT(*) FROM observations WHERE datastream_id = ?").param(station.datastream())
			.query(Long.class).single();
	}

}
