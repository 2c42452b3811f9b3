package org.cabildo.governance.objections;

import java.util.Arrays;
import java.util.Locale;
import java.util.Optional;

import com.fasterxml.jackson.annotation.JsonValue;

/** What an objection or question is about: one of the parts of a declaration, or something else. */
public enum Category {

	PURPOSE, NECESSITY, RETENTION, LOCATION, ACCESS, OTHER;

	@JsonValue
	public String id() {
		return name().toLowerCase(Locale.ROOT);
	}

	public static Optional<Category> of(String id) {
		return Arrays.stream(values()).filter(value -> value.id().equals(id)).findFirst();
	}

}
