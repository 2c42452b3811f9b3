package org.cabildo.governance.objections;

import java.util.Arrays;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;

import com.fasterxml.jackson.annotation.JsonValue;

/**
 * Where an objection is: open until a steward answers; then answered, and finally upheld (the
 * declaration changed, or the stream retired) or dismissed (with reasons).
 */
public enum Status {

	OPEN, ANSWERED, UPHELD, DISMISSED;

	/** The outcomes an answer may give from here; none once upheld or dismissed. */
	public Set<Status> next() {
		return switch (this) {
			case OPEN -> Set.of(ANSWERED, UPHELD, DISMISSED);
			case ANSWERED -> Set.of(UPHELD, DISMISSED);
			case UPHELD, DISMISSED -> Set.of();
		};
	}

	@JsonValue
	public String id() {
		return name().toLowerCase(Locale.ROOT);
	}

	public static Optional<Status> of(String id) {
		return Arrays.stream(values()).filter(value -> value.id().equals(id)).findFirst();
	}

}
