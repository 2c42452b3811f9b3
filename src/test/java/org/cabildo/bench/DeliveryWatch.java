package org.cabildo.bench;

import java.util.Arrays;
import java.util.concurrent.TimeUnit;

import com.hivemq.client.mqtt.datatypes.MqttQos;
import com.hivemq.client.mqtt.mqtt5.Mqtt5AsyncClient;
import com.hivemq.client.mqtt.mqtt5.Mqtt5Client;
import com.hivemq.client.mqtt.mqtt5.message.publish.Mqtt5Publish;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * A dashboard subscribed over MQTT to the new observations of one datastream
 * ({@code v1.1/Datastreams(id)/Observations}). Every observation the benchmark sends has its
 * send time as phenomenonTime, so each one that arrives tells its delivery latency: the time
 * it arrived less the time it was sent, on the same clock. Messages with an {@code @iot.id}
 * are the server's notices of stored observations; messages without one are a device's
 * publish passed on by the broker as it is, counted apart.
 */
final class DeliveryWatch implements AutoCloseable {

	private final Mqtt5AsyncClient client;

	private final String topic;

	private long[] sent = new long[1 << 14];

	private long[] received = new long[1 << 14];

	private int size;

	private long passedOn;

	private long unreadable;

	private DeliveryWatch(Mqtt5AsyncClient client, String topic) {
		this.client = client;
		this.topic = topic;
	}

	/** Subscribes (QoS 0) to the observations of a datastream at the broker on this port. */
	static DeliveryWatch subscribe(int port, long datastreamId) throws Exception {
		Mqtt5AsyncClient client = Mqtt5Client.builder()
			.identifier("cabildo-bench-watch")
			.serverHost("127.0.0.1")
			.serverPort(port)
			.buildAsync();
		client.connectWith().cleanStart(true).send().get(30, TimeUnit.SECONDS);
		DeliveryWatch watch = new DeliveryWatch(client, "v1.1/Datastreams(" + datastreamId + ")/Observations");
		client.subscribeWith()
			.topicFilter(watch.topic)
			.qos(MqttQos.AT_MOST_ONCE)
			.callback(watch::arrived)
			.send()
			.get(30, TimeUnit.SECONDS);
		return watch;
	}

	String topic() {
		return topic;
	}

	private void arrived(Mqtt5Publish publish) {
		long now = SendTimes.nowMicros();
		try {
			JsonNode observation = JsonMapper.shared().readTree(publish.getPayloadAsBytes());
			if (!observation.has("@iot.id")) {
				synchronized (this) {
					passedOn++;
				}
				return;
			}
			long sentAt = SendTimes.parseMicros(observation.get("phenomenonTime").asString());
			synchronized (this) {
				if (size == sent.length) {
					sent = Arrays.copyOf(sent, size * 2);
					received = Arrays.copyOf(received, size * 2);
				}
				sent[size] = sentAt;
				received[size] = now;
				size++;
			}
		}
		catch (RuntimeException e) {
			synchronized (this) {
				unreadable++;
			}
		}
	}

	/** What arrived of the observations sent between two times (epoch microseconds). */
	synchronized Deliveries between(long fromMicros, long toMicros) {
		LatencyRecorder latencies = new LatencyRecorder();
		for (int i = 0; i < size; i++) {
			if (sent[i] >= fromMicros && sent[i] < toMicros) {
				latencies.record(sent[i] * 1_000, received[i] * 1_000);
			}
		}
		return new Deliveries(latencies.count(), latencies.count() == 0 ? null : latencies.summary());
	}

	/** Device publishes the broker passed on unchanged, and messages that were not an observation. */
	synchronized String others() {
		return String.format("%,d device publishes passed on as they were, %,d unreadable messages", passedOn,
				unreadable);
	}

	/** @param latency of delivery, in milliseconds; null when nothing arrived */
	record Deliveries(int count, LatencyRecorder.Summary latency) {
	}

	@Override
	public void close() throws Exception {
		client.disconnect().get(10, TimeUnit.SECONDS);
	}

}
