package org.cabildo.governance.register;

import java.time.ZoneOffset;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.cabildo.governance.Declaration;
import org.cabildo.governance.DeclarationOrigin;
import org.cabildo.governance.UndeclaredStream;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

import tools.jackson.databind.json.JsonMapper;

/** The declarations table: every version of every declaration, as JSON beside the columns the register filters by. */
@Repository
public class DeclarationStore {

	private static final JsonMapper JSON = JsonMapper.shared();

	private static final String FIRST_VERSIONS =
			"SELECT datastream_id, origin, template_id, template_version FROM declarations WHERE version = 1";

	private final JdbcClient jdbc;

	DeclarationStore(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	public void insert(Declaration declaration, DeclarationOrigin origin) {
		DeclarationOrigin.FromTemplate template = origin instanceof DeclarationOrigin.FromTemplate t ? t : null;
		jdbc.sql("""
				INSERT INTO declarations (datastream_id, version, organisation_id, personal_data_class, access_level,
				    stage, body, declared_at, declared_by, origin, template_id, template_version)
				VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)""")
			.params(declaration.datastreamId(), declaration.version(), declaration.organisationId(),
					declaration.personalDataClass().id(), declaration.accessLevel().id(), declaration.stage().id(),
					JSON.writeValueAsString(declaration), declaration.declaredAt().atOffset(ZoneOffset.UTC),
					declaration.declaredBy(), origin.kind(), template == null ? null : template.template(),
					template == null ? null : template.templateVersion())
			.update();
	}

	/** Datastreams and MultiDatastreams without any declaration, by id, a page at a time. */
	public List<UndeclaredStream> undeclared(int skip, int top) {
		return jdbc.sql("""
				SELECT d.id, d.name, d.multi, d.thing_id, d.organisation_id, o.name FROM streams d
				JOIN organisations o ON o.id = d.organisation_id
				WHERE NOT EXISTS (SELECT 1 FROM declarations x WHERE x.datastream_id = d.id)
				ORDER BY d.id OFFSET ? ROWS FETCH FIRST ? ROWS ONLY""")
			.params(skip, top)
			.query((rs, n) -> new UndeclaredStream(rs.getLong(1), rs.getString(2),
					rs.getBoolean(3) ? "MultiDatastreams" : "Datastreams", rs.getLong(4), rs.getLong(5), rs.getString(6)))
			.list();
	}

	/** The undeclared streams of these organisations (their owners now), by id, a page at a time. */
	public List<UndeclaredStream> undeclared(java.util.Collection<Long> organisations, int skip, int top) {
		if (organisations.isEmpty()) {
			return List.of();
		}
		return jdbc.sql("""
				SELECT d.id, d.name, d.multi, d.thing_id, d.organisation_id, o.name FROM streams d
				JOIN organisations o ON o.id = d.organisation_id
				WHERE d.organisation_id IN (:organisations)
				AND NOT EXISTS (SELECT 1 FROM declarations x WHERE x.datastream_id = d.id)
				ORDER BY d.id OFFSET :skip ROWS FETCH FIRST :top ROWS ONLY""")
			.param("organisations", organisations)
			.param("skip", skip)
			.param("top", top)
			.query((rs, n) -> new UndeclaredStream(rs.getLong(1), rs.getString(2),
					rs.getBoolean(3) ? "MultiDatastreams" : "Datastreams", rs.getLong(4), rs.getLong(5), rs.getString(6)))
			.list();
	}

	public long countUndeclared(java.util.Collection<Long> organisations) {
		if (organisations.isEmpty()) {
			return 0;
		}
		return jdbc.sql("""
				SELECT COUNT(*) FROM streams d WHERE d.organisation_id IN (:organisations)
				AND NOT EXISTS (SELECT 1 FROM declarations x WHERE x.datastream_id = d.id)""")
			.param("organisations", organisations)
			.query(Long.class)
			.single();
	}

	public long countUndeclared() {
		return jdbc.sql("""
				SELECT COUNT(*) FROM streams d
				WHERE NOT EXISTS (SELECT 1 FROM declarations x WHERE x.datastream_id = d.id)""")
			.query(Long.class)
			.single();
	}

	/** How each declared Datastream's first declaration came about. */
	public Map<Long, DeclarationOrigin> origins() {
		Map<Long, DeclarationOrigin> origins = new HashMap<>();
		jdbc.sql(FIRST_VERSIONS).query(rs -> {
			origins.put(rs.getLong(1), origin(rs));
		});
		return origins;
	}

	public Optional<DeclarationOrigin> origin(long datastream) {
		return jdbc.sql(FIRST_VERSIONS + " AND datastream_id = ?")
			.param(datastream)
			.query((rs, n) -> origin(rs))
			.optional();
	}

	private static DeclarationOrigin origin(java.sql.ResultSet rs) throws java.sql.SQLException {
		return switch (rs.getString(2)) {
			case "inline" -> DeclarationOrigin.INLINE;
			case "template" -> new DeclarationOrigin.FromTemplate(rs.getLong(3), rs.getInt(4));
			default -> DeclarationOrigin.WRITTEN;
		};
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
