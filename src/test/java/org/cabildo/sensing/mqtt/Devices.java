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

import com.hivemq.client.mqtt.MqttClient;
import com.hivemq.client.mqtt.datatypes.MqttQos;
import com.hivemq.client.mqtt.mqtt3.Mqtt3BlockingClient;
import com.hivemq.client.mqtt.mqtt5.Mqtt5BlockingClient;
import com.hivemq.client.mqtt.mqtt5.Mqtt5Client;

import tools.jackson.databind.JsonNode;

/**
 * What MQTT tests need: a station (a Thing with a Location and a Datastream) made over HTTP,
 * MQTT clients connected as a device or a dashboard would, and an inbox of what a subscription
 * receives.
 */
final class Devices {

	static final String MEASUREMENT = "http://www.opengis.net/def/observationType/OGC-OM/2.0/OM_Measurement";

	private Devices() {
	}

	record Station(long thing, long datastream) {
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

	static Mqtt3BlockingClient mqtt3(int port) {
		Mqtt3BlockingClient client = MqttClient.builder()
			.useMqttVersion3()
			.identifier("test-" + UUID.randomUUID())
			.serverHost("127.0.0.1")
			.serverPort(port)
			.buildBlocking();
		client.connect();
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

		boolean isEmptyAfter(Duration wait) throws InterruptedException {
			return messages.poll(wait.toMillis(), TimeUnit.MILLISECONDS) == null;
		}

	}

}
