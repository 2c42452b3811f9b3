package org.cabildo.identity.security;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Set;

import org.cabildo.IntegrationTest;
import org.cabildo.governance.Register;
import org.cabildo.platform.Platform;
import org.cabildo.sensing.SensorThings;
import org.cabildo.sensing.Writer;
import org.cabildo.sensing.WriteAccess;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.security.core.context.SecurityContextHolder;

import tools.jackson.databind.json.JsonMapper;

/**
 * A write with no caller at all (no request, no authentication: a job that forgot to say who it
 * is) is refused; the platform's own work says so explicitly and is let through.
 */
@IntegrationTest
class PlatformCallerTest {

	@Autowired
	WriteAccess access;

	@Autowired
	SensorThings things;

	@BeforeEach
	void noCaller() {
		SecurityContextHolder.clearContext();
	}

	@Test
	void aWriteWithoutAnyCallerIsRefused() {
		assertThatThrownBy(() -> access.requireChange(Set.of(WriteAccess.UNASSIGNED), "update Thing 1"))
			.isInstanceOf(IllegalStateException.class)
			.hasMessageContaining("Platform.runAs");
		assertThatThrownBy(() -> access.requireChange(Set.of(), "create a Sensor"))
			.isInstanceOf(IllegalStateException.class);
		assertThatThrownBy(access::organisationForNewThing).isInstanceOf(IllegalStateException.class);
		assertThatThrownBy(() -> access.observationsRefused(1, () -> WriteAccess.UNASSIGNED))
			.isInstanceOf(IllegalStateException.class);
		assertThatThrownBy(() -> Register.requireSteward(WriteAccess.UNASSIGNED))
			.isInstanceOf(IllegalStateException.class);
	}

	@Test
	void nothingIsStoredByAWriteWithoutAnyCaller() {
		String name = "no caller " + System.nanoTime();
		var thing = JsonMapper.shared().createObjectNode().put("name", name).put("description", "d");

		assertThatThrownBy(() -> things.create("Things", thing, Writer.platform("a test job"))).isInstanceOf(IllegalStateException.class);

		assertThat(things.findFirst("Things", "name eq '" + name + "'")).isEmpty();
	}

	@Test
	void thePlatformSaysSoAndMayWrite() {
		String name = "platform " + System.nanoTime();
		var thing = JsonMapper.shared().createObjectNode().put("name", name).put("description", "d");

		long id = Platform.runAs("a test job", () -> things.create("Things", thing, Writer.platform("a test job")));

		assertThat(things.findFirst("Things", "name eq '" + name + "'")).contains(id);
		assertThat(Platform.runAs("a test job", () -> access.observationsRefused(1, () -> WriteAccess.UNASSIGNED)))
			.isEmpty();
		Platform.runAs("a test job", () -> Register.requireSteward(WriteAccess.UNASSIGNED));
		// and only while it runs
		assertThat(Platform.job()).isEmpty();
		assertThatThrownBy(access::organisationForNewThing).isInstanceOf(IllegalStateException.class);
	}

}
