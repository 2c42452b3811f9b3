package org.cabildo.sensing.mqtt;

import java.time.Clock;

import org.cabildo.platform.PlatformSettings;
import org.cabildo.sensing.DeviceDirectory;
import org.cabildo.sensing.IngestSettings;
import org.cabildo.sensing.MqttSettings;
import org.cabildo.sensing.ReadAccess;
import org.cabildo.sensing.SensingSettings;
import org.cabildo.sensing.ingest.ObservationIngest;
import org.cabildo.sensing.store.EntityReader;
import org.cabildo.sensing.write.EntityWriter;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBooleanProperty;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.env.ConfigurableEnvironment;

/**
 * The MQTT extension of the SensorThings API (OGC 18-088, clause 14), on unless
 * {@code cabildo.mqtt.enabled=false}: the embedded broker, or a client of the broker named by
 * {@code cabildo.mqtt.broker-url}.
 */
@Configuration(proxyBeanMethods = false)
@ConditionalOnBooleanProperty(name = "cabildo.mqtt.enabled", matchIfMissing = true)
class MqttConfiguration {

	/**
	 * Publishes the embedded broker may have read and not yet answered, before it stops reading:
	 * some megabytes, a fraction of the ingest queue.
	 */
	private static final int READ_AHEAD = 10_000;

	/**
	 * Publishes one connection may have in flight before it stops reading: enough for a device
	 * to fill several commits, and a bound on what one MQTT 3 device (which has no receive
	 * maximum) or a QoS 0 flood takes.
	 */
	private static final int READ_AHEAD_PER_CONNECTION = 1_000;

	@Bean
	IncomingObservations incomingObservations(ObservationIngest ingest, EntityWriter writer, IngestSettings settings,
			Clock clock) {
		return new IncomingObservations(ingest, writer, settings, clock);
	}

	/** How far the embedded broker reads ahead of the database (unused with an external broker). */
	@Bean
	ReadGate mqttReadGate() {
		return new ReadGate(READ_AHEAD, READ_AHEAD_PER_CONNECTION);
	}

	/**
	 * Who may connect to the embedded broker and do what: the devices of the
	 * {@link DeviceDirectory}, or everyone when there is none. (At an external broker, its own
	 * ACLs.)
	 */
	@Bean
	DeviceAccess mqttDeviceAccess(ObjectProvider<DeviceDirectory> directory, Clock clock) {
		DeviceDirectory devices = directory.getIfAvailable();
		return devices == null ? new DeviceAccess() : new DeviceAccess(devices, clock);
	}

	@Bean
	Transport mqttTransport(MqttSettings settings, IngestSettings ingest, SensingSettings sensing,
			PlatformSettings platform, IncomingObservations observations, ReadGate gate, DeviceAccess access,
			ConfigurableEnvironment environment) {
		if (settings.external()) {
			return new BrokerClient(settings, observations);
		}
		Subscriptions subscriptions = new Subscriptions();
		BrokerExtension extension = new BrokerExtension(access,
				new PublishIntake(observations, access, gate, ingest.mqttWait()), new SubscriptionTracker(subscriptions));
		// The same bound on what one message may carry as on an HTTP request body.
		int maxPacketBytes = (int) Math.min(Integer.MAX_VALUE, sensing.maxBodyBytes());
		return new EmbeddedBroker(settings, maxPacketBytes, platform.dataDir().resolve("mqtt"), extension,
				subscriptions, environment);
	}

	@Bean
	ChangeMessages changeMessages(Transport transport, EntityReader reader, PlatformSettings platform,
			ConfigurableEnvironment environment, ReadAccess access) {
		return new ChangeMessages(transport, reader, platform, environment, access);
	}

}
