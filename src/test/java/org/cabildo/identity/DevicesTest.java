package org.cabildo.identity;

import static org.assertj.core.api.Assertions.assertThat;

import org.cabildo.IntegrationTest;
import org.cabildo.support.Api;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * What MQTT device authentication (sensing.mqtt.DeviceAccess, on CONNECT and per topic, through
 * sensing.DeviceDirectory) asks: a device by its name and secret, and whether it may write to a
 * Datastream.
 */
@IntegrationTest
class DevicesTest {

	@Autowired
	Devices devices;

	@Autowired
	Organisations organisations;

	@Test
	@DisplayName("a device authenticates with its name and secret, and may write only where it is bound")
	void authenticateAndMayWrite() {
		long organisation = organisations.named(Api.TEST_ORGANISATION).orElseThrow().id();
		Issued issued = devices.create(Accounts.unique("mqtt-device"), organisation, null, "test");
		Issued other = devices.create(Accounts.unique("other-device"), organisation, null, "test");
		assertThat(issued.secret()).startsWith("cbd_dev_").hasSizeGreaterThan(40);
		var device = devices.authenticate(issued.name(), issued.secret()).orElseThrow();
		assertThat(device.isDevice()).isTrue();
		assertThat(devices.authenticate(issued.name(), "wrong")).isEmpty();
		assertThat(devices.authenticate(other.name(), issued.secret())).isEmpty();
		assertThat(devices.authenticate(null, issued.secret())).isEmpty();
		assertThat(devices.mayWrite(device, 1)).isFalse();
		devices.revoke(issued.id(), "test");
		assertThat(devices.authenticate(issued.name(), issued.secret())).isEmpty();
		assertThat(devices.byId(issued.id()).orElseThrow().revokedAt()).isNotNull();
		assertThat(issued.toString()).doesNotContain(issued.secret());
	}

}
