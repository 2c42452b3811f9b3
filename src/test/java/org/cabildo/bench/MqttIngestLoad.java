package org.cabildo.bench;

import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;

import org.cabildo.bench.Dataset.Series;
import org.cabildo.sensing.mqtt.Devices;
import org.cabildo.support.Api;

import com.hivemq.client.mqtt.datatypes.MqttQos;
import com.hivemq.client.mqtt.mqtt5.Mqtt5AsyncClient;
import com.hivemq.client.mqtt.mqtt5.Mqtt5Client;
import com.hivemq.client.mqtt.mqtt5.message.connect.connack.Mqtt5ConnAck;
import com.hivemq.client.mqtt.mqtt5.message.publish.Mqtt5PublishResult;

/**
 * Devices publishing observations over MQTT 5 with QoS 1 to the server's embedded broker, on
 * {@code v1.1/Datastreams(id)/Observations} as the SensorThings MQTT extension has it. Each
 * publisher keeps as many publishes unacknowledged as the broker's receive maximum allows
 * (at most {@code inflight}), and sends to its own share of the datastreams, in time order.
 * An observation counts as acknowledged when its PUBACK has a success reason code.
 * <p>
 * With the environment variable {@code CABILDO_BENCH_MQTT_QOS=0} the publishers send with QoS 0
 * instead, as fast as the broker reads (up to {@code inflight} publishes each not yet written
 * to the socket): a flood, which the server must survive in bounded memory. A QoS 0 publish
 * counts as acknowledged once sent.
 */
final class MqttIngestLoad implements IngestLoad {

	private static final MqttQos QOS = "0".equals(System.getenv("CABILDO_BENCH_MQTT_QOS")) ? MqttQos.AT_MOST_ONCE
			: MqttQos.AT_LEAST_ONCE;

	private final URI base;

	private final int port;

	private final List<Series> datastreams;

	private final int publishers;

	private final int inflight;

	private final SendTimes times;

	private final LoadTally tally;

	private final List<Publisher> running = new ArrayList<>();

	private volatile boolean sending;

	private int window;

	private int receiveMaximum;

	MqttIngestLoad(URI base, int port, List<Series> datastreams, int publishers, int inflight, SendTimes times,
			int rounds) {
		this.base = base;
		this.port = port;
		this.datastreams = datastreams;
		this.publishers = publishers;
		this.inflight = inflight;
		this.times = times;
		this.tally = new LoadTally(rounds);
	}

	private final class Publisher {

		final Mqtt5AsyncClient client;

		final List<Series> own;

		final String[] topics;

		final Semaphore room;

		final LoadTally.ClientLatencies latencies = tally.client();

		Thread thread;

		Publisher(Mqtt5AsyncClient client, List<Series> own, int window) {
			this.client = client;
			this.own = own;
			this.topics = own.stream().map(s -> "v1.1/Datastreams(" + s.datastreamId() + ")/Observations")
				.toArray(String[]::new);
			this.room = new Semaphore(window);
		}

		void run() {
			int next = 0;
			while (sending) {
				try {
					if (!room.tryAcquire(100, TimeUnit.MILLISECONDS)) {
						continue;
					}
				}
				catch (InterruptedException e) {
					return;
				}
				int i = next++ % own.size();
				StringBuilder payload = new StringBuilder(64).append("{\"phenomenonTime\":\"");
				SendTimes.appendIso(payload, times.next(own.get(i).index())).append("\",\"result\":");
				payload.append(HttpIngestLoad.value()).append('}');
				int round = tally.round();
				long begin = System.nanoTime();
				tally.sent(1);
				client.publishWith()
					.topic(topics[i])
					.qos(QOS)
					.payload(payload.toString().getBytes(StandardCharsets.UTF_8))
					.send()
					.whenComplete((result, failure) -> {
						String error = failure != null ? failure.toString() : error(result);
						if (error == null) {
							tally.acknowledged(1, 0);
							latencies.record(round, begin, System.nanoTime());
						}
						else {
							tally.error("publish to " + topics[i] + ": " + error);
						}
						room.release();
					});
			}
		}

	}

	/** Why a publish failed, or null when its PUBACK says it succeeded. */
	private static String error(Mqtt5PublishResult result) {
		if (result.getError().isPresent()) {
			return result.getError().get().toString();
		}
		if (result instanceof Mqtt5PublishResult.Mqtt5Qos1Result qos1 && qos1.getPubAck().getReasonCode().isError()) {
			return "PUBACK " + qos1.getPubAck().getReasonCode() + qos1.getPubAck().getReasonString().map(r -> ": " + r)
				.orElse("");
		}
		return null;
	}

	@Override
	public String title() {
		return "MQTT QoS " + QOS.getCode() + " publish to Datastreams(id)/Observations";
	}

	@Override
	public int clients() {
		return publishers;
	}

	@Override
	public LoadTally tally() {
		return tally;
	}

	@Override
	public void start() throws Exception {
		List<Publisher> made = new ArrayList<>();
		// The publishers sign in as a device bound to every datastream, as stations would.
		Devices.Credential device = Devices.device(new Api(base.getPort()),
				datastreams.stream().mapToLong(Series::datastreamId).toArray());
		try {
			for (int p = 0; p < publishers; p++) {
				Mqtt5AsyncClient client = Mqtt5Client.builder()
					.identifier("cabildo-bench-publisher-" + p)
					.serverHost("127.0.0.1")
					.serverPort(port)
					.simpleAuth()
					.username(device.name())
					.password(device.secret().getBytes(StandardCharsets.UTF_8))
					.applySimpleAuth()
					.buildAsync();
				Mqtt5ConnAck connAck = client.connectWith().cleanStart(true).send().get(30, TimeUnit.SECONDS);
				receiveMaximum = connAck.getRestrictions().getReceiveMaximum();
				window = QOS == MqttQos.AT_MOST_ONCE ? inflight : Math.min(inflight, receiveMaximum);
				made.add(new Publisher(client, HttpIngestLoad.share(datastreams, publishers, p), window));
			}
		}
		catch (Exception e) {
			made.forEach(publisher -> publisher.client.disconnect());
			throw e;
		}
		sending = true;
		for (int p = 0; p < made.size(); p++) {
			Publisher publisher = made.get(p);
			publisher.thread = Thread.ofPlatform().name("ingest-mqtt-" + p).daemon().start(publisher::run);
			running.add(publisher);
		}
	}

	/** Stops publishing, waits for every PUBACK still due (at most two minutes), and disconnects. */
	@Override
	public void stop() throws Exception {
		sending = false;
		long deadline = System.nanoTime() + Duration.ofMinutes(2).toNanos();
		for (Publisher publisher : running) {
			publisher.thread.join(Duration.ofSeconds(10));
			long left = Math.max(0, deadline - System.nanoTime());
			if (!publisher.room.tryAcquire(window, left, TimeUnit.NANOSECONDS)) {
				tally.error((window - publisher.room.availablePermits())
						+ " publishes still had no PUBACK two minutes after publishing stopped");
			}
			publisher.client.disconnect().get(10, TimeUnit.SECONDS);
		}
		running.clear();
	}

	@Override
	public String details() {
		if (QOS == MqttQos.AT_MOST_ONCE) {
			return String.format("MQTT 5, QoS 0 (CABILDO_BENCH_MQTT_QOS=0), up to %d publishes per publisher not yet "
					+ "written to the socket", window);
		}
		return String.format("MQTT 5, QoS 1, %d publishes in flight per publisher (the broker's receive maximum is %d, "
				+ "the benchmark's cap %d)", window, receiveMaximum, inflight);
	}

}
