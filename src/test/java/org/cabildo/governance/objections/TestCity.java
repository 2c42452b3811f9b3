package org.cabildo.governance.objections;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.cabildo.governance.AccessLevel;
import org.cabildo.governance.Declaration;
import org.cabildo.governance.PersonalDataClass;
import org.cabildo.governance.Register;
import org.cabildo.governance.Stage;
import org.cabildo.identity.Organisation;
import org.cabildo.identity.Organisations;
import org.cabildo.identity.People;
import org.cabildo.identity.Person;
import org.cabildo.identity.Role;
import org.cabildo.identity.Tokens;
import org.cabildo.support.Api;
import org.cabildo.support.Fixtures;
import org.springframework.jdbc.core.simple.JdbcClient;

/** What the governance tests set up: an organisation with its people, its Datastreams, their declarations. */
record TestCity(int port, Organisations organisations, People people, Tokens tokens, Register register,
		JdbcClient jdbc) {

	/** An organisation, with a client for each role (and one for nobody). */
	record Office(Organisation organisation, Api operator, Api steward, Api analyst, Api admin, Api anonymous) {
	}

	static String unique(String prefix) {
		return prefix + "-" + UUID.randomUUID().toString().substring(0, 8);
	}

	Office office() {
		Organisation organisation = organisations.create(unique("office"));
		return new Office(organisation, person(organisation, Role.OPERATOR), person(organisation, Role.STEWARD),
				person(organisation, Role.ANALYST), person(organisation, Role.ADMIN), Api.anonymous(port));
	}

	Api person(Organisation organisation, Role role) {
		Person person = people.create(unique(role.label()), null, organisation.id(), "test");
		people.grant(person.id(), organisation.id(), role, "test");
		return Api.anonymous(port).as(Api.bearer(tokens.create(person.id(), "test", null, "test").secret()));
	}

	/** A Datastream of the office, created by its operator. */
	long datastream(Office office) {
		Api.Response created = office.operator().post("/v1.1/Datastreams", Fixtures.datastreamWithThing(unique("ds")));
		assertThat(created.status()).as("%s", created).isEqualTo(201);
		return created.id();
	}

	/** Writes a declaration version at this stage, as the register's own rules would. */
	Declaration declare(long datastream, Stage stage, String impactAssessment) {
		long owner = register.owner(datastream);
		return register.saveVersion(new Declaration(datastream, 1, owner, register.organisationName(owner),
				"steward@cabildo.invalid", List.of("ecology"), List.of("air_quality"), List.of("values_time"),
				List.of("raw_data"), List.of("available_to_download"), List.of("stored_locally"),
				new Declaration.Retention(null, Declaration.Retention.NOTHING, null), PersonalDataClass.NONE, null,
				null, AccessLevel.OPEN, List.of(), stage, null, impactAssessment, "A test stream.", null,
				java.time.Instant.now(), "tests"), "declaration", "declared by a governance test");
	}

	/** Files an objection without an account; returns its id. */
	long file(Office office, long datastream, String text) {
		Api.Response filed = office.anonymous().post("/api/register/" + datastream + "/objections",
				Map.of("category", "purpose", "text", text));
		assertThat(filed.status()).as("%s", filed).isEqualTo(201);
		return filed.json().get("id").asLong();
	}

	/** The ledger entries of a kind about one Datastream, their details oldest first. */
	List<String> ledger(String kind, long datastream) {
		return jdbc.sql("SELECT detail FROM ledger_entries WHERE kind = ? AND datastreams = ? ORDER BY seq")
			.params(kind, Long.toString(datastream))
			.query(String.class)
			.list();
	}

}
