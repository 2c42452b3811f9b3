package org.cabildo.sensing.mqtt;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;

import org.cabildo.support.Api;
import org.cabildo.support.StreamKind;

import com.hivemq.client.mqtt.MqttClient;
import com.hivemq.client.mqtt.datatypes.MqttQos;
import com.hivemq.client.mqtt.mqtt3.Mqtt3BlockingClient;
import com.hivemq.client.mqtt.mqtt5.Mqtt5BlockingClient;
import com.hivemq.client.mqtt.mqtt5.Mqtt5Client;

import tools.jackson.databind.JsonNode;

/**
 * What MQTT tests need: a station (a Thing with a Location and a Datastream) made over HTTP,
 * device credentials made and bound over the identity API, MQTT clients connected as a device
 * (with its credential) or a dashboard (anonymous) would, and an inbox of what a subscription
 * receives.
 */
public final class Devices {

	static final String MEASUREMENT = "http://www.opengis.net/def/observationType/OGC-OM/2.0/OM_Measurement";

	private Devices() {
	}

	record Station(long thing, long datastream) {
	}

	/** A device's MQTT user name and password (its name and secret). */
	public record Credential(long id, String name, String secret) {
	}

	/** A new device of the test organisation, bound to these Datastreams. */
	public static Credential device(Api api, long... datastreams) {
		return deviceOf(api, organisation(api, Api.TEST_ORGANISATION), datastreams);
	}

	/** A new device of an organisation (the caller being its admin), bound to these Datastreams. */
	public static Credential deviceOf(Api api, long organisation, long... datastreams) {
		Api.Response created = api.post("/api/identity/devices",
				Map.of("name", "mqtt-device-" + UUID.randomUUID(), "organisation", organisation));
		assertThat(created.status()).as(created.toString()).isEqualTo(201);
		JsonNode issued = created.json();
		Credential device = new Credential(issued.get("id").asLong(), issued.get("name").asString(),
				issued.get("secret").asString());
		for (long datastream : datastreams) {
			bind(api, device, datastream);
		}
		return device;
	}

	/** Lets a device write to a Datastream; its connections may at once. */
	public static void bind(Api api, Credential device, long datastream) {
		Api.Response bound = api.post("/api/identity/devices/" + device.id() + "/bindings",
				Map.of("datastream", datastream));
		assertThat(bound.status()).as(bound.toString()).isEqualTo(201);
	}

	/** Revokes a device; its connections are closed. */
	static void revoke(Api api, Credential device) {
		Api.Response revoked = api.delete("/api/identity/devices/" + device.id());
		assertThat(revoked.status()).as(revoked.toString()).isEqualTo(200);
	}

	/** The id of an organisation, by name. */
	static long organisation(Api api, String name) {
		for (JsonNode organisation : api.get("/api/identity/organisations").json()) {
			if (organisation.get("name").asString().equals(name)) {
				return organisation.get("id").asLong();
			}
		}
		throw new AssertionError("no organisation " + name);
	}

	/** A station whose Datastream the device is bound to. */
	static Station station(Api api, Credential device) {
		Station station = station(api);
		bind(api, device, station.datastream());
		return station;
	}

	/** A station with a stream of one kind (its id as {@link Station#datastream()}), the device bound to it. */
	static Station station(Api api, Credential device, StreamKind kind) {
		Station station = station(api, kind);
		bind(api, device, station.datastream());
		return station;
	}

	/** A Thing with a Location and one Datastream or MultiDatastream, named uniquely. */
	static Station station(Api api, StreamKind kind) {
		if (kind == StreamKind.DATASTREAM) {
			return station(api);
		}
		Station thing = station(api);
		Map<String, Object> multi = new java.util.HashMap<>(kind.withThing("mqtt-" + UUID.randomUUID()));
		multi.put("Thing", Map.of("@iot.id", thing.thing()));
		Api.Response created = api.post("/v1.1/" + kind.set(), multi);
		assertThat(created.status()).as(created.toString()).isEqualTo(201);
		return new Station(thing.thing(), created.id());
	}

	/** A Thing with a Location and one Datastream, named uniquely. */
	static Station station(Api api) {
		String name = "mqtt-" + UUID.randomUUID();
		Api.Response thing = api.post("/v1.1/Things", Map.of("name", name, "description", "a station",
				"Locations", List.of(Map.of("name", name, "description", "here", "encodingType",
						"application/geo+json", "location", Map.of("type", "Point", "coordinates", List.of(-99.13, 19.43))))));
		assertThat(thing.status()).as(thing.toString()).isEqualTo(201);
		Api.Response datastream = api.post("/v1.1/Datastreams", datastream(name, thing.id()));
		assertThat(datastream.status()).as(datastream.toString()).isEqualTo(201);
		return new Station(thing.id(), datastream.id());
	}

	static Map<String, Object> datastream(String name, long thing) {
		return Map.of("name", name, "description", "ozone", "observationType", MEASUREMENT, "unitOfMeasurement",
				Map.of("name", "ppb", "symbol", "ppb", "definition", "urn:ppb"), "Thing", Map.of("@iot.id", thing),
				"Sensor", Map.of("name", name, "description", "s", "encodingType", "text/plain", "metadata", "m"),
				"ObservedProperty", Map.of("name", name, "description", "p", "definition", "urn:o3"));
	}

	/** An anonymous MQTT 5 client, as a dashboard would connect. */
	static Mqtt5BlockingClient mqtt5(int port) {
		return mqtt5("127.0.0.1", port);
	}

	static Mqtt5BlockingClient mqtt5(String host, int port) {
		Mqtt5BlockingClient client = Mqtt5Client.builder()
			.identifier("test-" + UUID.randomUUID())
			.serverHost(host)
			.serverPort(port)
			.buildBlocking();
		client.connect();
		return client;
	}

	/** An MQTT 5 client signed in as a device. */
	static Mqtt5BlockingClient mqtt5(int port, Credential device) {
		Mqtt5BlockingClient client = Mqtt5Client.builder()
			.identifier("test-" + UUID.randomUUID())
			.serverHost("127.0.0.1")
			.serverPort(port)
			.buildBlocking();
		client.connectWith()
			.simpleAuth()
			.username(device.name())
			.password(device.secret().getBytes(StandardCharsets.UTF_8))
			.applySimpleAuth()
			.send();
		return client;
	}

	/** An MQTT 3.1.1 client signed in as a device. */
	static Mqtt3BlockingClient mqtt3(int port, Credential device) {
		Mqtt3BlockingClient client = MqttClient.builder()
			.useMqttVersion3()
			.identifier("test-" + UUID.randomUUID())
			.serverHost("127.0.0.1")
			.serverPort(port)
			.buildBlocking();
		client.connectWith()
			.simpleAuth()
			.username(device.name())
			.password(device.secret().getBytes(StandardCharsets.UTF_8))
			.applySimpleAuth()
			.send();
		return client;
	}

	static byte[] json(String text) {
		return text.getBytes(StandardCharsets.UTF_8);
	}

	/** The observations of a datastream, as the HTTP API returns them. */
	static JsonNode observations(Api api, long datastream) {
		return api.get("/v1.1/Datastreams(" + datastream + ")/Observations", "$count", "true").json();
	}

	/** What a subscription received, in order. */
	static final class Inbox {

		record Message(String topic, JsonNode json) {
		}

		private final BlockingQueue<Message> messages = new LinkedBlockingQueue<>();

		/** Subscribes a client to a topic filter, at QoS 1, into a new inbox. */
		static Inbox subscribe(Mqtt5BlockingClient client, String filter) {
			Inbox inbox = new Inbox();
			client.toAsync()
				.subscribeWith()
				.topicFilter(filter)
				.qos(MqttQos.AT_LEAST_ONCE)
				.callback(publish -> inbox.messages.add(new Message(publish.getTopic().toString(),
						Api.json(new String(publish.getPayloadAsBytes(), StandardCharsets.UTF_8)))))
				.send()
				.join();
			return inbox;
		}

		Message next() {
			return next(Duration.ofSeconds(10));
		}

		Message next(Duration wait) {
			try {
				Message message = messages.poll(wait.toMillis(), TimeUnit.MILLISECONDS);
				assertThat(message).as("a message within " + wait).isNotNull();
				return message;
			}
			catch (InterruptedException e) {
				Thread.currentThread().interrupt();
				throw new IllegalStateException(e);
			}
		}

		/** The next message whose JSON satisfies a condition, skipping others. */
		Message next(java.util.function.Predicate<JsonNode> wanted) {
			long deadline = System.nanoTime() + Duration.ofSeconds(10).toNanos();
			while (System.nanoTime() < deadline) {
				Message message = next(Duration.ofNanos(deadline - System.nanoTime()));
				if (wanted.test(message.json())) {
					return message;
				}
			}
			throw new AssertionError("no wanted message within 10 s");
		}

		/** Every message received until none came for {@code quiet}. */
		java.util.List<Message> drain(Duration quiet) throws InterruptedException {
			java.util.List<Message> all = new java.util.ArrayList<>();
			Message message;
			while ((message = messages.poll(quiet.toMillis(), TimeUnit.MILLISECONDS)) != null) {
				all.add(message);
			}
			return all;
		}

		boolean isEmptyAfter(Duration wait) throws InterruptedException {
			return messages.poll(wait.toMillis(), TimeUnit.MILLISECONDS) == null;
		}

	}

}
