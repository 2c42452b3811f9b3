package org.cabildo.governance.register;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Optional;

import org.cabildo.governance.DeclarationDraft;
import org.cabildo.governance.DeclarationTemplate;
import org.cabildo.governance.DeclarationTemplate.Scope;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.support.GeneratedKeyHolder;
import org.springframework.jdbc.support.KeyHolder;
import org.springframework.stereotype.Repository;

import tools.jackson.databind.json.JsonMapper;

/** Declaration templates and every version of each, the declaration kept as JSON. */
@Repository
public class TemplateStore {

	private static final JsonMapper JSON = JsonMapper.shared();

	private static final String VERSIONS = """
			SELECT t.id, t.scope, t.scope_id, t.organisation_id, v.version, v.withdrawn, v.body, v.declared_at,
			       v.declared_by, o.name AS organisation
			FROM declaration_templates t
			JOIN declaration_template_versions v ON v.template_id = t.id
			JOIN organisations o ON o.id = t.organisation_id
			""";

	private static final String LATEST = " AND v.version = (SELECT MAX(l.version) FROM declaration_template_versions l"
			+ " WHERE l.template_id = t.id)";

	private final JdbcClient jdbc;

	TemplateStore(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	/** The id of the template of a scope, made (with no version yet) when there is none. */
	public long idOf(Scope scope, long scopeId, long organisation) {
		Optional<Long> known = existing(scope, scopeId);
		if (known.isPresent()) {
			return known.get();
		}
		KeyHolder keys = new GeneratedKeyHolder();
		jdbc.sql("INSERT INTO declaration_templates (scope, scope_id, organisation_id) VALUES (?, ?, ?)")
			.params(scope.id(), scopeId, organisation)
			.update(keys, "id");
		return keys.getKeyAs(Number.class).longValue();
	}

	public Optional<Long> existing(Scope scope, long scopeId) {
		return jdbc.sql("SELECT id FROM declaration_templates WHERE scope = ? AND scope_id = ?")
			.params(scope.id(), scopeId)
			.query(Long.class)
			.optional();
	}

	/** Locks a template against a concurrent new version. */
	public void lock(long template) {
		jdbc.sql("SELECT id FROM declaration_templates WHERE id = ? FOR UPDATE").param(template).query(Long.class)
			.optional();
	}

	public int latestVersion(long template) {
		return jdbc.sql("SELECT COALESCE(MAX(version), 0) FROM declaration_template_versions WHERE template_id = ?")
			.param(template)
			.query(Integer.class)
			.single();
	}

	public void insert(long template, int version, boolean withdrawn, DeclarationDraft declaration,
			java.time.Instant at, String by) {
		jdbc.sql("""
				INSERT INTO declaration_template_versions (template_id, version, withdrawn, body, declared_at, declared_by)
				VALUES (?, ?, ?, ?, ?, ?)""")
			.params(template, version, withdrawn, JSON.writeValueAsString(declaration), at.atOffset(ZoneOffset.UTC), by)
			.update();
	}

	/** The current version of the template of a scope. */
	public Optional<DeclarationTemplate> current(Scope scope, long scopeId) {
		return jdbc.sql(VERSIONS + " WHERE t.scope = ? AND t.scope_id = ?" + LATEST)
			.params(scope.id(), scopeId)
			.query(TemplateStore::row)
			.optional();
	}

	public Optional<DeclarationTemplate> current(long template) {
		return jdbc.sql(VERSIONS + " WHERE t.id = ?" + LATEST).param(template).query(TemplateStore::row).optional();
	}

	/** The current version of every template, withdrawn ones too, by id. */
	public List<DeclarationTemplate> allCurrent() {
		return jdbc.sql(VERSIONS + " WHERE 1 = 1" + LATEST + " ORDER BY t.id").query(TemplateStore::row).list();
	}

	/** Every version of a template, oldest first. */
	public List<DeclarationTemplate> history(long template) {
		return jdbc.sql(VERSIONS + " WHERE t.id = ? ORDER BY v.version").param(template).query(TemplateStore::row)
			.list();
	}

	/** A Datastream's (or MultiDatastream's) Thing and organisation. */
	public record Owner(long thing, long organisation) {
	}

	public Optional<Owner> ownerOfDatastream(long datastream) {
		return jdbc.sql("SELECT thing_id, organisation_id FROM streams WHERE id = ?")
			.param(datastream)
			.query((rs, n) -> new Owner(rs.getLong(1), rs.getLong(2)))
			.optional();
	}

	public Optional<Long> ownerOfThing(long thing) {
		return jdbc.sql("SELECT organisation_id FROM things WHERE id = ?").param(thing).query(Long.class).optional();
	}

	private static DeclarationTemplate row(ResultSet rs, int n) throws SQLException {
		return new DeclarationTemplate(rs.getLong("id"), rs.getInt("version"),
				Scope.of(rs.getString("scope")).orElseThrow(), rs.getLong("scope_id"), rs.getLong("organisation_id"),
				rs.getString("organisation"), JSON.readValue(rs.getString("body"), DeclarationDraft.class), rs.getBoolean("withdrawn"),
				rs.getObject("declared_at", java.time.OffsetDateTime.class).toInstant(), rs.getString("declared_by"));
	}

}
