package org.cabildo.support;

import java.time.Clock;
import java.util.List;

import org.cabildo.governance.AccessLevel;
import org.cabildo.governance.Declaration;
import org.cabildo.governance.PersonalDataClass;
import org.cabildo.governance.Register;
import org.cabildo.governance.Stage;
import org.cabildo.sensing.DatastreamCreated;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.context.annotation.Profile;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;

/**
 * The test city's policy: every Datastream a test creates is declared at once as open air-quality
 * data at the city stage, in the transaction that creates it, so that tests of the SensorThings
 * API can write and read as they did before the register. Tests of governance switch it off
 * ({@code cabildo.test.declare-datastreams=false}) and declare what they need.
 */
@Component
@Profile("test")
@ConditionalOnProperty(name = "cabildo.test.declare-datastreams", havingValue = "true", matchIfMissing = true)
class DeclareEveryDatastream {

	private final Register register;

	private final Clock clock;

	DeclareEveryDatastream(Register register, Clock clock) {
		this.register = register;
		this.clock = clock;
	}

	@EventListener
	void declare(DatastreamCreated created) {
		long owner = register.owner(created.id());
		register.saveVersion(new Declaration(created.id(), 1, owner, register.organisationName(owner),
				"tests@cabildo.invalid", List.of("ecology"), List.of("air_quality"), List.of("values_time"),
				List.of("raw_data"), List.of("available_to_download"), List.of("stored_locally"),
				new Declaration.Retention(null, Declaration.Retention.NOTHING, null), PersonalDataClass.NONE, null,
				null, AccessLevel.OPEN, List.of(), Stage.CITY, null, null, "A test stream.", null, clock.instant(),
				"tests"), "declaration", "declared by the test city's policy");
	}

}
