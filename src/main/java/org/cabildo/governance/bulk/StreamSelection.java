package org.cabildo.governance.bulk;

import java.util.List;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/** The streams (Datastreams and MultiDatastreams) of a Thing or an organisation, by id. */
@Component
class StreamSelection {

	private final JdbcClient jdbc;

	StreamSelection(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	List<Long> ofThing(long thing, int limit) {
		return jdbc.sql("SELECT id FROM streams WHERE thing_id = ? ORDER BY id LIMIT ?")
			.params(thing, limit)
			.query(Long.class)
			.list();
	}

	List<Long> ofOrganisation(long organisation, int limit) {
		return jdbc.sql("SELECT id FROM streams WHERE organisation_id = ? ORDER BY id LIMIT ?")
			.params(organisation, limit)
			.query(Long.class)
			.list();
	}

	boolean thingExists(long thing) {
		return jdbc.sql("SELECT COUNT(*) FROM things WHERE id = ?").param(thing).query(Long.class).single() > 0;
	}

}
