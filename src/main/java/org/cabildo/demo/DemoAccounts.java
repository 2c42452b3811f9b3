package org.cabildo.demo;

import java.util.List;
import java.util.Map;

import org.cabildo.identity.Devices;
import org.cabildo.identity.Organisation;
import org.cabildo.identity.Organisations;
import org.cabildo.identity.People;
import org.cabildo.identity.Person;
import org.cabildo.identity.Role;
import org.cabildo.sensing.SensorThings;
import org.springframework.stereotype.Component;

/**
 * The demo city's accounts, all with the demo secret: {@code admin} (of both offices),
 * {@code steward}, {@code operator}, {@code analyst} and {@code auditor} of the environment
 * office, which owns the stations; a transport office; and the device {@code demo-device}
 * bound to every demo Datastream. Made once; starting again changes nothing.
 */
@Component
class DemoAccounts {

	static final String ENVIRONMENT = "environment office";

	static final String TRANSPORT = "transport office";

	private static final Map<String, Role> PEOPLE = Map.of("steward", Role.STEWARD, "operator", Role.OPERATOR,
			"analyst", Role.ANALYST, "auditor", Role.AUDITOR);

	private final Organisations organisations;

	private final People people;

	private final Devices devices;

	private final SensorThings things;

	DemoAccounts(Organisations organisations, People people, Devices devices, SensorThings things) {
		this.organisations = organisations;
		this.people = people;
		this.devices = devices;
		this.things = things;
	}

	void ensure(String secret) {
		Organisation environment = organisations.named(ENVIRONMENT, true);
		Organisation transport = organisations.named(TRANSPORT, true);
		Person admin = person("admin", secret, environment);
		people.grant(admin.id(), environment.id(), Role.ADMIN, "demo");
		people.grant(admin.id(), transport.id(), Role.ADMIN, "demo");
		PEOPLE.forEach((name, role) -> people.grant(person(name, secret, environment).id(), environment.id(), role,
				"demo"));
		for (long thing : things.find("Things", "properties/stationId ne null", 10_000)) {
			if (!things.organisationsOf("Things", thing).contains(environment.id())) {
				things.assignThing(thing, environment.id());
			}
		}
		long device = devices.byName("demo-device")
			.map(d -> d.id())
			.orElseGet(() -> devices.create("demo-device", environment.id(), null, secret, "demo").id());
		List<Long> bound = devices.byId(device).orElseThrow().datastreams();
		for (long datastream : things.find("Datastreams", "properties/stationId ne null", 10_000)) {
			if (!bound.contains(datastream)) {
				devices.bind(device, datastream, "demo");
			}
		}
	}

	private Person person(String name, String secret, Organisation organisation) {
		Person person = people.byUsername(name).orElseGet(() -> people.create(name, secret, organisation.id(), "demo"));
		// A data directory from before (the old default secret, or another CABILDO_DEMO_SECRET) gets this one.
		if (people.verify(name, secret).isEmpty()) {
			people.changePassword(person.id(), secret, "demo");
		}
		return person;
	}

}
