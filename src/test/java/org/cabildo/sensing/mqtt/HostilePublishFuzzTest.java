package org.cabildo.sensing.mqtt;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

import org.cabildo.sensing.mqtt.Devices.Station;
import org.cabildo.support.Api;
import org.cabildo.support.HostileJson;
import org.cabildo.support.SoundAnswers;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.test.web.server.LocalServerPort;

import com.hivemq.client.mqtt.datatypes.MqttQos;
import com.hivemq.client.mqtt.exceptions.ConnectionClosedException;
import com.hivemq.client.mqtt.mqtt3.Mqtt3BlockingClient;
import com.hivemq.client.mqtt.mqtt5.Mqtt5BlockingClient;
import com.hivemq.client.mqtt.mqtt5.exceptions.Mqtt5PubAckException;
import com.hivemq.client.mqtt.mqtt5.message.publish.Mqtt5PublishResult;
import com.hivemq.client.mqtt.mqtt5.message.publish.puback.Mqtt5PubAck;
import com.hivemq.client.mqtt.mqtt5.message.publish.puback.Mqtt5PubAckReasonCode;

import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.RandomGenerator;
import net.jqwik.api.Tuple;
import net.jqwik.api.sessions.JqwikSession;

import tools.jackson.databind.json.JsonMapper;

/**
 * Hostile publishes of a signed-in device, generated, on the topics that create Observations
 * and on other SensorThings topics, at QoS 0 and 1, as MQTT 5 and MQTT 3 clients. Every QoS 1
 * publish is answered within 5 seconds; an MQTT 5 refusal says why in words of ours, never a
 * server fault; nothing refused is stored; the device stays connected; and the server still
 * answers HTTP and takes a good publish afterwards. A fixed seed and number of tries keep it
 * repeatable and short; a failure names the publish.
 */
@MqttTest
@DisplayName("Fuzzing: hostile MQTT publishes are answered, store nothing refused, and leave the server up")
class HostilePublishFuzzTest {

	private static final int TRIES = 200;

	private static final Duration LIMIT = Duration.ofSeconds(5);

	private static final JsonMapper JSON = JsonMapper.shared();

	/** What a refusal may be answered: each is the client's fault, or the server busy for now. */
	private static final List<Mqtt5PubAckReasonCode> REFUSALS = List.of(Mqtt5PubAckReasonCode.TOPIC_NAME_INVALID,
			Mqtt5PubAckReasonCode.PAYLOAD_FORMAT_INVALID, Mqtt5PubAckReasonCode.IMPLEMENTATION_SPECIFIC_ERROR,
			Mqtt5PubAckReasonCode.NOT_AUTHORIZED, Mqtt5PubAckReasonCode.QUOTA_EXCEEDED);

	@LocalServerPort
	int httpPort;

	@Value("${local.mqtt.port}")
	int mqttPort;

	private Api api;

	private Devices.Credential credential;

	/** Where the MQTT 5 QoS 1 publishes go: each answer is known, so each change of its count is checked. */
	private Station answered;

	/** Where QoS 0 and MQTT 3 publishes go: what they were answered is not known. */
	private Station unanswered;

	/** A Datastream the device is not bound to. */
	private long foreign;

	private Mqtt5BlockingClient mqtt5;

	private Mqtt3BlockingClient mqtt3;

	@BeforeEach
	void setUp() {
		api = new Api(httpPort).timeout(LIMIT);
		credential = Devices.device(api);
		answered = Devices.station(api, credential);
		unanswered = Devices.station(api, credential);
		foreign = Devices.station(api).datastream();
		mqtt5 = Devices.mqtt5(mqttPort, credential);
		mqtt3 = Devices.mqtt3(mqttPort, credential);
	}

	@AfterEach
	void disconnect() {
		if (mqtt5.getState().isConnected()) {
			mqtt5.disconnect();
		}
		if (mqtt3.getState().isConnected()) {
			mqtt3.disconnect();
		}
	}

	/** A generated publish: on which client, topic and QoS. */
	record Publish(boolean v5, MqttQos qos, String topic, byte[] payload) {

		/** Whether its answer is known: a PUBACK with a reason code. */
		boolean answered() {
			return v5 && qos == MqttQos.AT_LEAST_ONCE;
		}

		@Override
		public String toString() {
			String text = new String(payload, StandardCharsets.UTF_8);
			String shown = text.length() > 300 ? text.substring(0, 300) + "... (" + payload.length + " bytes)" : text;
			// Control characters shown escaped, so that a failure report can be read (and stored as XML).
			return (v5 ? "MQTT 5" : "MQTT 3") + " QoS " + qos.getCode() + " " + topic + " " + shown.codePoints()
				.mapToObj(c -> Character.isISOControl(c) ? String.format("\\u%04x", c) : Character.toString(c))
				.collect(java.util.stream.Collectors.joining());
		}

	}

	@Test
	void hostilePublishesAreAnsweredAndStoreNothingRefused() {
		Random random = new Random(20_241_010);
		int accepted = 0;
		int blind = 0;
		int answeredRows = rows(answered.datastream());
		List<Publish> publishes = generate(random);
		for (Publish publish : publishes) {
			if (publish.answered()) {
				Mqtt5PubAck ack = publish5(publish);
				SoundAnswers.assertNoInternals(publish.toString(), reason(ack));
				int now = rows(answered.datastream());
				if (ack.getReasonCode() == Mqtt5PubAckReasonCode.SUCCESS) {
					accepted++;
					// A reading sent again is stored once: an accepted publish stores at most one row.
					assertThat(now - answeredRows).as("rows stored by " + publish).isBetween(0, 1);
				}
				else {
					assertThat(ack.getReasonCode()).as(publish + " -> " + reason(ack)).isIn(REFUSALS);
					assertThat(reason(ack)).as("the reason of refusing " + publish).isNotBlank();
					assertThat(now).as("rows stored by the refused " + publish + " (" + reason(ack) + ")")
						.isEqualTo(answeredRows);
				}
				answeredRows = now;
			}
			else {
				blind++;
				if (publish.v5()) {
					mqtt5.publishWith().topic(publish.topic()).qos(publish.qos()).payload(publish.payload()).send();
				}
				else {
					publish3(publish);
				}
			}
			assertThat(mqtt5.getState().isConnected()).as("MQTT 5 client connected after " + publish).isTrue();
			assertThat(mqtt3.getState().isConnected()).as("MQTT 3 client connected after " + publish).isTrue();
		}
		System.out.println("MQTT fuzz: " + publishes.size() + " publishes, " + accepted + " of the answered ones accepted");

		assertThat(rows(unanswered.datastream())).as("rows of the unanswered publishes").isLessThanOrEqualTo(blind);
		assertThat(rows(foreign)).as("rows of a Datastream the device is not bound to").isZero();
		stillUp();
	}

	/** The server answers HTTP soundly, also with what was stored, and takes a good publish. */
	private void stillUp() {
		Api anonymous = Api.anonymous(httpPort).timeout(LIMIT);
		assertThat(anonymous.get("/actuator/health").status()).isEqualTo(200);
		assertThat(anonymous.get("/v1.1/Things", "$top", "1").status()).isEqualTo(200);
		for (long datastream : List.of(answered.datastream(), unanswered.datastream())) {
			String what = "GET the Observations of Datastream " + datastream;
			SoundAnswers.assertSound(what, api.get("/v1.1/Datastreams(" + datastream + ")/Observations"));
		}
		Mqtt5BlockingClient fresh = Devices.mqtt5(mqttPort, credential);
		try {
			int before = rows(answered.datastream());
			Mqtt5PubAck ack = MqttIngestTest.publish(fresh, "v1.1/Datastreams(" + answered.datastream() + ")/Observations",
					"{\"phenomenonTime\": \"2031-01-01T00:00:00Z\", \"result\": 42}");
			assertThat(ack.getReasonCode()).as(reason(ack)).isEqualTo(Mqtt5PubAckReasonCode.SUCCESS);
			assertThat(rows(answered.datastream())).isEqualTo(before + 1);
		}
		finally {
			fresh.disconnect();
		}
	}

	private Mqtt5PubAck publish5(Publish publish) {
		try {
			Mqtt5PublishResult result = mqtt5.toAsync()
				.publishWith()
				.topic(publish.topic())
				.qos(MqttQos.AT_LEAST_ONCE)
				.payload(publish.payload())
				.send()
				.get(LIMIT.toMillis(), TimeUnit.MILLISECONDS);
			return ((Mqtt5PublishResult.Mqtt5Qos1Result) result).getPubAck();
		}
		catch (ExecutionException e) {
			if (e.getCause() instanceof Mqtt5PubAckException refused) {
				return refused.getMqttMessage();
			}
			throw new AssertionError("no PUBACK for " + publish, e);
		}
		catch (TimeoutException e) {
			throw new AssertionError("no PUBACK within " + LIMIT + " for " + publish, e);
		}
		catch (InterruptedException e) {
			Thread.currentThread().interrupt();
			throw new IllegalStateException(e);
		}
	}

	/** An MQTT 3 PUBACK tells nothing but that the publish was taken; it must come. */
	private void publish3(Publish publish) {
		try {
			mqtt3.toAsync()
				.publishWith()
				.topic(publish.topic())
				.qos(publish.qos())
				.payload(publish.payload())
				.send()
				.get(LIMIT.toMillis(), TimeUnit.MILLISECONDS);
		}
		catch (ExecutionException e) {
			String closed = e.getCause() instanceof ConnectionClosedException
					? " (the server closed the connection: it failed to store it)" : "";
			throw new AssertionError("no PUBACK for " + publish + closed, e);
		}
		catch (TimeoutException e) {
			throw new AssertionError("no PUBACK within " + LIMIT + " for " + publish, e);
		}
		catch (InterruptedException e) {
			Thread.currentThread().interrupt();
			throw new IllegalStateException(e);
		}
	}

	private int rows(long datastream) {
		Api.Response response = api.get("/v1.1/Datastreams(" + datastream + ")/Observations", "$count", "true",
				"$top", "0");
		assertThat(response.status()).as(response.toString()).isEqualTo(200);
		return response.json().get("@iot.count").asInt();
	}

	private static String reason(Mqtt5PubAck ack) {
		return ack.getReasonString().map(Object::toString).orElse("");
	}

	private List<Publish> generate(Random random) {
		// Generators that combine others need a jqwik session outside jqwik's own engine.
		JqwikSession.start();
		try {
			RandomGenerator<Publish> generator = publishes().generator(TRIES);
			List<Publish> publishes = new ArrayList<>();
			for (int i = 0; i < TRIES; i++) {
				publishes.add(generator.next(random).value());
			}
			return publishes;
		}
		finally {
			JqwikSession.finish();
		}
	}

	private Arbitrary<Publish> publishes() {
		Arbitrary<Publish> answeredOnes = publishes(answered, Arbitraries.just(true), Arbitraries.just(MqttQos.AT_LEAST_ONCE));
		Arbitrary<Publish> qos0 = publishes(unanswered, Arbitraries.just(true), Arbitraries.just(MqttQos.AT_MOST_ONCE));
		Arbitrary<Publish> v3 = publishes(unanswered, Arbitraries.just(false),
				Arbitraries.of(MqttQos.AT_MOST_ONCE, MqttQos.AT_LEAST_ONCE));
		return Arbitraries.frequencyOf(Tuple.of(6, answeredOnes), Tuple.of(2, qos0), Tuple.of(2, v3));
	}

	private Arbitrary<Publish> publishes(Station station, Arbitrary<Boolean> v5, Arbitrary<MqttQos> qos) {
		long datastream = station.datastream();
		Arbitrary<String> creating = Arbitraries.frequencyOf(
				Tuple.of(6, Arbitraries.of("v1.1/Datastreams(" + datastream + ")/Observations",
						"v1.0/Datastreams(" + datastream + ")/Observations")),
				Tuple.of(2, Arbitraries.of("v1.1/Observations", "v1.0/Observations")),
				Tuple.of(1, Arbitraries.of("v1.1/Datastreams(" + foreign + ")/Observations",
						"v1.1/Datastreams(999999999999999999)/Observations")));
		Arbitrary<String> other = Arbitraries.of("v1.1/Datastreams(" + datastream + ")",
				"v1.1/Things(" + station.thing() + ")", "v1.1/Datastreams(" + datastream + ")/Observations?$select=result",
				"v1.1/Datastreams(" + datastream + ")/Observations/result", "v1.1/Observations(1)",
				"v1.1/Datastreams(99999999999999999999)/Observations", "v1.1/Datastreams(-1)/Observations",
				"v1.1/CreateObservations", "v1.1/$batch", "v1.0/Sensors", "v1.1/", "v1.1/Datastreams(" + datastream
						+ ")/Observations/", "v1.1/Datastreams(" + datastream + ")/Thing");
		Arbitrary<String> topics = Arbitraries.frequencyOf(Tuple.of(5, creating), Tuple.of(1, other));
		return Combinators.combine(v5, qos, topics, payloads(datastream)).as(Publish::new);
	}

	/** Payloads: mostly Observations with hostile members, and everything else that is not one. */
	private Arbitrary<byte[]> payloads(long datastream) {
		Arbitrary<String> text = Arbitraries.frequencyOf(Tuple.of(8, observations(datastream)),
				Tuple.of(2, HostileJson.value(3).map(JSON::writeValueAsString)), Tuple.of(2, HostileJson.almostJson()),
				Tuple.of(2, deep()), Tuple.of(2, hugeNumbers(datastream)), Tuple.of(2, dataArrays(datastream)),
				Tuple.of(1, Arbitraries.of("", " ", "null", "{}", "[]", "\"\"", "0", "{\"result\": null}")),
				Tuple.of(1, hugeStrings()), Tuple.of(2, badEscapes()));
		Arbitrary<byte[]> utf8 = text.map(s -> s.getBytes(StandardCharsets.UTF_8));
		return Arbitraries.frequencyOf(Tuple.of(6, utf8), Tuple.of(1, Combinators.combine(utf8, badBytes(),
				Arbitraries.integers().between(0, Integer.MAX_VALUE)).as(HostilePublishFuzzTest::spliced)));
	}

	/** Observations whose members are hostile values, or good ones, so that some are stored. */
	private Arbitrary<String> observations(long datastream) {
		Arbitrary<Object> hostile = HostileJson.value(2);
		Arbitrary<Object> time = Arbitraries.frequencyOf(Tuple.of(3, Arbitraries.of("2024-05-01T10:00:00Z", "2024-05-01T10:00:00Z/2024-05-01T11:00:00Z",
				"2024-05-01T10:00:00+14:00", "-999999999-01-01T00:00:00Z", "+999999999-12-31T23:59:59Z", "2024-02-30T00:00:00Z",
				"2024-05-01T10:00:00.123456789Z", "1970-01-01T00:00:00Z", "yesterday").map(t -> (Object) t)),
				Tuple.of(1, hostile));
		Arbitrary<Object> result = Arbitraries.oneOf(Arbitraries.integers().map(n -> (Object) n),
				Arbitraries.doubles().map(d -> (Object) d), Arbitraries.strings().ofMaxLength(30).map(s -> (Object) s),
				hostile);
		Arbitrary<Object> link = Arbitraries.of((Object) Map.of("@iot.id", datastream), Map.of("@iot.id", datastream),
				Map.of("@iot.id", datastream), Map.of("@iot.id", foreign),
				Map.of("@iot.id", -1), Map.of("@iot.id", "x"), Map.of("@iot.id", 1.5), Map.of(), List.of(),
				Map.of("name", "new", "description", "d"));
		Arbitrary<Object> feature = Arbitraries.of((Object) Map.of("name", "corner", "description", "d", "encodingType",
				"application/geo+json", "feature", Map.of("type", "Point", "coordinates", List.of(-99.1, 19.4))),
				Map.of("name", "corner", "description", "d", "encodingType", "application/geo+json", "feature",
						Map.of("type", "Point", "coordinates", List.of(1e308, "x"))),
				Map.of("@iot.id", 999999999), Map.of("@iot.id", -1), "x");
		Arbitrary<Map<String, Object>> members = Combinators
			.combine(time.optional(0.7), result.optional(0.9), time.optional(0.2), hostile.optional(0.3),
					link.optional(0.3), feature.optional(0.15), hostile.optional(0.2))
			.as((phenomenonTime, value, resultTime, parameters, datastreamLink, foi, quality) -> {
				Map<String, Object> observation = new LinkedHashMap<>();
				phenomenonTime.ifPresent(v -> observation.put("phenomenonTime", v));
				value.ifPresent(v -> observation.put("result", v));
				resultTime.ifPresent(v -> observation.put(Math.abs(v.hashCode()) % 2 == 0 ? "resultTime" : "validTime", v));
				parameters.ifPresent(v -> observation.put("parameters", v));
				datastreamLink.ifPresent(v -> observation.put("Datastream", v));
				foi.ifPresent(v -> observation.put("FeatureOfInterest", v));
				quality.ifPresent(v -> observation.put("resultQuality", v));
				return observation;
			});
		return members.map(JSON::writeValueAsString);
	}

	/** Arrays and objects nested deeper than any parser should follow, in each place of an Observation. */
	private static Arbitrary<String> deep() {
		return Combinators
			.combine(Arbitraries.of(2, 100, 498, 499, 500, 501, 1000, 5000, 200_000),
					Arbitraries.of("result", "parameters", "resultQuality", "Datastream", "FeatureOfInterest", ""),
					Arbitraries.of(true, false))
			.as((depth, member, arrays) -> {
				String open = arrays ? "[" : "{\"a\":";
				String close = arrays ? "]" : "}";
				String nested = open.repeat(depth) + "1" + close.repeat(depth);
				return member.isEmpty() ? nested : "{\"result\": 1, \"" + member + "\": " + nested + "}";
			});
	}

	private static Arbitrary<String> hugeNumbers(long datastream) {
		Arbitrary<String> numbers = Arbitraries.of("1e400", "-1e400", "1e-400", "1E999999999", "-0", "0.0e0",
				"9".repeat(400), "9".repeat(1001), "9".repeat(100_000), "0." + "1".repeat(2000), "1" + "0".repeat(1000) + ".5",
				"9223372036854775808", "-9223372036854775809", "18446744073709551616", "NaN", "Infinity", "-Infinity",
				"0x10", "01", "1.", ".5", "+1");
		Arbitrary<String> places = Arbitraries.of("{\"result\": %s}", "{\"phenomenonTime\": %s, \"result\": 1}",
				"{\"result\": 1, \"parameters\": {\"n\": %s}}", "{\"result\": [%s, %s]}",
				"{\"result\": 1, \"Datastream\": {\"@iot.id\": %s}}", "{\"result\": 1, \"resultQuality\": %s}", "%s");
		return Combinators.combine(places, numbers).as((place, number) -> place.replace("%s", number))
			.map(text -> text.replace("\"@iot.id\": 1}", "\"@iot.id\": " + datastream + "}"));
	}

	private static Arbitrary<String> dataArrays(long datastream) {
		Arbitrary<Object> rows = HostileJson.value(1).list().ofMaxSize(3).map(r -> (Object) new ArrayList<>(r)).list()
			.ofMaxSize(3).map(r -> (Object) r);
		Arbitrary<Object> components = Arbitraries.of("phenomenonTime", "result", "resultTime", "FeatureOfInterest/id",
				"parameters", "id", "").list().ofMaxSize(4).map(c -> (Object) c);
		return Combinators.combine(components, rows, Arbitraries.of(true, false)).as((c, r, asArray) -> {
			Map<String, Object> dataArray = new LinkedHashMap<>();
			dataArray.put("Datastream", Map.of("@iot.id", datastream));
			dataArray.put("components", c);
			dataArray.put("dataArray", r);
			return JSON.writeValueAsString(asArray ? List.of(dataArray) : dataArray);
		});
	}

	/** Strings and names of up to a few MB: the broker takes packets of up to 16 MB. */
	private static Arbitrary<String> hugeStrings() {
		return Combinators
			.combine(Arbitraries.of(100_000, 1_000_000, 3_000_000),
					Arbitraries.of("{\"result\": \"%s\"}", "{\"result\": 1, \"parameters\": {\"note\": \"%s\"}}",
							"{\"result\": 1, \"%s\": 1}", "{\"phenomenonTime\": \"%s\", \"result\": 1}",
							"{\"result\": [\"%s\", \"%s\"]}"),
					Arbitraries.of("x", "é", "😀", "\\\\", "\\n"))
			.as((length, place, unit) -> place.replace("%s", unit.repeat(length / unit.length())));
	}

	/** JSON escapes that spell what is not text, or that are not escapes at all. */
	private static Arbitrary<String> badEscapes() {
		Arbitrary<String> escapes = Arbitraries.of("\\ud800", "\\udfff", "\\udc00\\ud800", "\\ud83d", "x\\ud83d",
				"\\ud83d\\u0041", "\\u0000", "a\\u0000b", "\\u12", "\\uZZZZ", "\\x41", "\\", "\\U0001F600", "\\ud83d\\ude00",
				"\\u00e9", "\\uFFFF", "\\uFEFF");
		Arbitrary<String> places = Arbitraries.of("{\"result\": \"%s\"}", "{\"result\": 1, \"parameters\": {\"%s\": 1}}",
				"{\"result\": 1, \"parameters\": {\"n\": [\"%s\"]}}", "{\"phenomenonTime\": \"%s\", \"result\": 1}",
				"{\"result\": 1, \"resultQuality\": \"%s\"}", "{\"%s\": 1}",
				"{\"result\": 1, \"FeatureOfInterest\": {\"name\": \"%s\", \"description\": \"d\","
						+ " \"encodingType\": \"application/geo+json\", \"feature\": {\"type\": \"Point\", \"coordinates\": [1, 2]}}}");
		return Combinators.combine(places, escapes).as((place, escape) -> place.replace("%s", escape));
	}

	/** Bytes that are not UTF-8: stray, truncated, overlong, encoded surrogates (CESU-8), a BOM, UTF-16. */
	private static Arbitrary<byte[]> badBytes() {
		return Arbitraries.of(new byte[] { (byte) 0xFF }, new byte[] { (byte) 0xC3, 0x28 },
				new byte[] { (byte) 0xED, (byte) 0xA0, (byte) 0x80 }, new byte[] { (byte) 0xC0, (byte) 0xAF },
				new byte[] { (byte) 0xF0, (byte) 0x9F }, new byte[] { (byte) 0xF4, (byte) 0x90, (byte) 0x80, (byte) 0x80 },
				new byte[] { (byte) 0xEF, (byte) 0xBB, (byte) 0xBF }, new byte[] { 0 }, new byte[] { (byte) 0xFE, (byte) 0xFF, 0 },
				"{\"result\": 1}".getBytes(StandardCharsets.UTF_16));
	}

	/** A payload with bad bytes put at some place of it. */
	private static byte[] spliced(byte[] payload, byte[] bad, int where) {
		int at = payload.length == 0 ? 0 : where % (payload.length + 1);
		ByteArrayOutputStream out = new ByteArrayOutputStream(payload.length + bad.length);
		out.write(payload, 0, at);
		out.writeBytes(bad);
		out.write(payload, at, payload.length - at);
		return out.toByteArray();
	}

}
