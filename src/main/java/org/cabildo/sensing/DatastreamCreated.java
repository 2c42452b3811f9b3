package org.cabildo.sensing;

import java.util.Optional;

/**
 * A Datastream was created, published inside the transaction that creates it (unlike
 * {@link org.cabildo.sensing.ingest.EntityChanged}), so that a listener can add what must exist with it before anything
 * is written into it in the same request (a deep insert with Observations): its declaration.
 *
 * @param inlineDeclaration the declaration the creating request carried (JSON text, the
 * reserved key {@code cabildo:declaration} of the Datastream's properties), or null
 * @param pointer where the Datastream stands in the request body (RFC 6901), for errors
 */
public record DatastreamCreated(long id, String inlineDeclaration, String pointer) {

	public DatastreamCreated(long id) {
		this(id, null, "");
	}

	public Optional<String> inline() {
		return Optional.ofNullable(inlineDeclaration);
	}

}
