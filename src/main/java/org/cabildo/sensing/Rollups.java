package org.cabildo.sensing;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.YearMonth;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;

import org.cabildo.platform.ApiException;
import org.cabildo.platform.CityTime;
import org.cabildo.sensing.ReadScope.ObservationsRead;
import org.cabildo.sensing.rollup.RollupRefresher;
import org.springframework.http.HttpStatus;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;

/**
 * A Datastream's numeric results rolled up per hour, local day or local month of the city's
 * calendar (count, least, greatest, mean), kept as data arrives. Read for a reader as its
 * Observations are read: the reader's {@link ReadScope} refuses what it may not read (403, rule
 * {@code purpose-binding}) and records what it returns, with the number of Observations summarised,
 * before anything is handed on. Rollups outlive the raw rows retention removes.
 */
@Service
public class Rollups {

	/** The most intervals one read returns. */
	public static final int MOST = 10_000;

	/** The length of a rollup's interval on the city's calendar. */
	public enum Interval {
		HOUR, DAY, MONTH;

		/** The interval named in a request ({@code hour}, {@code day}, {@code month}), any case. */
		public static Optional<Interval> named(String name) {
			for (Interval interval : values()) {
				if (interval.name().equalsIgnoreCase(name == null ? "" : name.strip())) {
					return Optional.of(interval);
				}
			}
			return Optional.empty();
		}

	}

	/**
	 * One interval of one stream: [start, end) as instants; how many of its hours had a value
	 * (its coverage), how many values, their least and greatest; its mean is the mean of its
	 * hours' means, so that each hour weighs once. Days and months also have their greatest
	 * 8-hour running mean ending in them and how many such means had 6 of their 8 hours (EU
	 * 2008/50/EC, Annex VII; ozone is held against it); hours have none (null and 0).
	 */
	public record Rollup(Instant start, Instant end, int hours, long count, double min, double max, double mean,
			Double maxEightHourMean, int eightHourMeans) {
	}

	private final JdbcClient jdbc;

	private final CityTime city;

	private final ReadAccess access;

	private final RollupRefresher refresher;

	Rollups(JdbcClient jdbc, CityTime city, ReadAccess access, RollupRefresher refresher) {
		this.jdbc = jdbc;
		this.city = city;
		this.access = access;
		this.refresher = refresher;
	}

	/** The city's time zone, whose hours, days and months these are. */
	public CityTime city() {
		return city;
	}

	/**
	 * The rollups of one Datastream whose intervals start in [from, to), oldest first; 404 when it
	 * is no Datastream, 403 when the reader may not read its Observations, 400 when more than
	 * {@link #MOST} intervals could be in the range.
	 */
	public List<Rollup> read(ReadContext reader, long datastream, Interval interval, Instant from, Instant to) {
		return read(reader, List.of(datastream), interval, from, to).get(datastream);
	}

	/** The same for several Datastreams at once, recorded as one read; the answer keeps their order. */
	public Map<Long, List<Rollup>> read(ReadContext reader, Collection<Long> datastreams, Interval interval,
			Instant from, Instant to) {
		if (!from.isBefore(to)) {
			throw ApiException.badRequest("from must be before to").with("parameter", "from");
		}
		long most = switch (interval) {
			case HOUR -> ChronoUnit.HOURS.between(from, to);
			case DAY -> ChronoUnit.DAYS.between(from, to);
			case MONTH -> ChronoUnit.DAYS.between(from, to) / 28;
		};
		if (most > MOST) {
			throw ApiException.badRequest("at most " + MOST + " " + interval.name().toLowerCase(java.util.Locale.ROOT)
					+ "s an answer: narrow from and to").with("parameter", "to");
		}
		ReadScope scope = access.scope(reader);
		Map<Long, List<Rollup>> read = new LinkedHashMap<>();
		for (long datastream : datastreams) {
			if (!exists(datastream)) {
				throw ApiException.notFound("Datastream " + datastream + " does not exist");
			}
			scope.refusal(datastream).ifPresent(reason -> {
				throw new ApiException(HttpStatus.FORBIDDEN, reason).with("rule", "purpose-binding")
					.with("datastream", datastream);
			});
			read.put(datastream, switch (interval) {
				case HOUR -> hours(datastream, from, to);
				case DAY -> days(datastream, from, to);
				case MONTH -> months(datastream, from, to);
			});
		}
		Map<Long, ObservationsRead.Span> spans = new LinkedHashMap<>();
		read.forEach((datastream, rollups) -> {
			if (!rollups.isEmpty()) {
				spans.put(datastream, new ObservationsRead.Span(rollups.stream().mapToLong(Rollup::count).sum(),
						rollups.getFirst().start(), rollups.getLast().end()));
			}
		});
		if (!spans.isEmpty()) {
			// Recorded before anything is handed on, as every read of Observations is.
			scope.returning(new ObservationsRead(spans));
		}
		return read;
	}

	/**
	 * Of these Datastreams, those whose rollups this reader may read: for answers made of many
	 * streams (an indicator over a city), which leave out what the reader may not read rather than
	 * refuse the whole.
	 */
	public List<Long> readable(ReadContext reader, Collection<Long> datastreams) {
		ReadScope scope = access.scope(reader);
		return datastreams.stream().filter(datastream -> scope.refusal(datastream).isEmpty()).toList();
	}

	/**
	 * Removes a stream's rollups of every hour and local day that begins before {@code before}:
	 * for retention, when rollups must not outlive the rows they were made of (personal data).
	 * A day or hour the cutoff falls in goes too, as part of it is expired.
	 *
	 * @return how many hours and days were removed
	 */
	public int forget(long datastream, Instant before) {
		int hours = jdbc.sql("DELETE FROM rollup_hours WHERE datastream_id = ? AND hour_start < ?")
			.params(datastream, utc(before))
			.update();
		int days = jdbc.sql("DELETE FROM rollup_days WHERE datastream_id = ? AND local_day <= ?")
			.params(datastream, city.date(before))
			.update();
		return hours + days;
	}

	/** The start of a stream's newest rolled-up hour; empty when it has none. */
	public Optional<Instant> newestHour(long datastream) {
		return jdbc.sql("SELECT MAX(hour_start) FROM rollup_hours WHERE datastream_id = ?")
			.param(datastream)
			.query((rs, n) -> rs.getObject(1, OffsetDateTime.class))
			.optional()
			.map(OffsetDateTime::toInstant);
	}

	/**
	 * Rolls up at once every write heard of so far, rather than within the next few seconds: for
	 * a caller that has just written and must read what it wrote.
	 */
	public void refresh() {
		refresher.refresh();
	}

	private boolean exists(long datastream) {
		return datastream >= Integer.MIN_VALUE && datastream <= Integer.MAX_VALUE
				&& jdbc.sql("SELECT COUNT(*) FROM streams WHERE id = ? AND multi = FALSE")
					.param(datastream)
					.query(Long.class)
					.single() > 0;
	}

	private List<Rollup> hours(long datastream, Instant from, Instant to) {
		return jdbc.sql("SELECT hour_start, count, sum, min, max FROM rollup_hours WHERE datastream_id = ?"
				+ " AND hour_start >= ? AND hour_start < ? ORDER BY hour_start")
			.params(datastream, utc(from), utc(to))
			.query((rs, n) -> {
				Instant start = instant(rs, 1);
				long count = rs.getLong(2);
				return new Rollup(start, start.plus(1, ChronoUnit.HOURS), 1, count, rs.getDouble(4), rs.getDouble(5),
						rs.getDouble(3) / count, null, 0);
			})
			.list();
	}

	private List<Rollup> days(long datastream, Instant from, Instant to) {
		return jdbc.sql("SELECT local_day, hours, count, min, max, mean, max_8h, windows_8h FROM rollup_days"
				+ " WHERE datastream_id = ?"
				+ " AND local_day >= ? AND local_day < ? ORDER BY local_day")
			.params(datastream, firstDay(from), firstDay(to))
			.query((rs, n) -> {
				LocalDate day = rs.getObject(1, LocalDate.class);
				return new Rollup(startOf(day), startOf(day.plusDays(1)), rs.getInt(2), rs.getLong(3), rs.getDouble(4),
						rs.getDouble(5), rs.getDouble(6), rs.getObject(7, Double.class), rs.getInt(8));
			})
			.list();
	}

	/** The months that start in [from, to), each with all its days. */
	private List<Rollup> months(long datastream, Instant from, Instant to) {
		YearMonth first = YearMonth.from(city.date(from));
		if (startOf(first.atDay(1)).isBefore(from)) {
			first = first.plusMonths(1);
		}
		YearMonth last = YearMonth.from(city.date(to));
		if (!startOf(last.atDay(1)).isBefore(to)) {
			last = last.minusMonths(1);
		}
		TreeMap<YearMonth, Rollup> months = new TreeMap<>();
		if (last.isBefore(first)) {
			return List.of();
		}
		for (Rollup day : days(datastream, startOf(first.atDay(1)), startOf(last.plusMonths(1).atDay(1)))) {
			YearMonth month = YearMonth.from(city.date(day.start()));
			months.merge(month, day, (a, b) -> {
				int hours = a.hours() + b.hours();
				// The mean of the hours' means: each day's mean weighs as many hours as it has.
				double mean = (a.mean() * a.hours() + b.mean() * b.hours()) / hours;
				Double eight = a.maxEightHourMean() == null ? b.maxEightHourMean()
						: b.maxEightHourMean() == null ? a.maxEightHourMean()
								: Double.valueOf(Math.max(a.maxEightHourMean(), b.maxEightHourMean()));
				return new Rollup(a.start(), b.end(), hours, a.count() + b.count(), Math.min(a.min(), b.min()),
						Math.max(a.max(), b.max()), mean, eight, a.eightHourMeans() + b.eightHourMeans());
			});
		}
		List<Rollup> answer = new ArrayList<>(months.size());
		months.forEach((month, rollup) -> answer.add(new Rollup(startOf(month.atDay(1)),
				startOf(month.plusMonths(1).atDay(1)), rollup.hours(), rollup.count(), rollup.min(), rollup.max(),
				rollup.mean(), rollup.maxEightHourMean(), rollup.eightHourMeans())));
		return answer;
	}

	/** The first whole local day at or after an instant: a day is in a range when it starts in it. */
	private LocalDate firstDay(Instant instant) {
		LocalDate day = city.date(instant);
		return startOf(day).isBefore(instant) ? day.plusDays(1) : day;
	}

	private Instant startOf(LocalDate day) {
		return day.atStartOfDay(city.zone()).toInstant();
	}

	private static Instant instant(ResultSet rs, int column) throws SQLException {
		return rs.getObject(column, OffsetDateTime.class).toInstant();
	}

	private static OffsetDateTime utc(Instant instant) {
		return instant.atOffset(ZoneOffset.UTC);
	}

}
