package org.cabildo.sensing;

import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.List;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * The earlier results of a stream's corrected Observations (a re-sent reading with another
 * result corrects the stored one in place), newest first. Who may read them is the caller's
 * business: governance serves them to the owner's stewards.
 */
@Component
public class ObservationRevisions {

	/** The most revisions one page holds. */
	public static final int MAX_PAGE = 1000;

	private final JdbcClient jdbc;

	ObservationRevisions(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	/**
	 * One earlier result.
	 *
	 * @param result the result before the correction: a number, or any JSON value
	 * @param revisedAt when it was replaced
	 * @param revisedBy who replaced it: the writer of the correcting row ({@link Writer#label()})
	 */
	public record Revision(long id, long observation, long datastream, Instant phenomenonTime,
			Instant phenomenonTimeEnd, JsonNode result, Instant revisedAt, String revisedBy) {
	}

	/** A page of a stream's revisions, newest first; {@code hasMore} when a next page exists. */
	public record Page(List<Revision> revisions, boolean hasMore) {
	}

	public Page of(long datastream, int skip, int top) {
		int size = Math.max(1, Math.min(top, MAX_PAGE));
		List<Revision> rows = jdbc
			.sql("SELECT id, observation_id, datastream_id, phenomenon_time, phenomenon_time_end, result_number,"
					+ " result_json, revised_at, revised_by FROM observation_revisions WHERE datastream_id = ?"
					+ " ORDER BY id DESC OFFSET ? ROWS FETCH FIRST ? ROWS ONLY")
			.params(datastream, Math.max(0, skip), size + 1)
			.query((rs, n) -> {
				OffsetDateTime end = rs.getObject(5, OffsetDateTime.class);
				double number = rs.getDouble(6);
				boolean isNumber = !rs.wasNull();
				String json = rs.getString(7);
				JsonNode result = isNumber ? JsonMapper.shared().getNodeFactory().numberNode(number)
						: json == null ? JsonMapper.shared().getNodeFactory().nullNode()
								: JsonMapper.shared().readTree(json);
				return new Revision(rs.getLong(1), rs.getLong(2), rs.getLong(3),
						rs.getObject(4, OffsetDateTime.class).toInstant(), end == null ? null : end.toInstant(), result,
						rs.getObject(8, OffsetDateTime.class).toInstant(), rs.getString(9));
			})
			.list();
		boolean more = rows.size() > size;
		return new Page(more ? rows.subList(0, size) : rows, more);
	}

}
