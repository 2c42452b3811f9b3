package org.cabildo.indicators;

import java.sql.Date;
import java.time.Clock;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The health series by district the platform holds: loaded whole (a series' counts replaced at
 * once), read only through {@link HealthTables}, which shows none below the small-cell threshold.
 */
@Service
public class HealthSeriesRegister {

	/** The most counts one series holds: 500 districts for 10 years of weeks. */
	static final int MOST_COUNTS = 260_000;

	private final JdbcClient jdbc;

	private final Clock clock;

	HealthSeriesRegister(JdbcClient jdbc, Clock clock) {
		this.jdbc = jdbc;
		this.clock = clock;
	}

	/**
	 * Replaces a series and all its counts. The reporting periods of a series do not overlap
	 * (each district's count for a period is one cell of a table of districts by periods), and a
	 * district has one count per period; refused with IllegalArgumentException otherwise.
	 */
	@Transactional
	public void replace(HealthSeries series, List<HealthCount> counts) {
		check(counts);
		jdbc.sql("DELETE FROM health_series WHERE code = ?").param(series.code()).update();
		jdbc.sql("INSERT INTO health_series (code, name, unit, source, method, caveats, loaded_at)"
				+ " VALUES (?, ?, ?, ?, ?, ?, ?)")
			.params(series.code(), series.name(), series.unit(), series.source(), series.method(), series.caveats(),
					OffsetDateTime.now(clock))
			.update();
		for (HealthCount count : counts) {
			jdbc.sql("INSERT INTO health_counts (series_code, district_id, period_start, period_end, cases)"
					+ " VALUES (?, ?, ?, ?, ?)")
				.params(series.code(), count.district(), Date.valueOf(count.start()), Date.valueOf(count.end()),
						count.cases())
				.update();
		}
	}

	private static void check(List<HealthCount> counts) {
		if (counts.size() > MOST_COUNTS) {
			throw new IllegalArgumentException("a series holds at most " + MOST_COUNTS + " counts");
		}
		TreeMap<LocalDate, LocalDate> periods = new TreeMap<>();
		Set<String> cells = new HashSet<>();
		for (HealthCount count : counts) {
			if (!cells.add(count.district() + "/" + count.start())) {
				throw new IllegalArgumentException(count.district() + " has two counts for the period from " + count.start());
			}
			LocalDate end = periods.putIfAbsent(count.start(), count.end());
			if (end != null && !end.equals(count.end())) {
				throw new IllegalArgumentException("two periods start on " + count.start() + " and end on " + end + " and "
						+ count.end() + ": a series' periods are the same for every district");
			}
		}
		LocalDate previousEnd = null;
		for (var period : periods.entrySet()) {
			if (previousEnd != null && !period.getKey().isAfter(previousEnd)) {
				throw new IllegalArgumentException("the period from " + period.getKey() + " starts before the one before it"
						+ " ends (" + previousEnd + "): a series' periods do not overlap");
			}
			previousEnd = period.getValue();
		}
	}

	/** Every series, by code. */
	public List<HealthSeries> all() {
		return jdbc.sql("SELECT code, name, unit, source, method, caveats FROM health_series ORDER BY code")
			.query((rs, n) -> new HealthSeries(rs.getString(1), rs.getString(2), rs.getString(3), rs.getString(4),
					rs.getString(5), rs.getString(6)))
			.list();
	}

	/** One series by code. */
	public Optional<HealthSeries> byCode(String code) {
		return jdbc.sql("SELECT code, name, unit, source, method, caveats FROM health_series WHERE code = ?")
			.param(code)
			.query((rs, n) -> new HealthSeries(rs.getString(1), rs.getString(2), rs.getString(3), rs.getString(4),
					rs.getString(5), rs.getString(6)))
			.optional();
	}

	/** When a series was loaded, as text: what a table computed from its counts is kept by. */
	Optional<String> version(String code) {
		return jdbc.sql("SELECT CAST(loaded_at AS VARCHAR(64)) FROM health_series WHERE code = ?")
			.param(code)
			.query(String.class)
			.optional();
	}

	/** A series' counts, as stored: never shown as they are (see {@link HealthTables}). */
	List<HealthCount> counts(String code) {
		List<HealthCount> counts = new ArrayList<>();
		jdbc.sql("SELECT district_id, period_start, period_end, cases FROM health_counts WHERE series_code = ?"
				+ " ORDER BY district_id, period_start")
			.param(code)
			.query((rs, n) -> counts.add(new HealthCount(rs.getString(1), rs.getDate(2).toLocalDate(),
					rs.getDate(3).toLocalDate(), rs.getLong(4))))
			.list();
		return counts;
	}

}
