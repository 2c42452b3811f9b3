package org.cabildo.governance.objections;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.support.GeneratedKeyHolder;
import org.springframework.stereotype.Repository;

/** The objections table. */
@Repository
class ObjectionStore {

	private static final String COLUMNS = "id, datastream_id, organisation_id, category, body, contact, status,"
			+ " filed_at, answer, answered_by, first_answered_at, answered_at, hidden_reason, hidden_by";

	private static final String AWAITING = "status IN (:open, :answered) AND datastream_id IN"
			+ " (SELECT id FROM streams WHERE organisation_id IN (:organisations))";

	private final JdbcClient jdbc;

	ObjectionStore(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	long insert(long datastream, long organisation, Category category, String text, String contact, Instant filedAt) {
		GeneratedKeyHolder key = new GeneratedKeyHolder();
		jdbc.sql("""
				INSERT INTO objections (datastream_id, organisation_id, category, body, contact, status, filed_at)
				VALUES (?, ?, ?, ?, ?, ?, ?)""")
			.params(datastream, organisation, category.id(), text, contact, Status.OPEN.id(), utc(filedAt))
			.update(key, "id");
		return key.getKey().longValue();
	}

	Optional<Objection> byId(long id) {
		return jdbc.sql("SELECT " + COLUMNS + " FROM objections WHERE id = ?").param(id).query(ObjectionStore::read)
			.optional();
	}

	List<Objection> ofDatastream(long datastream) {
		return jdbc.sql("SELECT " + COLUMNS + " FROM objections WHERE datastream_id = ? ORDER BY filed_at, id")
			.param(datastream)
			.query(ObjectionStore::read)
			.list();
	}

	/** The newest objections on a Datastream, at most {@code limit}, newest first. */
	List<Objection> newest(long datastream, int limit) {
		return jdbc.sql("SELECT " + COLUMNS + " FROM objections WHERE datastream_id = ? ORDER BY filed_at DESC, id DESC"
				+ " FETCH FIRST ? ROWS ONLY")
			.params(datastream, limit)
			.query(ObjectionStore::read)
			.list();
	}

	long count(long datastream) {
		return jdbc.sql("SELECT COUNT(*) FROM objections WHERE datastream_id = ?").param(datastream)
			.query(Long.class)
			.single();
	}

	/** Every objection, for the answer-time statistics (a city files thousands, not millions). */
	List<Objection> all() {
		return jdbc.sql("SELECT " + COLUMNS + " FROM objections ORDER BY organisation_id, id")
			.query(ObjectionStore::read)
			.list();
	}

	/**
	 * The objections that wait for an answer (open) or an outcome (answered) on the streams these
	 * organisations own now, oldest first, a page at a time.
	 */
	List<Objection> awaiting(Collection<Long> organisations, int skip, int top) {
		return jdbc.sql("SELECT " + COLUMNS + " FROM objections WHERE " + AWAITING
				+ " ORDER BY filed_at, id OFFSET :skip ROWS FETCH FIRST :top ROWS ONLY")
			.param("organisations", organisations)
			.param("open", Status.OPEN.id())
			.param("answered", Status.ANSWERED.id())
			.param("skip", skip)
			.param("top", top)
			.query(ObjectionStore::read)
			.list();
	}

	long countAwaiting(Collection<Long> organisations) {
		return jdbc.sql("SELECT COUNT(*) FROM objections WHERE " + AWAITING)
			.param("organisations", organisations)
			.param("open", Status.OPEN.id())
			.param("answered", Status.ANSWERED.id())
			.query(Long.class)
			.single();
	}

	/** How many open objections each stream these organisations own now has (streams without any left out). */
	Map<Long, Integer> openByDatastream(Collection<Long> organisations) {
		Map<Long, Integer> open = new HashMap<>();
		jdbc.sql("""
				SELECT datastream_id, COUNT(*) FROM objections WHERE status = :open
				AND datastream_id IN (SELECT id FROM streams WHERE organisation_id IN (:organisations))
				GROUP BY datastream_id""")
			.param("open", Status.OPEN.id())
			.param("organisations", organisations)
			.query(rs -> {
				open.put(rs.getLong(1), rs.getInt(2));
			});
		return open;
	}

	/** Open objections on the Datastream filed at or after {@code since}. */
	int openSince(long datastream, Instant since) {
		return jdbc.sql("SELECT COUNT(*) FROM objections WHERE datastream_id = ? AND status = ? AND filed_at >= ?")
			.params(datastream, Status.OPEN.id(), utc(since))
			.query(Integer.class)
			.single();
	}

	/**
	 * Records an answer, if the objection is still in the status it was read in: false when
	 * another answer came first.
	 */
	boolean answer(long id, Status from, Status to, String answer, String actor, Instant at) {
		return jdbc.sql("""
				UPDATE objections SET status = ?, answer = ?, answered_by = ?, answered_at = ?,
				    first_answered_at = COALESCE(first_answered_at, ?)
				WHERE id = ? AND status = ?""")
			.params(to.id(), answer, actor, utc(at), utc(at), id, from.id())
			.update() == 1;
	}

	void hide(long id, String reason, String actor) {
		jdbc.sql("UPDATE objections SET hidden_reason = ?, hidden_by = ? WHERE id = ?")
			.params(reason, actor, id)
			.update();
	}

	private static Objection read(ResultSet rs, int row) throws SQLException {
		return new Objection(rs.getLong("id"), rs.getLong("datastream_id"), rs.getLong("organisation_id"),
				Category.of(rs.getString("category")).orElseThrow(), rs.getString("body"), rs.getString("contact"),
				Status.of(rs.getString("status")).orElseThrow(), instant(rs, "filed_at"), rs.getString("answer"),
				rs.getString("answered_by"), instant(rs, "first_answered_at"), instant(rs, "answered_at"),
				rs.getString("hidden_reason"), rs.getString("hidden_by"));
	}

	private static Instant instant(ResultSet rs, String column) throws SQLException {
		OffsetDateTime value = rs.getObject(column, OffsetDateTime.class);
		return value == null ? null : value.toInstant();
	}

	private static OffsetDateTime utc(Instant instant) {
		return instant.atOffset(ZoneOffset.UTC);
	}

}
