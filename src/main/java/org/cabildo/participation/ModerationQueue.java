package org.cabildo.participation;

import java.time.Instant;
import java.util.List;

import org.cabildo.identity.Caller;
import org.cabildo.platform.ApiException;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;

/**
 * What the city's moderators have to look at: the reports and proposals the public flagged as
 * abusive and nobody has hidden yet, the most flagged first. A moderator hides one (with its
 * reason, through {@link Reports#hide} or {@link Proposals#hide}) or keeps it: the flags are
 * cleared, with the reason in the access ledger as a hiding's is, so that it leaves the queue
 * until the public flags it again. Only the admins of the city's organisation see the queue.
 */
@Service
public class ModerationQueue {

	/** The most of each kind the queue shows at once; the rest come as the first are handled. */
	static final int MOST = 100;

	/** A flagged report: what it says and how often it was flagged. */
	public record FlaggedReport(long id, String serviceCode, String description, int flags, Instant requested) {
	}

	/** A flagged proposal. */
	public record FlaggedProposal(long id, String title, int flags, Instant created) {
	}

	/** The queue: each kind the most flagged first, at most {@value #MOST} of each. */
	public record Queue(List<FlaggedReport> reports, List<FlaggedProposal> proposals) {
	}

	private final JdbcClient jdbc;

	private final Offices offices;

	ModerationQueue(JdbcClient jdbc, Offices offices) {
		this.jdbc = jdbc;
		this.offices = offices;
	}

	public Queue flagged(Caller caller) {
		offices.requireCityAdmin(caller, "the moderation queue is read");
		List<FlaggedReport> reports = jdbc.sql("""
				SELECT id, service_code, description, abuse_reports, requested_at FROM service_requests
				 WHERE abuse_reports > 0 AND hidden_at IS NULL
				 ORDER BY abuse_reports DESC, id DESC FETCH FIRST ? ROWS ONLY""")
			.param(MOST)
			.query((rs, n) -> new FlaggedReport(rs.getLong(1), rs.getString(2), rs.getString(3), rs.getInt(4),
					rs.getTimestamp(5).toInstant()))
			.list();
		List<FlaggedProposal> proposals = jdbc.sql("""
				SELECT id, title, abuse_reports, created_at FROM proposals
				 WHERE abuse_reports > 0 AND hidden_at IS NULL
				 ORDER BY abuse_reports DESC, id DESC FETCH FIRST ? ROWS ONLY""")
			.param(MOST)
			.query((rs, n) -> new FlaggedProposal(rs.getLong(1), rs.getString(2), rs.getInt(3),
					rs.getTimestamp(4).toInstant()))
			.list();
		return new Queue(reports, proposals);
	}

	/** Keeps a flagged report: its flags are cleared, the reason ledgered; 404 when there is no such report to keep. */
	public void keepReport(long id, String reason, Caller caller) {
		long city = offices.requireCityAdmin(caller, "flagged reports are kept");
		String why = reason(reason);
		int cleared = jdbc.sql("""
				UPDATE service_requests SET abuse_reports = 0
				 WHERE id = ? AND hidden_at IS NULL AND abuse_reports > 0""").param(id).update();
		kept(cleared, "report-kept", "service request " + id, why, caller, city);
	}

	/** Keeps a flagged proposal, as {@link #keepReport} does. */
	public void keepProposal(long id, String reason, Caller caller) {
		long city = offices.requireCityAdmin(caller, "flagged proposals are kept");
		String why = reason(reason);
		int cleared = jdbc.sql("""
				UPDATE proposals SET abuse_reports = 0
				 WHERE id = ? AND hidden_at IS NULL AND abuse_reports > 0""").param(id).update();
		kept(cleared, "proposal-kept", "proposal " + id, why, caller, city);
	}

	private static String reason(String reason) {
		if (reason == null || reason.isBlank()) {
			throw ApiException.badRequest("reason: why it is kept, for the access ledger").with("pointer", "/reason");
		}
		String why = reason.strip();
		if (why.length() > Proposals.MAX_REASON) {
			throw ApiException.badRequest("reason: at most " + Proposals.MAX_REASON + " characters").with("pointer",
					"/reason");
		}
		return why;
	}

	private void kept(int cleared, String kind, String what, String why, Caller caller, long city) {
		if (cleared == 0) {
			throw ApiException.notFound("no flagged " + what + " to keep (none, hidden, or not flagged)");
		}
		offices.recordModeration(kind, caller, city, what + " kept despite its flags: " + why);
	}

}
