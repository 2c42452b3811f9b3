package org.cabildo.sensing;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Settings of the MQTT extension of the SensorThings API ({@code cabildo.mqtt.*}): devices
 * publish observations and clients subscribe to changes.
 *
 * @param enabled false to serve no MQTT at all
 * @param port the port of the embedded broker; 0 for any free port (tests)
 * @param bindAddress the address the embedded broker listens on
 * @param brokerUrl an external broker to use instead of the embedded one, as
 * {@code tcp://host:1883}; empty for the embedded broker
 * @param username user name at the external broker, or empty
 * @param password password at the external broker, or empty
 * @param clientIdPrefix the client id at the external broker is this followed by the host
 * name, so that each node keeps its session across restarts
 * @param sharedGroup the shared-subscription group the nodes at an external broker split the
 * incoming observations in
 * @param receiveMaximum QoS 1 publishes one client may have waiting for their commit: MQTT 5
 * devices are told it on CONNECT; at an external broker it bounds the publishes this node has
 * taken and not yet stored, and what the broker sends it unacknowledged
 */
@ConfigurationProperties("cabildo.mqtt")
public record MqttSettings(@DefaultValue("true") boolean enabled, @DefaultValue("1883") int port,
		@DefaultValue("0.0.0.0") String bindAddress, @DefaultValue("") String brokerUrl,
		@DefaultValue("") String username, @DefaultValue("") String password,
		@DefaultValue("cabildo-") String clientIdPrefix, @DefaultValue("cabildo") String sharedGroup,
		@DefaultValue("64") int receiveMaximum) {

	public MqttSettings {
		if (port < 0 || port > 65535) {
			throw new IllegalArgumentException("cabildo.mqtt.port must be between 0 and 65535");
		}
		if (receiveMaximum < 1 || receiveMaximum > 65535) {
			throw new IllegalArgumentException("cabildo.mqtt.receive-maximum must be between 1 and 65535");
		}
	}

	/** Whether this node is a client of an external broker rather than the broker itself. */
	public boolean external() {
		return !brokerUrl.isBlank();
	}

}
