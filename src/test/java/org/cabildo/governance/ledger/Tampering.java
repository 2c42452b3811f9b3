package org.cabildo.governance.ledger;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.util.List;
import java.util.Set;

import org.cabildo.governance.AccessLedger;
import org.cabildo.governance.LedgerEvent;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * Changes the ledger's tables behind the platform's back, as someone with database access
 * could, and puts them back afterwards (entries, head and checkpoints, and the node's checkpoint
 * file when given): the tests share one database, and the ledger must hold again for the next test.
 */
final class Tampering implements AutoCloseable {

	private final JdbcClient jdbc;

	private final long from;

	private final List<LedgerEntry> saved;

	private final Head head;

	private final List<Checkpoint> checkpoints;

	private final CheckpointFile file;

	private final byte[] kept;

	/** Keeps the entries from {@code from} on, the head and the checkpoints, to be restored on {@link #close()}. */
	Tampering(JdbcClient jdbc, long from) {
		this(jdbc, from, null);
	}

	/** As {@link #Tampering(JdbcClient, long)}, and keeps the node's checkpoint file too (absent or not). */
	Tampering(JdbcClient jdbc, long from, CheckpointFile file) {
		this.jdbc = jdbc;
		this.file = file;
		try {
			this.kept = file == null || !Files.exists(file.path()) ? null : Files.readAllBytes(file.path());
		}
		catch (IOException e) {
			throw new UncheckedIOException(e);
		}
		this.checkpoints = jdbc.sql("SELECT seq, entry_hash, signed_at, signature FROM ledger_checkpoints ORDER BY seq")
			.query((rs, n) -> new Checkpoint(rs.getLong(1), rs.getString(2),
					LedgerEntries.instant(rs.getObject(3, java.time.OffsetDateTime.class)), rs.getString(4)))
			.list();
		this.from = from;
		this.saved = jdbc.sql("SELECT " + LedgerEntries.COLUMNS + " FROM ledger_entries WHERE seq >= ? ORDER BY seq")
			.param(from)
			.query(LedgerEntries::row)
			.list();
		this.head = jdbc.sql("SELECT seq, entry_hash FROM ledger_head WHERE id = 1")
			.query((rs, n) -> new Head(rs.getLong(1), rs.getString(2)))
			.single();
	}

	/** Appends {@code count} events; returns the sequence number of the first. */
	static long append(AccessLedger ledger, int count) {
		long first = 0;
		for (int i = 0; i < count; i++) {
			long seq = ledger.append(new LedgerEvent("read", "tester", null, "tampering test", Set.of(1L, 2L), null, null, i,
					null, "test entry " + i));
			first = i == 0 ? seq : first;
		}
		return first;
	}

	void sql(String sql, Object... params) {
		jdbc.sql(sql).params(params).update();
	}

	/** Writes an entry in place of the one with its sequence number, hash as given. */
	void replace(LedgerEntry entry) {
		sql("DELETE FROM ledger_entries WHERE seq = ?", entry.seq());
		insert(entry);
	}

	private void insert(LedgerEntry e) {
		sql("INSERT INTO ledger_entries (" + LedgerEntries.COLUMNS + ") VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
				e.seq(), LedgerEntries.utc(e.recordedAt()), e.kind(), e.actor(), e.organisation(), e.purpose(),
				LedgerEntries.ids(e.datastreams()), LedgerEntries.utc(e.rangeStart()), LedgerEntries.utc(e.rangeEnd()),
				e.observations(), e.fingerprint(), e.detail(), e.previousHash(), e.entryHash());
	}

	LedgerEntry entry(long seq) {
		return saved.stream().filter(e -> e.seq() == seq).findFirst().orElseThrow();
	}

	@Override
	public void close() {
		sql("DELETE FROM ledger_entries WHERE seq >= ?", from);
		saved.forEach(this::insert);
		sql("UPDATE ledger_head SET seq = ?, entry_hash = ? WHERE id = 1", head.seq(), head.entryHash());
		sql("DELETE FROM ledger_checkpoints");
		checkpoints.forEach(c -> sql("INSERT INTO ledger_checkpoints (seq, entry_hash, signed_at, signature)"
				+ " VALUES (?, ?, ?, ?)", c.seq(), c.entryHash(), LedgerEntries.utc(c.signedAt()), c.signature()));
		if (file != null) {
			try {
				if (kept == null) {
					Files.deleteIfExists(file.path());
				}
				else {
					Files.write(file.path(), kept);
				}
			}
			catch (IOException e) {
				throw new UncheckedIOException(e);
			}
		}
	}

}
