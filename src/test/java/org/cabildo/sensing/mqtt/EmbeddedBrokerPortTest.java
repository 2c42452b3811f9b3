package org.cabildo.sensing.mqtt;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import java.io.IOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.nio.file.Path;

import org.cabildo.sensing.MqttSettings;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.boot.diagnostics.FailureAnalysis;
import org.springframework.core.env.StandardEnvironment;

class EmbeddedBrokerPortTest {

	@TempDir
	Path data;

	@Test
	void aTakenPortStopsTheStartNamingThePortAndTheSetting() throws IOException {
		try (ServerSocket taken = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
			MqttSettings settings = new MqttSettings(true, taken.getLocalPort(), "127.0.0.1", "", "", "", "cabildo-",
					"cabildo", 64);
			EmbeddedBroker broker = new EmbeddedBroker(settings, 1 << 20, data, null, new Subscriptions(),
					new StandardEnvironment());

			MqttPortTakenException failure = catchThrowableOfType(MqttPortTakenException.class, broker::start);

			assertThat(broker.isRunning()).isFalse();
			FailureAnalysis analysis = new MqttPortTakenFailureAnalyzer().analyze(failure);
			assertThat(analysis.getDescription()).contains("port " + taken.getLocalPort());
			assertThat(analysis.getAction()).contains("cabildo.mqtt.port", "CABILDO_MQTT_PORT");
		}
	}

}
