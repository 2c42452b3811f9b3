package org.cabildo.importing.web;

import java.time.Clock;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Optional;
import java.util.OptionalLong;

import org.cabildo.importing.ImportState;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.support.GeneratedKeyHolder;
import org.springframework.stereotype.Repository;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

import tools.jackson.databind.json.JsonMapper;

/** The imports, one row each: who started it, its status and state, kept so that a restart keeps them. */
@Repository
class ImportRecords {

	private static final JsonMapper JSON = JsonMapper.shared();

	private final JdbcClient jdbc;

	private final TransactionTemplate transaction;

	private final Clock clock;

	ImportRecords(JdbcClient jdbc, PlatformTransactionManager transactions, Clock clock) {
		this.jdbc = jdbc;
		this.transaction = new TransactionTemplate(transactions);
		this.clock = clock;
	}

	/** An import as stored; {@code status} as last written (see {@link ImportRecord#status(Instant)}). */
	record ImportRecord(long id, long organisation, String status, String startedBy, String mapping, long recordsTotal,
			ImportState state, String message, boolean cancelRequested, Instant startedAt, Instant finishedAt,
			Instant heartbeatAt) {

		/** Its status now: a running import whose heartbeat stopped before {@code staleBefore} was interrupted. */
		ImportStatus.Status status(Instant staleBefore) {
			ImportStatus.Status stored = ImportStatus.Status.of(status);
			return stored == ImportStatus.Status.RUNNING && heartbeatAt.isBefore(staleBefore)
					? ImportStatus.Status.INTERRUPTED : stored;
		}

	}

	/**
	 * Records a new running import of an organisation, unless one is running there (its heartbeat
	 * after {@code staleBefore}); the id of the new one, or of the one running.
	 */
	Claim claim(long organisation, String startedBy, String mapping, long recordsTotal, Instant staleBefore) {
		try {
			jdbc.sql("INSERT INTO import_locks (organisation_id) VALUES (?)").param(organisation).update();
		}
		catch (DuplicateKeyException e) {
			// another import of the organisation made it first: the lock is there to take
		}
		return transaction.execute(status -> {
			jdbc.sql("SELECT organisation_id FROM import_locks WHERE organisation_id = ? FOR UPDATE")
				.param(organisation)
				.query(Long.class)
				.single();
			Optional<Long> running = jdbc
				.sql("SELECT id FROM imports WHERE organisation_id = ? AND status = 'running' AND heartbeat_at >= ?"
						+ " ORDER BY id")
				.params(organisation, utc(staleBefore))
				.query(Long.class)
				.optional();
			if (running.isPresent()) {
				return new Claim(OptionalLong.empty(), running.get());
			}
			OffsetDateTime now = utc(clock.instant());
			var keys = new GeneratedKeyHolder();
			jdbc.sql("INSERT INTO imports (organisation_id, status, started_by, mapping_name, records_total, state,"
					+ " started_at, heartbeat_at) VALUES (?, 'running', ?, ?, ?, ?, ?, ?)")
				.params(organisation, startedBy, mapping, recordsTotal, JSON.writeValueAsString(new ImportState()), now,
						now)
				.update(keys, "id");
			return new Claim(OptionalLong.of(keys.getKeyAs(Number.class).longValue()), -1);
		});
	}

	/** @param started the new import's id; empty when {@code running} was running already */
	record Claim(OptionalLong started, long running) {
	}

	/** Keeps how far a running import came; touches its heartbeat. */
	void progress(long id, ImportState state) {
		jdbc.sql("UPDATE imports SET state = ?, heartbeat_at = ? WHERE id = ? AND status = 'running'")
			.params(JSON.writeValueAsString(state), utc(clock.instant()), id)
			.update();
	}

	/** Says that the imports this server runs are alive. */
	void heartbeat(List<Long> ids) {
		OffsetDateTime now = utc(clock.instant());
		for (long id : ids) {
			jdbc.sql("UPDATE imports SET heartbeat_at = ? WHERE id = ? AND status = 'running'").params(now, id).update();
		}
	}

	void finish(long id, ImportStatus.Status status, ImportState state, String message) {
		OffsetDateTime now = utc(clock.instant());
		jdbc.sql("UPDATE imports SET status = ?, state = ?, message = ?, finished_at = ?, heartbeat_at = ? WHERE id = ?")
			.params(status.label(), JSON.writeValueAsString(state), message, now, now, id)
			.update();
	}

	void requestCancel(long id) {
		jdbc.sql("UPDATE imports SET cancel_requested = TRUE WHERE id = ?").param(id).update();
	}

	Optional<ImportRecord> find(long id) {
		return jdbc.sql("SELECT id, organisation_id, status, started_by, mapping_name, records_total, state, message,"
				+ " cancel_requested, started_at, finished_at, heartbeat_at FROM imports WHERE id = ?")
			.param(id)
			.query((rs, n) -> new ImportRecord(rs.getLong("id"), rs.getLong("organisation_id"), rs.getString("status"),
					rs.getString("started_by"), rs.getString("mapping_name"), rs.getLong("records_total"),
					JSON.readValue(rs.getString("state"), ImportState.class), rs.getString("message"),
					rs.getBoolean("cancel_requested"), instant(rs.getObject("started_at", OffsetDateTime.class)),
					instant(rs.getObject("finished_at", OffsetDateTime.class)),
					instant(rs.getObject("heartbeat_at", OffsetDateTime.class))))
			.optional();
	}

	private static Instant instant(OffsetDateTime time) {
		return time == null ? null : time.toInstant();
	}

	private static OffsetDateTime utc(Instant instant) {
		return instant.atOffset(ZoneOffset.UTC);
	}

}
