package org.cabildo.sensing.mqtt;

import java.net.InetAddress;
import java.net.URI;
import java.net.UnknownHostException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

import org.cabildo.sensing.Writer;
import org.cabildo.sensing.MqttSettings;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import com.hivemq.client.mqtt.MqttClient;
import com.hivemq.client.mqtt.MqttGlobalPublishFilter;
import com.hivemq.client.mqtt.datatypes.MqttQos;
import com.hivemq.client.mqtt.mqtt5.Mqtt5AsyncClient;
import com.hivemq.client.mqtt.mqtt5.Mqtt5ClientBuilder;
import com.hivemq.client.mqtt.mqtt5.message.publish.Mqtt5Publish;
import com.hivemq.client.mqtt.mqtt5.message.subscribe.Mqtt5Subscribe;
import com.hivemq.client.mqtt.mqtt5.message.subscribe.Mqtt5SubscribeBuilder;

/**
 * The platform as a client of an external broker, for several nodes behind one broker: each
 * node subscribes to the topics devices publish Observations on in one shared subscription
 * ({@code $share/cabildo/v1.1/+/Observations}), so the broker splits the stream between them,
 * and sends the subscription messages to that broker.
 * <p>
 * A QoS 1 publish is acknowledged to the broker only after its Observation is committed, in a
 * persistent session (clean start off): if the node stops or dies first, the broker delivers it
 * again. The receive maximum bounds how many the broker sends unacknowledged, so a node whose
 * database does not keep up is sent no more. A publish that fails for now is tried again until
 * it is stored or refused.
 */
class BrokerClient implements Transport {

	/** Who writes what the external broker relays: its ACLs know the publisher, the platform does not. */
	static final Writer RELAY = Writer.platform("relay of the external MQTT broker");

	private static final Logger log = LoggerFactory.getLogger(BrokerClient.class);

	/** Marks the platform's own messages, which come back through the shared subscription. */
	static final String ORIGIN = "cabildo-origin";

	private static final long SESSION_EXPIRY_SECONDS = Duration.ofDays(7).toSeconds();

	private static final Duration CONNECT_TIMEOUT = Duration.ofSeconds(30);

	private static final Duration RETRY_LIMIT = Duration.ofSeconds(30);

	private final MqttSettings settings;

	private final IncomingObservations observations;

	private final String identifier;

	private final ScheduledExecutorService retries = Executors.newSingleThreadScheduledExecutor(
			Thread.ofPlatform().name("mqtt-retry").daemon().factory());

	/** Publishes taken and not yet stored or refused; when all are used, the next one waits. */
	private final Semaphore inFlight;

	private volatile Mqtt5AsyncClient client;

	private volatile boolean running;

	BrokerClient(MqttSettings settings, IncomingObservations observations) {
		this.settings = settings;
		this.observations = observations;
		this.identifier = settings.clientIdPrefix() + hostName();
		this.inFlight = new Semaphore(settings.receiveMaximum());
	}

	@Override
	public synchronized void start() {
		URI url = URI.create(settings.brokerUrl());
		boolean tls = "ssl".equals(url.getScheme()) || "mqtts".equals(url.getScheme());
		Mqtt5ClientBuilder builder = MqttClient.builder()
			.useMqttVersion5()
			.identifier(identifier)
			.serverHost(url.getHost())
			.serverPort(url.getPort() > 0 ? url.getPort() : tls ? 8883 : 1883)
			.automaticReconnect()
			.initialDelay(1, TimeUnit.SECONDS)
			.maxDelay(30, TimeUnit.SECONDS)
			.applyAutomaticReconnect()
			.addConnectedListener(connected -> subscribe());
		if (tls) {
			builder = builder.sslWithDefaultConfig();
		}
		Mqtt5AsyncClient started = builder.buildAsync();
		client = started;
		// Before connecting: a resumed session delivers what it kept before any subscribe.
		started.publishes(MqttGlobalPublishFilter.ALL, this::received, true);
		var connect = started.connectWith()
			.cleanStart(false)
			.sessionExpiryInterval(SESSION_EXPIRY_SECONDS)
			.restrictions()
			.receiveMaximum(settings.receiveMaximum())
			.applyRestrictions();
		if (!settings.username().isEmpty()) {
			connect = connect.simpleAuth()
				.username(settings.username())
				.password(settings.password().getBytes(StandardCharsets.UTF_8))
				.applySimpleAuth();
		}
		try {
			connect.send().get(CONNECT_TIMEOUT.toSeconds(), TimeUnit.SECONDS);
		}
		catch (ExecutionException | TimeoutException e) {
			started.disconnect();
			client = null;
			throw new IllegalStateException("cannot connect to the MQTT broker at " + settings.brokerUrl()
					+ " (cabildo.mqtt.broker-url) as " + identifier, e);
		}
		catch (InterruptedException e) {
			Thread.currentThread().interrupt();
			throw new IllegalStateException("interrupted while connecting to " + settings.brokerUrl(), e);
		}
		running = true;
		log.info("MQTT: connected to {} as {}", settings.brokerUrl(), identifier);
	}

	private void subscribe() {
		Mqtt5SubscribeBuilder.Start subscribe = Mqtt5Subscribe.builder();
		Mqtt5SubscribeBuilder.Complete all = null;
		for (String version : Topics.VERSIONS) {
			for (String path : List.of("/+/Observations", "/Observations")) {
				String filter = "$share/" + settings.sharedGroup() + "/" + version + path;
				all = (all == null ? subscribe : all).addSubscription()
					.topicFilter(filter)
					.qos(MqttQos.AT_LEAST_ONCE)
					.applySubscription();
			}
		}
		client.subscribe(all.build()).whenComplete((ack, error) -> {
			if (error != null) {
				log.error("MQTT: the subscription to the Observation topics at {} failed", settings.brokerUrl(),
						error);
			}
		});
	}

	private void received(Mqtt5Publish publish) {
		boolean own = publish.getUserProperties()
			.asList()
			.stream()
			.anyMatch(property -> property.getName().toString().equals(ORIGIN));
		if (own) {
			acknowledge(publish);
			return;
		}
		// Blocks the client's thread while the database does not keep up, so that it reads no
		// more from the broker, which keeps what is not taken yet (QoS 1 in the session).
		inFlight.acquireUninterruptibly();
		take(publish, 0);
	}

	private void take(Mqtt5Publish publish, int attempt) {
		String topic = publish.getTopic().toString();
		boolean atLeastOnce = publish.getQos() != MqttQos.AT_MOST_ONCE;
		// The broker's ACLs decide who publishes here.
		observations.take(topic, publish.getPayloadAsBytes(), atLeastOnce, datastream -> true, RELAY).thenAccept(receipt -> {
			switch (receipt) {
				case Receipt.Stored stored -> acknowledge(publish);
				case Receipt.Queued queued -> acknowledge(publish);
				case Receipt.Folded folded -> {
					log.info("MQTT: a publish on {} was folded into aggregates: {}", topic, folded.note());
					acknowledge(publish);
				}
				case Receipt.Refused refused -> {
					log.info("MQTT: refused a publish on {}: {}", topic, refused.reason());
					acknowledge(publish);
				}
				case Receipt.Failed failed when atLeastOnce && running -> {
					// Kept unacknowledged, and tried again: what is acknowledged is stored.
					long delay = Math.min(RETRY_LIMIT.toMillis(), 250L << Math.min(attempt, 7));
					log.debug("MQTT: a publish on {} is tried again in {} ms: {}", topic, delay, failed.reason());
					retries.schedule(() -> take(publish, attempt + 1), delay, TimeUnit.MILLISECONDS);
					return;
				}
				case Receipt.Failed failed when atLeastOnce -> log.info(
						"MQTT: a publish on {} is left unacknowledged; the broker delivers it again: {}", topic,
						failed.reason());
				case Receipt.Failed failed -> log.warn("MQTT: dropped a QoS 0 publish on {}: {}", topic, failed.reason());
			}
			inFlight.release();
		});
	}

	private static void acknowledge(Mqtt5Publish publish) {
		try {
			publish.acknowledge();
		}
		catch (RuntimeException e) {
			log.debug("MQTT: a publish could not be acknowledged (disconnected?)", e);
		}
	}

	@Override
	public void publish(String topic, byte[] payload) {
		Mqtt5AsyncClient current = client;
		if (!running || current == null) {
			return;
		}
		current.publishWith()
			.topic(topic)
			.qos(MqttQos.AT_MOST_ONCE)
			.payload(payload)
			.contentType("application/json")
			.userProperties()
			.add(ORIGIN, identifier)
			.applyUserProperties()
			.send();
	}

	@Override
	public synchronized void stop() {
		Mqtt5AsyncClient current = client;
		running = false;
		client = null;
		retries.shutdownNow();
		if (current != null) {
			try {
				current.disconnect().get(10, TimeUnit.SECONDS);
			}
			catch (ExecutionException | TimeoutException e) {
				log.warn("MQTT: the disconnect from {} did not complete", settings.brokerUrl(), e);
			}
			catch (InterruptedException e) {
				Thread.currentThread().interrupt();
			}
		}
	}

	@Override
	public boolean isRunning() {
		return running;
	}

	@Override
	public boolean hasSubscribers() {
		return true;
	}

	@Override
	public boolean knowsSubscribers() {
		return false;
	}

	@Override
	public List<Subscriptions.Delivery> deliveries(String path) {
		return List.of(new Subscriptions.Delivery(path, List.of()));
	}

	private static String hostName() {
		try {
			return InetAddress.getLocalHost().getHostName();
		}
		catch (UnknownHostException e) {
			return System.getenv().getOrDefault("HOSTNAME", "node");
		}
	}

}
