package org.cabildo.importing;

/** The platform refused or failed a request the import cannot do without; the message says which and why. */
public final class ImportFailure extends RuntimeException {

	private static final long serialVersionUID = 1L;

	public ImportFailure(String message) {
		super(message);
	}

	/** The mapping's organisation has no declaration template and the mapping brings none. */
	public static ImportFailure noTemplate(String organisation) {
		return new ImportFailure("organisation '" + organisation + "' has no declaration template, so the Datastreams"
				+ " created would collect nothing: add declaration.template to the mapping (a steward publishes it) or"
				+ " ask a steward to publish one (PUT /api/register/templates/organisations/{name})");
	}

}
