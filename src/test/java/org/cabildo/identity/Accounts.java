package org.cabildo.identity;

import java.time.Instant;
import java.util.UUID;

import org.cabildo.support.Api;

/** Test accounts made through the identity API: each test makes its own, with unique names. */
final class Accounts {

	private final Organisations organisations;

	private final People people;

	private final Tokens tokens;

	private final Devices devices;

	Accounts(Organisations organisations, People people, Tokens tokens, Devices devices) {
		this.organisations = organisations;
		this.people = people;
		this.tokens = tokens;
		this.devices = devices;
	}

	static String unique(String prefix) {
		return prefix + "-" + UUID.randomUUID().toString().substring(0, 8);
	}

	Organisation organisation(String prefix) {
		return organisations.create(unique(prefix));
	}

	/** A person with these roles in the organisation; returns the Authorization header of a new token. */
	String person(Organisation organisation, Role... roles) {
		Person person = people.create(unique("person"), null, organisation.id(), "test");
		for (Role role : roles) {
			people.grant(person.id(), organisation.id(), role, "test");
		}
		return Api.bearer(tokens.create(person.id(), "test", null, "test").secret());
	}

	/** A device of the organisation bound to the datastreams; returns its Authorization header. */
	String device(Organisation organisation, Instant expiresAt, long... datastreams) {
		Issued device = devices.create(unique("device"), organisation.id(), expiresAt, "test");
		for (long datastream : datastreams) {
			devices.bind(device.id(), datastream, "test");
		}
		return Api.bearer(device.secret());
	}

}
