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

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The city's daily mobility series (cyclist counters, transit ridership), each loaded whole.
 * <p>
 * Why not SensorThings Observations, one Datastream per counter or line: a Datastream's Thing has
 * Locations and its Observations a FeatureOfInterest, and these sources have neither: a counter is
 * known by its street's name, a line by its name, with no coordinates. Inventing a point would
 * place them in a district the data does not tell, and the district tables would then show it.
 * So they are city-level series of their own, like the health series ({@link HealthSeriesRegister}),
 * and their indicators say they are city-level. Nothing in them is personal: no purpose binding
 * or ledger is needed to read them, as for the health series.
 * <p>
 * The cyclists' outage rule ({@link CounterOutages}) is applied as a series is loaded, over the
 * whole series, so that a count's verdict does not depend on the period someone asks for.
 */
@Service
public class MobilitySeriesRegister {

	/** The most counts one series holds: 100 lines for 10 years of days. */
	static final int MOST_COUNTS = 370_000;

	/** The most operators one series has: each is a row of every month of the indicator's answer. */
	static final int MOST_OPERATORS = 50;

	private static final int ROWS_PER_INSERT = 200;

	private final JdbcClient jdbc;

	private final Clock clock;

	MobilitySeriesRegister(JdbcClient jdbc, Clock clock) {
		this.jdbc = jdbc;
		this.clock = clock;
	}

	/**
	 * Replaces a series and all its counts; a site has one count per day. Refused with
	 * IllegalArgumentException beyond {@value #MOST_COUNTS} counts or {@value #MOST_OPERATORS} operators.
	 */
	@Transactional
	public void replace(MobilitySeries series, List<MobilityCount> counts) {
		check(counts);
		List<CounterOutages.Judged> judged = series.kind() == MobilitySeries.Kind.CYCLISTS ? CounterOutages.judge(counts)
				: counts.stream()
					.map(c -> new CounterOutages.Judged(c, c.counted() == null ? CounterOutages.EMPTY : null, null))
					.toList();
		jdbc.sql("DELETE FROM mobility_series WHERE code = ?").param(series.code()).update();
		jdbc.sql("INSERT INTO mobility_series (code, kind, name, unit, source, caveats, loaded_at)"
				+ " VALUES (?, ?, ?, ?, ?, ?, ?)")
			.params(series.code(), series.kind().column(), series.name(), series.unit(), series.source(),
					series.caveats(), OffsetDateTime.now(clock))
			.update();
		for (int from = 0; from < judged.size(); from += ROWS_PER_INSERT) {
			List<CounterOutages.Judged> chunk = judged.subList(from, Math.min(judged.size(), from + ROWS_PER_INSERT));
			StringBuilder sql = new StringBuilder("INSERT INTO mobility_counts (series_code, operator, site, local_day,"
					+ " counted, left_out, reference) VALUES ");
			List<Object> params = new ArrayList<>(chunk.size() * 7);
			for (CounterOutages.Judged j : chunk) {
				sql.append(params.isEmpty() ? "" : ", ").append("(?, ?, ?, ?, ?, ?, ?)");
				params.add(series.code());
				params.add(j.count().operator());
				params.add(j.count().site());
				params.add(Date.valueOf(j.count().day()));
				params.add(j.count().counted());
				params.add(j.leftOut());
				params.add(j.reference());
			}
			jdbc.sql(sql.toString()).params(params).update();
		}
	}

	private static void check(List<MobilityCount> counts) {
		if (counts.size() > MOST_COUNTS) {
			throw new IllegalArgumentException("a series holds at most " + MOST_COUNTS + " counts");
		}
		Set<String> cells = new HashSet<>();
		Set<String> operators = new HashSet<>();
		for (MobilityCount count : counts) {
			if (!cells.add(count.operator() + "\n" + count.site() + "\n" + count.day())) {
				throw new IllegalArgumentException(
						count.operator() + " " + count.site() + " has two counts on " + count.day());
			}
			operators.add(count.operator());
		}
		if (operators.size() > MOST_OPERATORS) {
			throw new IllegalArgumentException("a series has at most " + MOST_OPERATORS + " operators");
		}
	}

	/** Every series of a kind, by code. */
	public List<MobilitySeries> ofKind(MobilitySeries.Kind kind) {
		return jdbc.sql("SELECT code, kind, name, unit, source, caveats FROM mobility_series WHERE kind = ? ORDER BY code")
			.param(kind.column())
			.query((rs, n) -> new MobilitySeries(rs.getString(1), MobilitySeries.Kind.of(rs.getString(2)),
					rs.getString(3), rs.getString(4), rs.getString(5), rs.getString(6)))
			.list();
	}

	/** One series by code. */
	public Optional<MobilitySeries> byCode(String code) {
		return jdbc.sql("SELECT code, kind, name, unit, source, caveats FROM mobility_series WHERE code = ?")
			.param(code)
			.query((rs, n) -> new MobilitySeries(rs.getString(1), MobilitySeries.Kind.of(rs.getString(2)),
					rs.getString(3), rs.getString(4), rs.getString(5), rs.getString(6)))
			.optional();
	}

	/** The first and last day with a count (empty ones too); empty when the series has none. */
	Optional<LocalDate[]> span(String code) {
		return jdbc.sql("SELECT MIN(local_day), MAX(local_day) FROM mobility_counts WHERE series_code = ?")
			.param(code)
			.query((rs, n) -> rs.getDate(1) == null ? null
					: new LocalDate[] { rs.getDate(1).toLocalDate(), rs.getDate(2).toLocalDate() })
			.list()
			.stream()
			.filter(java.util.Objects::nonNull)
			.findFirst();
	}

	/**
	 * The counts of local days [from, to) summed per day, and per operator when asked (else under
	 * the operator {@code all}): what counts, how many sites it is made of, how many were left out.
	 * At most {@value #MOST_OPERATORS} rows per day.
	 */
	List<DayTotal> days(String code, LocalDate from, LocalDate to, boolean byOperator) {
		String operator = byOperator ? "operator" : "'all'";
		return jdbc.sql("SELECT " + operator + ", local_day,"
				+ " SUM(CASE WHEN left_out IS NULL THEN counted ELSE 0 END),"
				+ " SUM(CASE WHEN left_out IS NULL THEN 1 ELSE 0 END),"
				+ " SUM(CASE WHEN left_out IS NULL THEN 0 ELSE 1 END)"
				+ " FROM mobility_counts WHERE series_code = ? AND local_day >= ? AND local_day < ?"
				// a constant in GROUP BY is refused by PostgreSQL: without operators, by day only
				+ " GROUP BY " + (byOperator ? "operator, local_day" : "local_day") + " ORDER BY 1, 2")
			.params(code, Date.valueOf(from), Date.valueOf(to))
			.query((rs, n) -> new DayTotal(rs.getString(1), rs.getDate(2).toLocalDate(), rs.getLong(3), rs.getInt(4),
					rs.getInt(5)))
			.list();
	}

	/** How many counts of local days [from, to) were left out, per reason. */
	List<MobilityTable.LeftOut> leftOut(String code, LocalDate from, LocalDate to) {
		return jdbc.sql("SELECT left_out, COUNT(*) FROM mobility_counts WHERE series_code = ? AND local_day >= ?"
				+ " AND local_day < ? AND left_out IS NOT NULL GROUP BY left_out ORDER BY left_out")
			.params(code, Date.valueOf(from), Date.valueOf(to))
			.query((rs, n) -> new MobilityTable.LeftOut(rs.getString(1), rs.getLong(2)))
			.list();
	}

	/**
	 * One day's counts of an operator (or of all), summed.
	 *
	 * @param sum the sum of the counts that count
	 * @param counted how many sites' counts count
	 * @param leftOut how many were left out (outage, malfunction, empty)
	 */
	record DayTotal(String operator, LocalDate day, long sum, int counted, int leftOut) {
	}

}
