package org.cabildo.identity;

import java.time.Clock;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;

import org.cabildo.platform.ApiException;
import org.springframework.http.HttpStatus;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.support.GeneratedKeyHolder;
import org.springframework.security.crypto.factory.PasswordEncoderFactories;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * People with built-in accounts and their roles per organisation. Passwords are stored as
 * bcrypt hashes. Every change of a role is recorded in the {@link AuditLog}.
 */
@Service
@Transactional
public class People {

	/** Compared against when a username is unknown, so that both cases take as long. */
	private static final String UNKNOWN_USER_HASH;

	private static final PasswordEncoder PASSWORDS = PasswordEncoderFactories.createDelegatingPasswordEncoder();

	static {
		UNKNOWN_USER_HASH = PASSWORDS.encode("no such user");
	}

	private final JdbcClient jdbc;

	private final Clock clock;

	private final AuditLog audit;

	private final CallerCache cache;

	People(JdbcClient jdbc, Clock clock, AuditLog audit, CallerCache cache) {
		this.jdbc = jdbc;
		this.clock = clock;
		this.audit = audit;
		this.cache = cache;
	}

	/** Creates a person; a null password makes an account that signs in only through OIDC. */
	public Person create(String username, String password, long organisation, String actor) {
		String name = username == null ? "" : username.strip();
		if (!name.matches("[\\p{L}\\p{N}._@+-]{1,200}")) {
			throw ApiException.badRequest("a username is 1 to 200 letters, digits, '.', '_', '@', '+' or '-'");
		}
		if (password != null) {
			Passwords.check(password, name);
		}
		if (byUsername(name).isPresent()) {
			throw new ApiException(HttpStatus.CONFLICT, "there is a person named '" + name + "'");
		}
		var keys = new GeneratedKeyHolder();
		jdbc.sql("INSERT INTO people (username, password_hash, organisation_id, created_at) VALUES (?, ?, ?, ?)")
			.params(name, password == null ? null : PASSWORDS.encode(password), organisation,
					Secrets.utc(clock.instant()))
			.update(keys, "id");
		long id = keys.getKeyAs(Number.class).longValue();
		audit.record("person-created", actor, name, "organisation " + organisation, null);
		return byId(id).orElseThrow();
	}

	public void changePassword(long person, String password, String actor) {
		Passwords.check(password, byId(person).map(Person::username).orElse(null));
		jdbc.sql("UPDATE people SET password_hash = ? WHERE id = ?").params(PASSWORDS.encode(password), person).update();
		audit.record("password-changed", actor, "person " + person, null, null);
	}

	public void grant(long person, long organisation, Role role, String actor) {
		require(person);
		int added = jdbc.sql("""
				INSERT INTO role_grants (person_id, organisation_id, role, granted_at)
				SELECT ?, ?, ?, ? FROM (VALUES (1)) one WHERE NOT EXISTS (
				    SELECT 1 FROM role_grants WHERE person_id = ? AND organisation_id = ? AND role = ?)""")
			.params(person, organisation, role.label(), Secrets.utc(clock.instant()), person, organisation,
					role.label())
			.update();
		if (added > 0) {
			audit.record("role-granted", actor, "person " + person, role.label() + " in organisation " + organisation,
					null);
			cache.clear();
		}
	}

	public void revoke(long person, long organisation, Role role, String actor) {
		int removed = jdbc.sql("DELETE FROM role_grants WHERE person_id = ? AND organisation_id = ? AND role = ?")
			.params(person, organisation, role.label())
			.update();
		if (removed > 0) {
			audit.record("role-revoked", actor, "person " + person, role.label() + " in organisation " + organisation,
					null);
			cache.clear();
		}
	}

	@Transactional(readOnly = true)
	public Optional<Person> byUsername(String username) {
		return jdbc.sql("SELECT id FROM people WHERE username = ?")
			.param(username)
			.query(Long.class)
			.optional()
			.flatMap(this::byId);
	}

	@Transactional(readOnly = true)
	public Optional<Person> byId(long id) {
		return jdbc.sql("SELECT id, username, organisation_id FROM people WHERE id = ?")
			.param(id)
			.query((rs, n) -> new Person(rs.getLong(1), rs.getString(2), rs.getLong(3), grants(rs.getLong(1))))
			.optional();
	}

	/** Everyone, or the people of one organisation (their own, or one they hold a role in). */
	@Transactional(readOnly = true)
	public List<Person> all(Long organisation) {
		List<Long> ids = organisation == null
				? jdbc.sql("SELECT id FROM people ORDER BY id").query(Long.class).list()
				: jdbc.sql("SELECT id FROM people p WHERE organisation_id = ? OR EXISTS (SELECT 1 FROM role_grants g"
						+ " WHERE g.person_id = p.id AND g.organisation_id = ?) ORDER BY id")
					.params(organisation, organisation)
					.query(Long.class)
					.list();
		List<Person> people = new ArrayList<>();
		ids.forEach(id -> byId(id).ifPresent(people::add));
		return people;
	}

	/** Whether anyone holds the admin role. */
	@Transactional(readOnly = true)
	public boolean anyAdmin() {
		return jdbc.sql("SELECT COUNT(*) FROM role_grants WHERE role = ?").param(Role.ADMIN.label()).query(Long.class)
			.single() > 0;
	}

	/** The person whose password this is; empty if the username is unknown or the password wrong. */
	@Transactional(readOnly = true)
	public Optional<Caller> verify(String username, String password) {
		record Account(long id, String hash) {
		}
		Optional<Account> account = jdbc.sql("SELECT id, password_hash FROM people WHERE username = ?")
			.param(username)
			.query((rs, n) -> new Account(rs.getLong(1), rs.getString(2)))
			.optional();
		String hash = account.map(Account::hash).orElse(null);
		boolean matches = PASSWORDS.matches(password == null ? "" : password, hash == null ? UNKNOWN_USER_HASH : hash);
		if (!matches || hash == null) {
			return Optional.empty();
		}
		return caller(account.get().id());
	}

	/**
	 * The person as the store holds them now, with their roles: how a session signed in earlier
	 * sees a role granted or revoked since; empty when there is no such person (any longer).
	 */
	@Transactional(readOnly = true)
	public Optional<Caller> caller(long person) {
		return byId(person).map(p -> {
			Map<Long, Set<Role>> grants = new HashMap<>();
			p.roles().forEach(g -> grants.computeIfAbsent(g.organisation(), o -> new TreeSet<>()).add(g.role()));
			return new Caller(Caller.Kind.PERSON, p.id(), p.username(), p.organisation(), grants, Set.of());
		});
	}

	private List<Person.Grant> grants(long person) {
		return jdbc.sql("SELECT organisation_id, role FROM role_grants WHERE person_id = ? ORDER BY organisation_id, role")
			.param(person)
			.query((rs, n) -> new Person.Grant(rs.getLong(1), Role.of(rs.getString(2)).orElseThrow()))
			.list();
	}

	private void require(long person) {
		if (byId(person).isEmpty()) {
			throw ApiException.notFound("there is no person " + person);
		}
	}

}
