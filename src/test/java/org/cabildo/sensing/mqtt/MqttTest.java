package org.cabildo.sensing.mqtt;

import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

import org.cabildo.IntegrationTest;
import org.springframework.test.context.TestPropertySource;

/**
 * A test of the whole server with its embedded MQTT broker on a free port (read it with
 * {@code @Value("${local.mqtt.port}")}). All MQTT tests declare exactly this, so they share one
 * server and one broker; it is a server besides the other tests' one, so it keeps to a few
 * database connections.
 */
@Target(ElementType.TYPE)
@Retention(RetentionPolicy.RUNTIME)
@IntegrationTest
@TestPropertySource(properties = { "cabildo.mqtt.enabled=true", "cabildo.mqtt.port=0",
		"spring.datasource.hikari.maximum-pool-size=6" })
@interface MqttTest {
}
