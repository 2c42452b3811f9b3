package org.cabildo.identity;

import java.time.Clock;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.Set;

import org.springframework.context.ApplicationEventPublisher;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;

/**
 * Failed sign-ins and privilege changes, in the order they happened. Each is published as a
 * {@link Recorded} event once committed (governance's ledger keeps the privilege changes). Never
 * holds a secret: a refused token is recorded without it.
 */
@Service
public class AuditLog {

	/** One entry. @param kind e.g. {@code sign-in-failed}, {@code role-granted}, {@code token-revoked} */
	public record Entry(long id, Instant at, String kind, String actor, String subject, String detail,
			String address) {
	}

	/**
	 * Published for each entry, in the transaction that records it.
	 *
	 * @param kind as in {@link Entry}
	 */
	public record Recorded(String kind, String actor, String subject, String detail) {

		/** The kinds that record a refused sign-in rather than a change. */
		private static final Set<String> REFUSALS = Set.of("sign-in-failed", "token-refused");

		/** Whether someone's privileges changed (a role, a token, a device or its bindings, ownership). */
		public boolean privilegeChange() {
			return !REFUSALS.contains(kind);
		}

	}

	private final JdbcClient jdbc;

	private final Clock clock;

	private final ApplicationEventPublisher events;

	AuditLog(JdbcClient jdbc, Clock clock, ApplicationEventPublisher events) {
		this.jdbc = jdbc;
		this.clock = clock;
		this.events = events;
	}

	/** Recorded in its own transaction, so that it stays when the request that caused it fails. */
	@Transactional(propagation = Propagation.REQUIRES_NEW)
	public void record(String kind, String actor, String subject, String detail, String address) {
		jdbc.sql("INSERT INTO identity_audit (at, kind, actor, subject, detail, address) VALUES (?, ?, ?, ?, ?, ?)")
			.params(Secrets.utc(clock.instant()), kind, cut(actor, 200), cut(subject, 200), cut(detail, 1000),
					cut(address, 64))
			.update();
		events.publishEvent(new Recorded(kind, actor, subject, detail));
	}

	/** The latest entries, newest first. */
	@Transactional(readOnly = true)
	public List<Entry> latest(int limit) {
		return jdbc
			.sql("SELECT id, at, kind, actor, subject, detail, address FROM identity_audit ORDER BY id DESC"
					+ " FETCH FIRST ? ROWS ONLY")
			.param(limit)
			.query((rs, n) -> new Entry(rs.getLong(1), rs.getObject(2, OffsetDateTime.class).toInstant(),
					rs.getString(3), rs.getString(4), rs.getString(5), rs.getString(6), rs.getString(7)))
			.list();
	}

	private static String cut(String text, int length) {
		return text == null || text.length() <= length ? text : text.substring(0, length);
	}

}
