package org.cabildo.governance.ledger;

import java.time.OffsetDateTime;
import java.time.YearMonth;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.cabildo.platform.CityTime;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * Public counts of reads of personal data: per organisation, purpose, datastream and month
 * of the city's calendar ({@code cabildo.city.time-zone}), never who read. Kept in memory and brought up to date from the entries appended since,
 * so that a public request never reads the whole ledger again.
 */
@Component
class LedgerSummary {

	/** A read of several datastreams counts, with all its observations, toward each. */
	record Group(Long organisation, String purpose, Long datastream, String month, long reads, long observations) {
	}

	/**
	 * @param upToSeq the last entry counted
	 * @param timeZone the IANA zone whose calendar months the groups' months are
	 */
	record Summary(long reads, long observations, long upToSeq, List<Group> groups, String timeZone) {
	}

	private record Key(Long organisation, String purpose, Long datastream, String month) {
	}

	private static final Comparator<Group> ORDER = Comparator
		.comparing(Group::month)
		.thenComparing(Group::organisation, Comparator.nullsFirst(Comparator.naturalOrder()))
		.thenComparing(Group::purpose, Comparator.nullsFirst(Comparator.naturalOrder()))
		.thenComparing(Group::datastream, Comparator.nullsFirst(Comparator.naturalOrder()));

	private final JdbcClient jdbc;

	private final Map<Key, long[]> counts = new HashMap<>();

	private long reads;

	private long observations;

	private long upToSeq;

	private final CityTime city;

	LedgerSummary(JdbcClient jdbc, CityTime city) {
		this.jdbc = jdbc;
		this.city = city;
	}

	synchronized Summary current() {
		int read;
		do {
			read = jdbc
				.sql("SELECT seq, recorded_at, organisation_id, purpose, datastreams, observations FROM ledger_entries"
						+ " WHERE kind = 'read' AND seq > ? ORDER BY seq FETCH FIRST ? ROWS ONLY")
				.params(upToSeq, LedgerVerifier.PAGE)
				.query((rs, n) -> {
					count(rs.getLong(1), rs.getObject(2, OffsetDateTime.class), (Long) rs.getObject(3, Long.class),
							rs.getString(4), LedgerEntries.ids(rs.getString(5)), rs.getLong(6));
					return 1;
				})
				.list()
				.size();
		}
		while (read == LedgerVerifier.PAGE);
		List<Group> groups = counts.entrySet()
			.stream()
			.map(e -> new Group(e.getKey().organisation(), e.getKey().purpose(), e.getKey().datastream(),
					e.getKey().month(), e.getValue()[0], e.getValue()[1]))
			.sorted(ORDER)
			.toList();
		return new Summary(reads, observations, upToSeq, groups, city.name());
	}

	private void count(long seq, OffsetDateTime at, Long organisation, String purpose, List<Long> datastreams,
			long returned) {
		String month = YearMonth.from(city.local(at.toInstant())).toString();
		for (Long datastream : datastreams.isEmpty() ? java.util.Collections.<Long>singletonList(null) : datastreams) {
			long[] group = counts.computeIfAbsent(new Key(organisation, purpose, datastream, month), k -> new long[2]);
			group[0]++;
			group[1] += returned;
		}
		reads++;
		observations += returned;
		upToSeq = seq;
	}

}
