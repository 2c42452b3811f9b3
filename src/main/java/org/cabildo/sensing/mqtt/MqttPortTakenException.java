package org.cabildo.sensing.mqtt;

/** The port the embedded MQTT broker is to listen on is taken by another program. */
class MqttPortTakenException extends RuntimeException {

	private final int port;

	MqttPortTakenException(int port, String address, Throwable cause) {
		super("the MQTT port " + port + " (on " + address + ") is already in use", cause);
		this.port = port;
	}

	int port() {
		return port;
	}

}
