package org.cabildo.governance.ledger;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Clock;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.locks.ReentrantLock;
import java.util.stream.Collectors;

import org.cabildo.governance.AccessLedger;
import org.cabildo.governance.LedgerEvent;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.TransactionDefinition;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * The ledger's table: appends, each in a transaction of its own that commits before the append
 * returns. Appends queue on the lock of the single {@code ledger_head} row (and, within one node,
 * on a lock in memory first, so they do not all wait in the database).
 */
@Service
public class LedgerEntries implements AccessLedger {

	static final String COLUMNS = "seq, recorded_at, kind, actor, organisation_id, purpose, datastreams, range_start,"
			+ " range_end, observations, fingerprint, detail, previous_hash, entry_hash";

	/** The ledger's first entry was appended: it is checkpointed at once (see CheckpointJob). */
	record FirstEntry() {
	}

	private final JdbcClient jdbc;

	private final Clock clock;

	private final ApplicationEventPublisher events;

	private final TransactionTemplate ownTransaction;

	private final ReentrantLock appending = new ReentrantLock();

	LedgerEntries(JdbcClient jdbc, Clock clock, PlatformTransactionManager transactions,
			ApplicationEventPublisher events) {
		this.jdbc = jdbc;
		this.clock = clock;
		this.events = events;
		this.ownTransaction = new TransactionTemplate(transactions);
		this.ownTransaction.setPropagationBehavior(TransactionDefinition.PROPAGATION_REQUIRES_NEW);
	}

	@Override
	public long append(LedgerEvent event) {
		long seq = appendCommitted(event);
		if (seq == 1) {
			events.publishEvent(new FirstEntry());
		}
		return seq;
	}

	private long appendCommitted(LedgerEvent event) {
		appending.lock();
		try {
			return ownTransaction.execute(status -> {
				record Head(long seq, String hash) {
				}
				Head head = jdbc.sql("SELECT seq, entry_hash FROM ledger_head WHERE id = 1 FOR UPDATE")
					.query((rs, n) -> new Head(rs.getLong(1), rs.getString(2)))
					.single();
				LedgerEntry entry = LedgerEntry.of(head.seq() + 1, clock.instant(), event, head.hash());
				jdbc.sql("INSERT INTO ledger_entries (" + COLUMNS + ") VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)")
					.params(entry.seq(), utc(entry.recordedAt()), entry.kind(), entry.actor(),
							entry.organisation(), entry.purpose(), ids(entry.datastreams()),
							utc(entry.rangeStart()), utc(entry.rangeEnd()), entry.observations(), entry.fingerprint(),
							entry.detail(), entry.previousHash(), entry.entryHash())
					.update();
				jdbc.sql("UPDATE ledger_head SET seq = ?, entry_hash = ? WHERE id = 1")
					.params(entry.seq(), entry.entryHash())
					.update();
				return entry.seq();
			});
		}
		finally {
			appending.unlock();
		}
	}

	/** The last sequence number and hash, as the appends left them. */
	Head head() {
		return jdbc.sql("SELECT seq, entry_hash FROM ledger_head WHERE id = 1")
			.query((rs, n) -> new Head(rs.getLong(1), rs.getString(2)))
			.single();
	}

	/** The stored hash of an entry, null when there is no such entry. */
	String hashAt(long seq) {
		return jdbc.sql("SELECT entry_hash FROM ledger_entries WHERE seq = ?").param(seq).query(String.class).optional()
			.orElse(null);
	}

	/** At most {@code size} entries after {@code afterSeq} and up to {@code upToSeq}, in order, as stored. */
	List<LedgerEntry> page(long afterSeq, long upToSeq, int size) {
		return jdbc
			.sql("SELECT " + COLUMNS + " FROM ledger_entries WHERE seq > ? AND seq <= ? ORDER BY seq"
					+ " FETCH FIRST ? ROWS ONLY")
			.params(afterSeq, upToSeq, size)
			.query(LedgerEntries::row)
			.list();
	}

	/** Maps a row selected with {@link #COLUMNS} back to its entry, as stored (not recomputed). */
	static LedgerEntry row(ResultSet rs, int n) throws SQLException {
		return new LedgerEntry(rs.getLong(1), instant(rs.getObject(2, OffsetDateTime.class)), rs.getString(3),
				rs.getString(4), (Long) rs.getObject(5, Long.class), rs.getString(6), ids(rs.getString(7)),
				instant(rs.getObject(8, OffsetDateTime.class)), instant(rs.getObject(9, OffsetDateTime.class)),
				rs.getLong(10), rs.getString(11), rs.getString(12), rs.getString(13), rs.getString(14));
	}

	static String ids(List<Long> ids) {
		return ids.stream().sorted().map(String::valueOf).collect(Collectors.joining(","));
	}

	static List<Long> ids(String ids) {
		return ids == null || ids.isEmpty() ? List.of() : Arrays.stream(ids.split(",")).map(Long::valueOf).toList();
	}

	static OffsetDateTime utc(Instant instant) {
		return instant == null ? null : instant.atOffset(ZoneOffset.UTC);
	}

	static Instant instant(OffsetDateTime time) {
		return time == null ? null : time.toInstant();
	}

}
