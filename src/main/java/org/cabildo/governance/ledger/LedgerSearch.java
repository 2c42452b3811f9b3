package org.cabildo.governance.ledger;

import java.util.ArrayList;
import java.util.List;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/** The entries an auditor asks for, newest first. */
@Component
class LedgerSearch {

	private final JdbcClient jdbc;

	LedgerSearch(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	List<LedgerEntry> find(LedgerQuery query) {
		List<String> conditions = new ArrayList<>();
		List<Object> params = new ArrayList<>();
		condition(conditions, params, "kind = ?", query.kind());
		condition(conditions, params, "organisation_id = ?", query.organisation());
		condition(conditions, params, "purpose = ?", query.purpose());
		condition(conditions, params, "actor = ?", query.actor());
		// datastreams are stored as ascending ids joined by commas: a datastream is a whole item of that list
		condition(conditions, params, "(',' || datastreams || ',') LIKE ?",
				query.datastream() == null ? null : "%," + query.datastream() + ",%");
		condition(conditions, params, "recorded_at >= ?", LedgerEntries.utc(query.from()));
		condition(conditions, params, "recorded_at < ?", LedgerEntries.utc(query.to()));
		condition(conditions, params, "seq < ?", query.afterSeq());
		params.add(query.offset());
		params.add(query.limit());
		String where = conditions.isEmpty() ? "" : " WHERE " + String.join(" AND ", conditions);
		return jdbc
			.sql("SELECT " + LedgerEntries.COLUMNS + " FROM ledger_entries" + where
					+ " ORDER BY seq DESC OFFSET ? ROWS FETCH FIRST ? ROWS ONLY")
			.params(params)
			.query(LedgerEntries::row)
			.list();
	}

	private static void condition(List<String> conditions, List<Object> params, String sql, Object value) {
		if (value != null) {
			conditions.add(sql);
			params.add(value);
		}
	}

}
