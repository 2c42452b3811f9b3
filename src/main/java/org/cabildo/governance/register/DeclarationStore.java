package org.cabildo.governance.register;

import java.time.ZoneOffset;
import java.util.List;
import java.util.Optional;

import org.cabildo.governance.Declaration;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

import tools.jackson.databind.json.JsonMapper;

/** The declarations table: every version of every declaration, as JSON beside the columns the register filters by. */
@Repository
public class DeclarationStore {

	private static final JsonMapper JSON = JsonMapper.shared();

	private final JdbcClient jdbc;

	DeclarationStore(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	public void insert(Declaration declaration) {
		jdbc.sql("""
				INSERT INTO declarations (datastream_id, version, organisation_id, personal_data_class, access_level,
				    stage, body, declared_at, declared_by)
				VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)""")
			.params(declaration.datastreamId(), declaration.version(), declaration.organisationId(),
					declaration.personalDataClass().id(), declaration.accessLevel().id(), declaration.stage().id(),
					JSON.writeValueAsString(declaration), declaration.declaredAt().atOffset(ZoneOffset.UTC),
					declaration.declaredBy())
			.update();
	}

	/** The latest version of every declaration. */
	public List<Declaration> allCurrent() {
		return jdbc.sql("""
				SELECT d.body FROM declarations d
				WHERE d.version = (SELECT MAX(v.version) FROM declarations v WHERE v.datastream_id = d.datastream_id)
				ORDER BY d.datastream_id""")
			.query((rs, n) -> read(rs.getString(1)))
			.list();
	}

	public Optional<Declaration> current(long datastream) {
		return jdbc.sql("SELECT body FROM declarations WHERE datastream_id = ? ORDER BY version DESC FETCH FIRST 1 ROWS ONLY")
			.param(datastream)
			.query((rs, n) -> read(rs.getString(1)))
			.optional();
	}

	/** Every version, oldest first. */
	public List<Declaration> history(long datastream) {
		return jdbc.sql("SELECT body FROM declarations WHERE datastream_id = ? ORDER BY version")
			.param(datastream)
			.query((rs, n) -> read(rs.getString(1)))
			.list();
	}

	/** Locks the Datastream's declarations against a concurrent new version (the row of the Datastream). */
	public void lock(long datastream) {
		jdbc.sql("SELECT id FROM streams WHERE id = ? FOR UPDATE").param(datastream).query(Long.class).optional();
	}

	private static Declaration read(String body) {
		return JSON.readValue(body, Declaration.class);
	}

}
