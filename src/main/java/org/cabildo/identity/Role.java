package org.cabildo.identity;

import java.util.Locale;
import java.util.Optional;

/** What a person may do in an organisation; a person may hold several roles in several organisations. */
public enum Role {

	/** Manages its organisation's Things, Sensors and Datastreams, and writes their Observations. */
	OPERATOR,
	/** Its organisation's data-protection officer: declarations, objections, stage changes. */
	STEWARD,
	/** Reads data for a declared purpose. */
	ANALYST,
	/** Reads the access ledger, declaration history and audit of every organisation; writes no measurements. */
	AUDITOR,
	/** Manages the organisation's people, roles, tokens and devices. */
	ADMIN;

	public String label() {
		return name().toLowerCase(Locale.ROOT);
	}

	public static Optional<Role> of(String label) {
		for (Role role : values()) {
			if (role.label().equalsIgnoreCase(label == null ? "" : label.trim())) {
				return Optional.of(role);
			}
		}
		return Optional.empty();
	}

}
