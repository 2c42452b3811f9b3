package org.cabildo.participation;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.support.GeneratedKeyHolder;
import org.springframework.stereotype.Repository;

/**
 * Proposals, their supports, comments and followers as the database holds them. A hidden
 * proposal (or comment) is read by no public query. The writes that change supports run in the
 * caller's transaction, the proposal's row locked first, so that its counter moves with its rows.
 */
@Repository
class ProposalStore {

	private static final String COLUMNS = """
			SELECT p.id, p.title, p.body, p.district_id, p.category, p.created_at, p.status, p.supports,
			       p.forwarded_at, p.office, p.answer_due, p.answer, p.answer_outcome, p.answered_at, p.answered_by,
			       (SELECT COUNT(*) FROM proposal_comments c WHERE c.proposal_id = p.id AND c.hidden_at IS NULL) AS comments,
			       (SELECT COUNT(*) FROM proposal_follows f WHERE f.proposal_id = p.id) AS followers
			  FROM proposals p
			""";

	/** A comment, and whether the proposal's author wrote it (the author's id itself is never read out). */
	private static final String COMMENTS = """
			SELECT c.id, c.proposal_id, c.body, c.created_at,
			       CASE WHEN c.person_id = p.person_id THEN 1 ELSE 0 END AS by_proposer
			  FROM proposal_comments c
			  JOIN proposals p ON p.id = c.proposal_id
			""";

	/** A new proposal, its values checked. */
	record NewProposal(String title, String text, String district, String category, long person, Instant created) {
	}

	/** Which proposals to list, newest first; the filters not given are null. */
	record Query(String district, String category, Proposal.Status status, Long before, int limit) {
	}

	private final JdbcClient jdbc;

	ProposalStore(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	long insert(NewProposal proposal) {
		var keys = new GeneratedKeyHolder();
		jdbc.sql("""
				INSERT INTO proposals (title, body, district_id, category, person_id, created_at, status, supports)
				VALUES (:title, :text, :district, :category, :person, :created, 'open', 0)""")
			.param("title", proposal.title())
			.param("text", proposal.text())
			.param("district", proposal.district())
			.param("category", proposal.category())
			.param("person", proposal.person())
			.param("created", Timestamp.from(proposal.created()))
			.update(keys, "id");
		return keys.getKey().longValue();
	}

	Optional<Proposal> byId(long id) {
		return jdbc.sql(COLUMNS + " WHERE p.id = :id AND p.hidden_at IS NULL")
			.param("id", id)
			.query(ProposalStore::proposal)
			.optional();
	}

	boolean hidden(long id) {
		return jdbc.sql("SELECT COUNT(*) FROM proposals WHERE id = ? AND hidden_at IS NOT NULL")
			.param(id)
			.query(Long.class)
			.single() > 0;
	}

	/**
	 * Newest first, at most the query's limit. {@code before} pages on: the proposals made before
	 * that one (by time, then id), so that a page is stable while new ones arrive.
	 */
	List<Proposal> list(Query query) {
		StringBuilder sql = new StringBuilder(COLUMNS).append(" WHERE p.hidden_at IS NULL");
		Map<String, Object> params = new LinkedHashMap<>();
		if (query.district() != null) {
			sql.append(" AND p.district_id = :district");
			params.put("district", query.district());
		}
		if (query.category() != null) {
			sql.append(" AND p.category = :category");
			params.put("category", query.category());
		}
		if (query.status() != null) {
			sql.append(" AND p.status = :status");
			params.put("status", query.status().label());
		}
		if (query.before() != null) {
			sql.append(" AND (p.created_at < (SELECT b.created_at FROM proposals b WHERE b.id = :before)")
				.append(" OR (p.created_at = (SELECT b.created_at FROM proposals b WHERE b.id = :before) AND p.id < :before))");
			params.put("before", query.before());
		}
		sql.append(" ORDER BY p.created_at DESC, p.id DESC FETCH FIRST :limit ROWS ONLY");
		params.put("limit", query.limit());
		return jdbc.sql(sql.toString()).params(params).query(ProposalStore::proposal).list();
	}

	/**
	 * Counts one more support and locks the proposal's row until the transaction ends (every
	 * change of its supports takes this lock first); false when there is no such proposal to support.
	 */
	boolean countSupport(long id) {
		return jdbc.sql("UPDATE proposals SET supports = supports + 1 WHERE id = ? AND hidden_at IS NULL")
			.param(id)
			.update() == 1;
	}

	/** The person's support; a second one is refused by the primary key ({@code DuplicateKeyException}). */
	void insertSupport(long id, long person, Instant at) {
		jdbc.sql("INSERT INTO proposal_supports (proposal_id, person_id, supported_at) VALUES (?, ?, ?)")
			.params(id, person, Timestamp.from(at))
			.update();
	}

	/**
	 * Forwards an open proposal whose supports reached the threshold to its office (within the
	 * transaction that counted the last support); whether it did.
	 */
	boolean forwardIfReached(long id, int threshold, Instant at, String office, Instant answerDue) {
		return jdbc.sql("""
				UPDATE proposals
				   SET status = 'forwarded', forwarded_at = :at, office = :office, answer_due = :due
				 WHERE id = :id AND status = 'open' AND supports >= :threshold""")
			.param("at", Timestamp.from(at))
			.param("office", office)
			.param("due", Timestamp.from(answerDue))
			.param("id", id)
			.param("threshold", threshold)
			.update() == 1;
	}

	/** Locks a visible proposal's row until the transaction ends; false when there is none. */
	boolean lock(long id) {
		return jdbc.sql("SELECT id FROM proposals WHERE id = ? AND hidden_at IS NULL FOR UPDATE")
			.param(id)
			.query(Long.class)
			.optional()
			.isPresent();
	}

	/** Withdraws the person's support, and uncounts it when there was one; whether there was. */
	boolean withdrawSupport(long id, long person) {
		int removed = jdbc.sql("DELETE FROM proposal_supports WHERE proposal_id = ? AND person_id = ?")
			.params(id, person)
			.update();
		if (removed == 1) {
			jdbc.sql("UPDATE proposals SET supports = supports - 1 WHERE id = ?").param(id).update();
		}
		return removed == 1;
	}

	/**
	 * Writes the office's answer to a forwarded proposal, or one answered "in study"; false when
	 * it is in neither state (answered meanwhile, or hidden).
	 */
	boolean answer(long id, String text, Proposal.Outcome outcome, Instant at, String by) {
		return jdbc.sql("""
				UPDATE proposals
				   SET status = 'answered', answer = :text, answer_outcome = :outcome, answered_at = :at, answered_by = :by
				 WHERE id = :id AND hidden_at IS NULL
				   AND (status = 'forwarded' OR (status = 'answered' AND answer_outcome = 'in-study'))""")
			.param("text", text)
			.param("outcome", outcome.label())
			.param("at", Timestamp.from(at))
			.param("by", by)
			.param("id", id)
			.update() == 1;
	}

	long insertComment(long id, long person, String text, Instant at) {
		var keys = new GeneratedKeyHolder();
		jdbc.sql("INSERT INTO proposal_comments (proposal_id, person_id, body, created_at) VALUES (:id, :person, :text, :at)")
			.param("id", id)
			.param("person", person)
			.param("text", text)
			.param("at", Timestamp.from(at))
			.update(keys, "id");
		return keys.getKey().longValue();
	}

	/** A proposal's comments not hidden, oldest first, after the comment {@code after} (0: from the first). */
	List<ProposalComment> comments(long id, long after, int limit) {
		return jdbc.sql(COMMENTS + """
				 WHERE c.proposal_id = :id AND c.hidden_at IS NULL AND c.id > :after
				 ORDER BY c.id
				 FETCH FIRST :limit ROWS ONLY""")
			.param("id", id)
			.param("after", after)
			.param("limit", limit)
			.query(ProposalStore::comment)
			.list();
	}

	Optional<ProposalComment> comment(long id, long comment) {
		return jdbc.sql(COMMENTS + " WHERE c.proposal_id = :id AND c.id = :comment AND c.hidden_at IS NULL")
			.param("id", id)
			.param("comment", comment)
			.query(ProposalStore::comment)
			.optional();
	}

	/** Follows, once: a second follow by the same person leaves the one there. */
	void follow(long id, long person) {
		jdbc.sql("""
				INSERT INTO proposal_follows (proposal_id, person_id)
				SELECT :id, :person FROM proposals
				 WHERE id = :id AND NOT EXISTS (SELECT 1 FROM proposal_follows WHERE proposal_id = :id AND person_id = :person)""")
			.param("id", id)
			.param("person", person)
			.update();
	}

	/** Whether the person supports the proposal now. */
	boolean supports(long id, long person) {
		return jdbc.sql("SELECT COUNT(*) FROM proposal_supports WHERE proposal_id = ? AND person_id = ?")
			.params(id, person)
			.query(Long.class)
			.single() > 0;
	}

	/** Whether the person follows the proposal. */
	boolean follows(long id, long person) {
		return jdbc.sql("SELECT COUNT(*) FROM proposal_follows WHERE proposal_id = ? AND person_id = ?")
			.params(id, person)
			.query(Long.class)
			.single() > 0;
	}

	void unfollow(long id, long person) {
		jdbc.sql("DELETE FROM proposal_follows WHERE proposal_id = ? AND person_id = ?").params(id, person).update();
	}

	/** Who is told a proposal's news: its author and its followers, each once. */
	List<Long> authorAndFollowers(long id) {
		return jdbc.sql("""
				SELECT person_id FROM proposals WHERE id = :id
				UNION
				SELECT person_id FROM proposal_follows WHERE proposal_id = :id""")
			.param("id", id)
			.query(Long.class)
			.list();
	}

	boolean hide(long id, String reason, Instant at) {
		return jdbc.sql("UPDATE proposals SET hidden_at = ?, hidden_reason = ? WHERE id = ? AND hidden_at IS NULL")
			.params(Timestamp.from(at), reason, id)
			.update() == 1;
	}

	boolean hideComment(long id, long comment, String reason, Instant at) {
		return jdbc.sql("""
				UPDATE proposal_comments SET hidden_at = ?, hidden_reason = ?
				 WHERE id = ? AND proposal_id = ? AND hidden_at IS NULL""")
			.params(Timestamp.from(at), reason, comment, id)
			.update() == 1;
	}

	boolean flagAbuse(long id) {
		return jdbc.sql("UPDATE proposals SET abuse_reports = abuse_reports + 1 WHERE id = ? AND hidden_at IS NULL")
			.param(id)
			.update() == 1;
	}

	private static Proposal proposal(ResultSet rs, int row) throws SQLException {
		Instant forwardedAt = instant(rs, "forwarded_at");
		Proposal.Forwarding forwarding = forwardedAt == null ? null
				: new Proposal.Forwarding(forwardedAt, rs.getString("office"), instant(rs, "answer_due"));
		String outcome = rs.getString("answer_outcome");
		Proposal.Answer answer = outcome == null ? null
				: new Proposal.Answer(rs.getString("answer"), Proposal.Outcome.of(outcome).orElseThrow(),
						instant(rs, "answered_at"), rs.getString("answered_by"));
		return new Proposal(rs.getLong("id"), rs.getString("title"), rs.getString("body"), rs.getString("district_id"),
				rs.getString("category"), instant(rs, "created_at"), Proposal.Status.of(rs.getString("status")).orElseThrow(),
				rs.getInt("supports"), forwarding, answer, rs.getLong("comments"), rs.getLong("followers"));
	}

	private static ProposalComment comment(ResultSet rs, int row) throws SQLException {
		return new ProposalComment(rs.getLong("id"), rs.getLong("proposal_id"), rs.getString("body"),
				rs.getTimestamp("created_at").toInstant(), rs.getInt("by_proposer") == 1);
	}

	private static Instant instant(ResultSet rs, String column) throws SQLException {
		Timestamp at = rs.getTimestamp(column);
		return at == null ? null : at.toInstant();
	}

}
