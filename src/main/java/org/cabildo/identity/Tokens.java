package org.cabildo.identity;

import java.time.Clock;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.Optional;

import org.cabildo.platform.ApiException;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.support.GeneratedKeyHolder;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Personal API tokens, for scripts: a bearer token that acts as its person. Stored as the
 * SHA-256 hash of its secret, shown once when created, revocable, with an optional expiry.
 */
@Service
public class Tokens {

	/** The longest name a token may have (V4__identity.sql). */
	public static final int MAX_NAME = 200;

	private final JdbcClient jdbc;

	private final Clock clock;

	private final People people;

	private final CallerCache cache;

	private final AuditLog audit;

	Tokens(JdbcClient jdbc, Clock clock, People people, CallerCache cache, AuditLog audit) {
		this.jdbc = jdbc;
		this.clock = clock;
		this.people = people;
		this.cache = cache;
		this.audit = audit;
	}

	/** A new token with a random secret. */
	@Transactional
	public Issued create(long person, String name, Instant expiresAt, String actor) {
		return create(person, name, expiresAt, Secrets.random(Secrets.TOKEN_PREFIX), actor);
	}

	/** A new token with the secret given (at least 32 characters), as a bootstrap configuration sets it. */
	@Transactional
	public Issued create(long person, String name, Instant expiresAt, String secret, String actor) {
		if (people.byId(person).isEmpty()) {
			throw ApiException.notFound("there is no person " + person);
		}
		if (secret.length() < 32) {
			throw ApiException.badRequest("a token has at least 32 characters");
		}
		String label = name == null || name.isBlank() ? "token" : name.strip();
		if (label.codePointCount(0, label.length()) > MAX_NAME) {
			throw ApiException.badRequest("/name is longer than " + MAX_NAME + " characters").with("pointer", "/name");
		}
		var keys = new GeneratedKeyHolder();
		jdbc.sql("INSERT INTO api_tokens (person_id, name, secret_hash, created_at, expires_at) VALUES (?, ?, ?, ?, ?)")
			.params(person, label, Secrets.hash(secret), Secrets.utc(clock.instant()), Secrets.utc(expiresAt))
			.update(keys, "id");
		long id = keys.getKeyAs(Number.class).longValue();
		audit.record("token-created", actor, "person " + person, "token " + id + " '" + label + "'", null);
		return new Issued(id, label, secret, expiresAt);
	}

	/** Revokes a token; it stops working at once on this node. */
	@Transactional
	public void revoke(long id, String actor) {
		Token token = byId(id).orElseThrow(() -> ApiException.notFound("there is no token " + id));
		jdbc.sql("UPDATE api_tokens SET revoked_at = ? WHERE id = ? AND revoked_at IS NULL")
			.params(Secrets.utc(clock.instant()), id)
			.update();
		jdbc.sql("SELECT secret_hash FROM api_tokens WHERE id = ?").param(id).query(String.class).optional()
			.ifPresent(cache::evict);
		audit.record("token-revoked", actor, "person " + token.person(), "token " + id, null);
	}

	@Transactional(readOnly = true)
	public Optional<Token> byId(long id) {
		return jdbc.sql("SELECT id, person_id, name, created_at, expires_at, revoked_at FROM api_tokens WHERE id = ?")
			.param(id)
			.query((rs, n) -> new Token(rs.getLong(1), rs.getLong(2), rs.getString(3), instant(rs.getObject(4, OffsetDateTime.class)),
					instant(rs.getObject(5, OffsetDateTime.class)), instant(rs.getObject(6, OffsetDateTime.class))))
			.optional();
	}

	@Transactional(readOnly = true)
	public List<Token> of(long person) {
		return jdbc.sql("SELECT id FROM api_tokens WHERE person_id = ? ORDER BY id")
			.param(person)
			.query(Long.class)
			.list()
			.stream()
			.flatMap(id -> byId(id).stream())
			.toList();
	}

	/** The person a token stands for, if it is known, not revoked and not expired. */
	public Optional<Caller> authenticate(String secret) {
		return cache.get(Secrets.hash(secret), this::load);
	}

	private Optional<CallerCache.Entry> load(String hash) {
		record Row(long person, Instant expiresAt) {
		}
		return jdbc.sql("SELECT person_id, expires_at FROM api_tokens WHERE secret_hash = ? AND revoked_at IS NULL")
			.param(hash)
			.query((rs, n) -> new Row(rs.getLong(1), instant(rs.getObject(2, OffsetDateTime.class))))
			.optional()
			.flatMap(row -> people.caller(row.person()).map(c -> new CallerCache.Entry(c, row.expiresAt(), null)));
	}

	static Instant instant(OffsetDateTime time) {
		return time == null ? null : time.toInstant();
	}

}
