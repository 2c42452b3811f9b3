package org.cabildo.sensing.mqtt;

import java.time.Clock;

import org.cabildo.platform.PlatformSettings;
import org.cabildo.sensing.IngestSettings;
import org.cabildo.sensing.MqttSettings;
import org.cabildo.sensing.SensingSettings;
import org.cabildo.sensing.ingest.ObservationIngest;
import org.cabildo.sensing.store.EntityReader;
import org.cabildo.sensing.write.EntityWriter;
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
	 * Publishes the embedded broker may have read and not yet handed over, before it stops
	 * reading: some megabytes, a fraction of the ingest queue.
	 */
	private static final int READ_AHEAD = 10_000;

	@Bean
	IncomingObservations incomingObservations(ObservationIngest ingest, EntityWriter writer, IngestSettings settings,
			Clock clock) {
		return new IncomingObservations(ingest, writer, settings, clock);
	}

	@Bean
	Transport mqttTransport(MqttSettings settings, IngestSettings ingest, SensingSettings sensing,
			PlatformSettings platform, IncomingObservations observations, ConfigurableEnvironment environment) {
		if (settings.external()) {
			return new BrokerClient(settings, observations);
		}
		DeviceAccess access = new DeviceAccess();
		Subscriptions subscriptions = new Subscriptions();
		ReadGate gate = new ReadGate(READ_AHEAD);
		BrokerExtension extension = new BrokerExtension(access,
				new PublishIntake(observations, access, gate, ingest.mqttWait()), new SubscriptionTracker(subscriptions),
				gate);
		// The same bound on what one message may carry as on an HTTP request body.
		int maxPacketBytes = (int) Math.min(Integer.MAX_VALUE, sensing.maxBodyBytes());
		return new EmbeddedBroker(settings, maxPacketBytes, platform.dataDir().resolve("mqtt"), extension,
				subscriptions, environment);
	}

	@Bean
	ChangeMessages changeMessages(Transport transport, EntityReader reader, PlatformSettings platform,
			ConfigurableEnvironment environment) {
		return new ChangeMessages(transport, reader, platform, environment);
	}

}
