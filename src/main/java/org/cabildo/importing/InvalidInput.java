package org.cabildo.importing;

/**
 * A mapping or input file the import cannot use; the message is one line that says where
 * ({@code file:line:column}) and what is wrong.
 */
public final class InvalidInput extends RuntimeException {

	private static final long serialVersionUID = 1L;

	public InvalidInput(String message) {
		super(message);
	}

}
