package org.cabildo.importing;

/** The platform refused or failed a request the import cannot do without; the message says which and why. */
public final class ImportFailure extends RuntimeException {

	private static final long serialVersionUID = 1L;

	public ImportFailure(String message) {
		super(message);
	}

}
