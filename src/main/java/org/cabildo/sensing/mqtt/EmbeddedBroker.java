package org.cabildo.sensing.mqtt;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.nio.ByteBuffer;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

import org.cabildo.sensing.MqttSettings;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.core.env.ConfigurableEnvironment;
import org.springframework.core.env.MapPropertySource;

import com.hivemq.embedded.EmbeddedExtension;
import com.hivemq.embedded.EmbeddedHiveMQ;
import com.hivemq.extension.sdk.api.packets.general.Qos;
import com.hivemq.extension.sdk.api.packets.publish.PayloadFormatIndicator;
import com.hivemq.extension.sdk.api.services.builder.Builders;

/**
 * The MQTT broker inside the platform, HiveMQ Community Edition, which devices and clients
 * connect to directly. Its sessions live in memory: a device's unacknowledged QoS 1 publish is
 * kept by the device itself, which sends it again after a restart of the platform. Its files
 * (the configuration written from {@link MqttSettings}) are under {@code <data dir>/mqtt}.
 */
class EmbeddedBroker implements Transport {

	private static final Logger log = LoggerFactory.getLogger(EmbeddedBroker.class);

	private static final Duration START_TIMEOUT = Duration.ofSeconds(60);

	private final MqttSettings settings;

	private final int maxPacketBytes;

	private final Path folder;

	private final BrokerExtension extension;

	private final Subscriptions subscriptions;

	private final ConfigurableEnvironment environment;

	private volatile EmbeddedHiveMQ hivemq;

	/** @param maxPacketBytes the largest MQTT packet a client may send; larger ones disconnect it */
	EmbeddedBroker(MqttSettings settings, int maxPacketBytes, Path folder, BrokerExtension extension,
			Subscriptions subscriptions, ConfigurableEnvironment environment) {
		this.settings = settings;
		this.maxPacketBytes = maxPacketBytes;
		this.folder = folder;
		this.extension = extension;
		this.subscriptions = subscriptions;
		this.environment = environment;
	}

	@Override
	public synchronized void start() {
		int port = settings.port() == 0 ? freePort() : requireFree(settings.port());
		EmbeddedHiveMQ broker = EmbeddedHiveMQ.builder()
			.withConfigurationFolder(writeConfiguration(port))
			.withDataFolder(directory("data"))
			.withExtensionsFolder(directory("extensions"))
			.withoutLoggingBootstrap()
			.withEmbeddedExtension(EmbeddedExtension.builder()
				.withId("cabildo")
				.withName("Cabildo SensorThings MQTT")
				.withVersion("1")
				.withExtensionMain(extension)
				.build())
			.build();
		try {
			broker.start().get(START_TIMEOUT.toSeconds(), TimeUnit.SECONDS);
		}
		catch (ExecutionException | TimeoutException e) {
			close(broker);
			throw new IllegalStateException("the embedded MQTT broker did not start on port " + port
					+ " (is it taken? set cabildo.mqtt.port)", e);
		}
		catch (InterruptedException e) {
			Thread.currentThread().interrupt();
			close(broker);
			throw new IllegalStateException("interrupted while the embedded MQTT broker started", e);
		}
		hivemq = broker;
		environment.getPropertySources()
			.addFirst(new MapPropertySource("cabildo.mqtt.ports", Map.of("local.mqtt.port", port)));
		log.info("MQTT broker listening on {}:{}", settings.bindAddress(), port);
	}

	@Override
	public synchronized void stop() {
		EmbeddedHiveMQ broker = hivemq;
		hivemq = null;
		if (broker != null) {
			close(broker);
		}
	}

	@Override
	public boolean isRunning() {
		return hivemq != null;
	}

	@Override
	public boolean hasSubscribers() {
		return !subscriptions.isEmpty();
	}

	@Override
	public boolean knowsSubscribers() {
		return true;
	}

	@Override
	public List<Subscriptions.Delivery> deliveries(String path) {
		return subscriptions.deliveries(path);
	}

	@Override
	public void publish(String topic, byte[] payload) {
		if (hivemq == null) {
			return;
		}
		extension.publishService()
			.publish(Builders.publish()
				.topic(topic)
				.qos(Qos.AT_LEAST_ONCE)
				.payload(ByteBuffer.wrap(payload))
				.contentType("application/json")
				.payloadFormatIndicator(PayloadFormatIndicator.UTF_8)
				.build())
			.whenComplete((done, error) -> {
				if (error != null) {
					log.debug("A message on {} was not sent", topic, error);
				}
			});
	}

	private Path writeConfiguration(int port) {
		Path conf = directory("conf");
		// In-memory sessions; no anonymous usage statistics sent to HiveMQ.
		String xml = """
				<?xml version="1.0"?>
				<!-- Written by Cabildo at every start from the cabildo.mqtt settings; edits are lost. -->
				<hivemq>
				  <listeners>
				    <tcp-listener>
				      <port>%d</port>
				      <bind-address>%s</bind-address>
				    </tcp-listener>
				  </listeners>
				  <mqtt>
				    <receive-maximum>
				      <server-receive-maximum>%d</server-receive-maximum>
				    </receive-maximum>
				    <packets>
				      <max-packet-size>%d</max-packet-size>
				    </packets>
				  </mqtt>
				  <persistence>
				    <mode>in-memory</mode>
				  </persistence>
				  <anonymous-usage-statistics>
				    <enabled>false</enabled>
				  </anonymous-usage-statistics>
				</hivemq>
				""".formatted(port, settings.bindAddress(), settings.receiveMaximum(), maxPacketBytes);
		try {
			Files.writeString(conf.resolve("config.xml"), xml);
		}
		catch (IOException e) {
			throw new UncheckedIOException("cannot write the MQTT broker's configuration in " + conf, e);
		}
		return conf;
	}

	private Path directory(String name) {
		try {
			return Files.createDirectories(folder.resolve(name));
		}
		catch (IOException e) {
			throw new UncheckedIOException("cannot create " + folder.resolve(name), e);
		}
	}

	/** Fails with a message that names the port and the setting when something else listens there. */
	private int requireFree(int port) {
		try (ServerSocket socket = new ServerSocket()) {
			socket.bind(new InetSocketAddress(InetAddress.getByName(settings.bindAddress()), port));
			return port;
		}
		catch (IOException e) {
			throw new MqttPortTakenException(port, settings.bindAddress(), e);
		}
	}

	private int freePort() {
		try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getByName(settings.bindAddress()))) {
			return socket.getLocalPort();
		}
		catch (IOException e) {
			throw new UncheckedIOException("no free port for the MQTT broker on " + settings.bindAddress(), e);
		}
	}

	private static void close(EmbeddedHiveMQ broker) {
		try {
			broker.close();
		}
		catch (ExecutionException e) {
			log.warn("The embedded MQTT broker did not stop cleanly", e);
		}
		catch (InterruptedException e) {
			Thread.currentThread().interrupt();
		}
	}

}
