package org.cabildo.governance.access;

import java.util.EnumSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;

import org.cabildo.governance.AccessLevel;
import org.cabildo.governance.Declaration;
import org.cabildo.governance.Declaration.SharingGrant;
import org.cabildo.governance.Stage;
import org.cabildo.identity.Caller;
import org.cabildo.identity.Role;

/**
 * Who may read a Datastream's Observations under its declaration, with the reason when not.
 * Reading is for people who work with data in an organisation (analysts, operators, stewards);
 * auditors read the ledger and the declarations, never measurements.
 */
final class ReadRule {

	private static final Set<Role> READING_ROLES = EnumSet.of(Role.ANALYST, Role.OPERATOR, Role.STEWARD);

	private ReadRule() {
	}

	static Optional<String> refusal(Declaration declaration, Reader reader) {
		if (declaration.isOpen()) {
			return Optional.empty();
		}
		long stream = declaration.datastreamId();
		Caller person = reader.caller().filter(caller -> !caller.isDevice()).orElse(null);
		if (person == null) {
			return Optional.of("the Observations of Datastream " + stream + " are " + describe(declaration)
					+ ": sign in as a person of " + declaration.organisation() + (declaration.sharing().isEmpty() ? ""
							: " or of an organisation it shares them with") + ", and name a declared purpose");
		}
		boolean owner = reads(person, declaration.organisationId());
		if (declaration.stage() == Stage.LAB && !owner) {
			return Optional.of("Datastream " + stream + " is in the lab: only " + declaration.organisation()
					+ " reads its test data");
		}
		if (declaration.stage() == Stage.LAB && declaration.accessLevel() == AccessLevel.OPEN) {
			return Optional.empty(); // the lab keeps open data to its own people, whatever they read it for
		}
		List<String> allowed = owner ? declaration.purposes() : grantedPurposes(declaration, person);
		if (allowed.isEmpty()) {
			return Optional.of("the Observations of Datastream " + stream + " are " + describe(declaration)
					+ ", and your organisation holds no grant to read them");
		}
		if (reader.purpose() == null) {
			return Optional.of("reading Datastream " + stream + " needs a declared purpose in the Cabildo-Purpose"
					+ " header or the purpose parameter; allowed: " + String.join(", ", allowed));
		}
		if (!allowed.contains(reader.purpose())) {
			return Optional.of("the purpose '" + reader.purpose() + "' is not allowed for Datastream " + stream
					+ "; allowed: " + String.join(", ", allowed));
		}
		return Optional.empty();
	}

	private static List<String> grantedPurposes(Declaration declaration, Caller person) {
		if (declaration.accessLevel() != AccessLevel.RESTRICTED) {
			return List.of();
		}
		return declaration.sharing()
			.stream()
			.filter(grant -> reads(person, grant.organisationId()))
			.map(SharingGrant::purposes)
			.flatMap(List::stream)
			.filter(declaration.purposes()::contains)
			.distinct()
			.toList();
	}

	private static boolean reads(Caller person, long organisation) {
		return READING_ROLES.stream().anyMatch(role -> person.has(role, organisation));
	}

	private static String describe(Declaration declaration) {
		return declaration.stage() == Stage.LAB ? "test data of a lab deployment"
				: declaration.accessLevel().id() + " (" + declaration.personalDataClass().id() + " data)";
	}

}
