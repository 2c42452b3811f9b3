package org.cabildo.sensing.mqtt;

import org.springframework.boot.diagnostics.AbstractFailureAnalyzer;
import org.springframework.boot.diagnostics.FailureAnalysis;

/** Explains at start-up what to do when the MQTT port is taken (registered in spring.factories). */
class MqttPortTakenFailureAnalyzer extends AbstractFailureAnalyzer<MqttPortTakenException> {

	@Override
	protected FailureAnalysis analyze(Throwable rootFailure, MqttPortTakenException cause) {
		return new FailureAnalysis("The embedded MQTT broker cannot listen on port " + cause.port()
				+ ": it is already in use.",
				"Stop what listens on port " + cause.port() + ", or choose another port for the embedded MQTT broker"
						+ " with the setting cabildo.mqtt.port (environment variable CABILDO_MQTT_PORT; 0 for any"
						+ " free port), or connect to an external broker with cabildo.mqtt.broker-url, or turn MQTT off"
						+ " with cabildo.mqtt.enabled=false.",
				cause);
	}

}
