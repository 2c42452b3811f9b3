package org.cabildo.importing;

import java.util.Optional;

/**
 * A mapping or input file the import cannot use; the message is one line that says where
 * ({@code file:line:column}) and what is wrong.
 */
public final class InvalidInput extends RuntimeException {

	private static final long serialVersionUID = 1L;

	private final String pointer;

	public InvalidInput(String message) {
		this(message, null);
	}

	/** @param pointer where in the mapping the fault is, as a JSON Pointer ({@code /readings/sentinel}) */
	public InvalidInput(String message, String pointer) {
		super(message);
		this.pointer = pointer;
	}

	/** Where in the mapping the fault is ({@code /readings/time_zone}), when it is in the mapping and known. */
	public Optional<String> pointer() {
		return Optional.ofNullable(pointer);
	}

}
