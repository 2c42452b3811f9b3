package org.cabildo.identity;

import java.time.Clock;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

import org.cabildo.platform.ApiException;
import org.springframework.http.HttpStatus;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.support.GeneratedKeyHolder;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/** The organisations; they are never renamed or deleted, so lookups by name are kept in memory. */
@Service
@Transactional
public class Organisations {

	private final JdbcClient jdbc;

	private final Clock clock;

	private final Map<String, Organisation> byName = new ConcurrentHashMap<>();

	Organisations(JdbcClient jdbc, Clock clock) {
		this.jdbc = jdbc;
		this.clock = clock;
	}

	public Organisation create(String name) {
		String clean = name == null ? "" : name.strip();
		if (clean.isEmpty() || clean.length() > 200) {
			throw ApiException.badRequest("an organisation needs a name of 1 to 200 characters");
		}
		if (named(clean).isPresent()) {
			throw new ApiException(HttpStatus.CONFLICT, "there is an organisation named '" + clean + "'");
		}
		var keys = new GeneratedKeyHolder();
		jdbc.sql("INSERT INTO organisations (name, created_at) VALUES (?, ?)")
			.params(clean, Secrets.utc(clock.instant()))
			.update(keys, "id");
		return new Organisation(keys.getKeyAs(Number.class).longValue(), clean);
	}

	/** The organisation of that name, created if there is none. */
	public Organisation named(String name, boolean create) {
		return named(name).orElseGet(() -> {
			if (!create) {
				throw ApiException.notFound("there is no organisation named '" + name + "'");
			}
			return create(name);
		});
	}

	@Transactional(readOnly = true)
	public Optional<Organisation> named(String name) {
		Organisation known = byName.get(name);
		if (known != null) {
			return Optional.of(known);
		}
		Optional<Organisation> found = jdbc.sql("SELECT id, name FROM organisations WHERE name = ?")
			.param(name)
			.query(Organisation.class)
			.optional();
		found.ifPresent(organisation -> byName.put(name, organisation));
		return found;
	}

	@Transactional(readOnly = true)
	public Optional<Organisation> byId(long id) {
		return jdbc.sql("SELECT id, name FROM organisations WHERE id = ?").param(id).query(Organisation.class).optional();
	}

	@Transactional(readOnly = true)
	public List<Organisation> all() {
		return jdbc.sql("SELECT id, name FROM organisations ORDER BY id").query(Organisation.class).list();
	}

}
