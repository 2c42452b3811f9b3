package org.cabildo.sensing.mqtt;

import java.lang.reflect.Field;
import java.util.Optional;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import com.hivemq.extension.sdk.api.client.parameter.ConnectionInformation;

import io.netty.channel.Channel;

/**
 * The Netty channel of a client's connection to the embedded broker, reached through HiveMQ's
 * internals (pinned by the version in the pom): the SDK offers no way to it. Should it be out
 * of reach, the caller is told so (empty) and a warning says once what is lost.
 */
final class BrokerChannels {

	private static final Logger log = LoggerFactory.getLogger(BrokerChannels.class);

	private static final Field CHANNEL = channelField();

	private BrokerChannels() {
	}

	/** The channel a connection's packets travel on, if HiveMQ's internals are as expected. */
	static Optional<Channel> of(ConnectionInformation connection) {
		if (CHANNEL == null) {
			return Optional.empty();
		}
		try {
			return Optional.ofNullable((Channel) CHANNEL.get(connection.getConnectionAttributeStore()));
		}
		catch (IllegalAccessException | IllegalArgumentException | ClassCastException e) {
			return Optional.empty();
		}
	}

	private static Field channelField() {
		try {
			Field field = Class.forName("com.hivemq.extensions.client.parameter.ConnectionAttributeStoreImpl")
				.getDeclaredField("channel");
			field.setAccessible(true);
			return field;
		}
		catch (ReflectiveOperationException | RuntimeException e) {
			log.warn("MQTT: cannot reach the broker's connections ({}); each client's publishes are taken one commit"
					+ " at a time, and reading will not pause when the database does not keep up", e.toString());
			return null;
		}
	}

}
