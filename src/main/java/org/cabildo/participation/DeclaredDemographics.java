package org.cabildo.participation;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;

import org.springframework.dao.DuplicateKeyException;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/**
 * The counters of what residents said about themselves, per kind of participation, district and
 * month: a filing adds one to its counter and leaves nothing that links it to the counter.
 */
@Repository
public class DeclaredDemographics {

	/** A counter as stored: {@code ""} for a district, gender or age band not known or not said. */
	public record Counter(String kind, String district, LocalDate month, String gender, String ageBand, long filings) {
	}

	private final JdbcClient jdbc;

	DeclaredDemographics(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	/**
	 * Adds one filing to its counter, outside any transaction (after the filing's own committed):
	 * each statement on its own, so that a counter made meanwhile by another filing is simply
	 * added to.
	 */
	void count(String kind, String district, LocalDate month, Demographics said) {
		if (!said.said()) {
			return;
		}
		String d = district == null ? "" : district;
		String g = said.gender() == null ? "" : said.gender();
		String a = said.ageBand() == null ? "" : said.ageBand();
		LocalDate first = month.withDayOfMonth(1);
		for (int attempt = 0; attempt < 3; attempt++) {
			if (increment(kind, d, first, g, a) == 1) {
				return;
			}
			try {
				jdbc.sql("""
						INSERT INTO participation_demographics (kind, district_id, period_month, gender, age_band, filings)
						VALUES (?, ?, ?, ?, ?, 1)""").params(kind, d, first, g, a).update();
				return;
			}
			catch (DuplicateKeyException e) {
				// another filing made the counter meanwhile: add to it
			}
		}
		throw new IllegalStateException("the demographic counter could not be written");
	}

	private int increment(String kind, String district, LocalDate month, String gender, String ageBand) {
		return jdbc.sql("""
				UPDATE participation_demographics SET filings = filings + 1
				 WHERE kind = ? AND district_id = ? AND period_month = ? AND gender = ? AND age_band = ?""")
			.params(kind, district, month, gender, ageBand)
			.update();
	}

	/** The counters of the months from {@code first} to {@code last}, both included. */
	public List<Counter> between(LocalDate first, LocalDate last) {
		return new ArrayList<>(jdbc.sql("""
				SELECT kind, district_id, period_month, gender, age_band, filings FROM participation_demographics
				 WHERE period_month >= ? AND period_month <= ?""")
			.params(first.withDayOfMonth(1), last.withDayOfMonth(1))
			.query((rs, n) -> new Counter(rs.getString(1), rs.getString(2), rs.getDate(3).toLocalDate(), rs.getString(4),
					rs.getString(5), rs.getLong(6)))
			.list());
	}

}
