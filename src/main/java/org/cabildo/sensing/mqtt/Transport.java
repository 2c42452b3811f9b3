package org.cabildo.sensing.mqtt;

import java.util.List;

import org.springframework.context.SmartLifecycle;

/**
 * How the platform speaks MQTT: as the broker itself ({@link EmbeddedBroker}) or as a client of
 * an external one ({@link BrokerClient}). Either takes the Observations devices publish and
 * sends the messages subscribers are owed.
 */
interface Transport extends SmartLifecycle {

	/**
	 * Started after the ingest queue and stopped before it, so that no publish is accepted that
	 * could not be committed.
	 */
	int PHASE = Integer.MAX_VALUE / 2 + 1024;

	/** The messages a change at this resource path is to be sent as. */
	List<Subscriptions.Delivery> deliveries(String path);

	/** Whether any message may find a subscriber now; when not, changes are not even rendered. */
	boolean hasSubscribers();

	/**
	 * Whether the transport knows each topic filter subscribed to (the embedded broker does), or
	 * sends messages on the topics the standard names and lets the broker drop them.
	 */
	boolean knowsSubscribers();

	/** Sends a message to the subscribers of a topic; does nothing when not running. */
	void publish(String topic, byte[] payload);

	@Override
	default int getPhase() {
		return PHASE;
	}

}
