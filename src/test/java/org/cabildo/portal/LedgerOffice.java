package org.cabildo.portal;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import javax.xml.parsers.DocumentBuilderFactory;

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
import org.w3c.dom.Document;

/**
 * What the ledger's pages are tested with: an organisation of its own (its name given by the
 * test) with an operator, a steward and an analyst, and a restricted stream of pseudonymous data
 * that the analyst reads for a declared purpose, as the API ledgers it.
 */
record LedgerOffice(Organisation organisation, Api operator, Api steward, Api analyst, String analystName,
		long datastream) {

	static final String PASSWORD = "ledger-pages-password-4c2e9b";

	static String unique(String prefix) {
		return prefix + "-" + UUID.randomUUID().toString().substring(0, 8);
	}

	/** An organisation named {@code name}, its people, and a restricted stream of pseudonymous data with one reading. */
	static LedgerOffice of(String name, int port, Organisations organisations, People people, Tokens tokens,
			Register register) {
		Organisation organisation = organisations.create(name);
		Api operator = person(port, people, tokens, organisation, unique("operator"), Role.OPERATOR);
		Api steward = person(port, people, tokens, organisation, unique("steward"), Role.STEWARD);
		String analystName = unique("analyst");
		Api analyst = person(port, people, tokens, organisation, analystName, Role.ANALYST);
		Api.Response created = operator.post("/v1.1/Datastreams", Fixtures.datastreamWithThing(unique("counter")));
		assertThat(created.status()).as("%s", created).isEqualTo(201);
		long datastream = created.id();
		long owner = register.owner(datastream);
		register.saveVersion(new Declaration(datastream, 1, owner, register.organisationName(owner),
				"transito@example.org", List.of("mobility"), List.of("identifiable_video"), List.of("values_time"),
				List.of("de_identified"), List.of(), List.of(), new Declaration.Retention("P30D", "nothing", null),
				PersonalDataClass.PSEUDONYMOUS, new Declaration.LegalBasis("public_task", "Ley de Movilidad, art. 1"),
				"https://example.org/privacy", AccessLevel.RESTRICTED, List.of(), Stage.CITY, null, "DPIA-1",
				"Counts vehicles by keyed hashes of their plates.", null, Instant.now(), "tests"), "declaration",
				"declared restricted by a portal test");
		Api.Response observed = operator.post("/v1.1/Datastreams(" + datastream + ")/Observations",
				Map.of("result", 42, "phenomenonTime", Instant.now().toString()));
		assertThat(observed.status()).as("%s", observed).isEqualTo(201);
		return new LedgerOffice(organisation, operator, steward, analyst, analystName, datastream);
	}

	/** A person with a role and a password (to sign in to the portal), called with a personal token. */
	static Api person(int port, People people, Tokens tokens, Organisation organisation, String username, Role role) {
		Person person = people.create(username, PASSWORD, organisation.id(), "test");
		people.grant(person.id(), organisation.id(), role, "test");
		return Api.anonymous(port).as(Api.bearer(tokens.create(person.id(), "test", null, "test").secret()));
	}

	/** The analyst reads the stream's Observations for mobility, as the API allows and ledgers. */
	void read() {
		Api.Response read = analyst.get("/v1.1/Datastreams(" + datastream + ")/Observations", "purpose", "mobility");
		assertThat(read.status()).as("%s", read).isEqualTo(200);
		assertThat(read.body()).contains("42");
	}

	/** A page parsed as strict XML: any unclosed or misnested element, or a raw '<' from data, fails it. */
	static Document wellFormed(String page) {
		try {
			return DocumentBuilderFactory.newInstance()
				.newDocumentBuilder()
				.parse(new ByteArrayInputStream(page.getBytes(StandardCharsets.UTF_8)));
		}
		catch (Exception e) {
			throw new AssertionError("not well-formed: " + e.getMessage() + "\n" + page, e);
		}
	}

	/** As the page writes text: the few characters HTML escapes. */
	static String escaped(String text) {
		return text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;");
	}

}
