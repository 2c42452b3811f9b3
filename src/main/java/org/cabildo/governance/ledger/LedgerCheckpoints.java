package org.cabildo.governance.ledger;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.Optional;

import org.springframework.dao.DuplicateKeyException;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** The table of signed checkpoints. */
@Repository
class LedgerCheckpoints {

	private static final String COLUMNS = "c.seq, c.entry_hash, c.signed_at, c.signature";

	/** A checkpoint beside the hash the ledger holds now for its entry (null when the entry is gone). */
	record Stored(Checkpoint checkpoint, String storedHash) {
	}

	private final JdbcClient jdbc;

	LedgerCheckpoints(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	/** Adds a checkpoint; false when one for that entry exists already (another node signed it first). */
	boolean add(Checkpoint checkpoint) {
		try {
			jdbc.sql("INSERT INTO ledger_checkpoints (seq, entry_hash, signed_at, signature) VALUES (?, ?, ?, ?)")
				.params(checkpoint.seq(), checkpoint.entryHash(), LedgerEntries.utc(checkpoint.signedAt()),
						checkpoint.signature())
				.update();
			return true;
		}
		catch (DuplicateKeyException e) {
			return false;
		}
	}

	Optional<Checkpoint> latest() {
		return newest(1, 0).stream().findFirst();
	}

	/** Newest first. */
	List<Checkpoint> newest(int limit, long offset) {
		return jdbc
			.sql("SELECT " + COLUMNS + " FROM ledger_checkpoints c ORDER BY c.seq DESC OFFSET ? ROWS"
					+ " FETCH FIRST ? ROWS ONLY")
			.params(offset, limit)
			.query(LedgerCheckpoints::row)
			.list();
	}

	/** Whether a checkpoint of this entry with this hash is stored. */
	boolean holds(long seq, String entryHash) {
		return jdbc.sql("SELECT COUNT(*) FROM ledger_checkpoints WHERE seq = ? AND entry_hash = ?")
			.params(seq, entryHash)
			.query(Long.class)
			.single() > 0;
	}

	long count() {
		return jdbc.sql("SELECT COUNT(*) FROM ledger_checkpoints").query(Long.class).single();
	}

	/** At most {@code size} checkpoints after {@code afterSeq}, in order, each with its entry's stored hash. */
	List<Stored> withEntries(long afterSeq, int size) {
		return jdbc
			.sql("SELECT " + COLUMNS + ", e.entry_hash FROM ledger_checkpoints c"
					+ " LEFT JOIN ledger_entries e ON e.seq = c.seq WHERE c.seq > ? ORDER BY c.seq FETCH FIRST ? ROWS ONLY")
			.params(afterSeq, size)
			.query((rs, n) -> new Stored(row(rs, n), rs.getString(5)))
			.list();
	}

	private static Checkpoint row(ResultSet rs, int n) throws SQLException {
		return new Checkpoint(rs.getLong(1), rs.getString(2),
				LedgerEntries.instant(rs.getObject(3, OffsetDateTime.class)), rs.getString(4));
	}

}
