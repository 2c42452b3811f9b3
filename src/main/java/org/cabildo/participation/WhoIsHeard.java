package org.cabildo.participation;

import java.sql.Timestamp;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.cabildo.indicators.District;
import org.cabildo.indicators.DistrictRegister;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;

/**
 * Who is heard, per district: how many reports its residents file per 100,000 inhabitants, how
 * many the city answered, and how soon (the median time to the first public answer); how many
 * proposals are made about it per 100,000 inhabitants, and how many supports they were given. A
 * district that reports little may be one the city does not reach, not one without problems: the
 * figures are shown side by side so that the gap is seen.
 */
@Service
public class WhoIsHeard {

	/**
	 * One district's figures; a rate is null where the district has no population on record.
	 *
	 * @param proposals proposals made about the district in the period (hidden ones left out)
	 * @param supports supports given in the period to proposals about the district (withdrawn ones
	 *        are gone), whenever those proposals were made
	 */
	public record DistrictParticipation(String district, String name, Long population, long reports,
			Double reportsPer100k, long answered, Double answeredShare, Double medianHoursToAnswer, long open,
			long proposals, Double proposalsPer100k, long supports) {
	}

	/**
	 * The figures of every district, and of the city as a whole.
	 *
	 * @param unplaced reports in no district (given by address only, or outside every district)
	 * @param unplacedProposals proposals about no district (the whole city's), counted in the city's figures
	 */
	public record Answer(Instant from, Instant to, List<DistrictParticipation> districts, DistrictParticipation city,
			long unplaced, long unplacedProposals) {
	}

	private final JdbcClient jdbc;

	private final DistrictRegister districts;

	WhoIsHeard(JdbcClient jdbc, DistrictRegister districts) {
		this.jdbc = jdbc;
		this.districts = districts;
	}

	public Answer between(Instant from, Instant to) {
		record Row(String district, long reports, long answered, Double median, long open) {
		}
		Map<String, Row> rows = new HashMap<>();
		jdbc.sql("""
				SELECT district_id, COUNT(*), COUNT(answered_at),
				       PERCENTILE_CONT(0.5) WITHIN GROUP (ORDER BY answer_millis),
				       SUM(CASE WHEN status = 'open' THEN 1 ELSE 0 END)
				  FROM service_requests
				 WHERE hidden_at IS NULL AND requested_at >= :from AND requested_at < :to
				 GROUP BY district_id""")
			.param("from", Timestamp.from(from))
			.param("to", Timestamp.from(to))
			.query((rs, n) -> {
				double median = rs.getDouble(4);
				Double hours = rs.wasNull() ? null : median / 3_600_000.0;
				String district = rs.getString(1);
				return rows.put(district == null ? "" : district,
						new Row(district, rs.getLong(2), rs.getLong(3), hours, rs.getLong(5)));
			})
			.list();
		Map<String, Long> proposals = countByDistrict("""
				SELECT district_id, COUNT(*) FROM proposals
				 WHERE hidden_at IS NULL AND created_at >= :from AND created_at < :to
				 GROUP BY district_id""", from, to);
		Map<String, Long> supports = countByDistrict("""
				SELECT p.district_id, COUNT(*) FROM proposal_supports s
				  JOIN proposals p ON p.id = s.proposal_id
				 WHERE p.hidden_at IS NULL AND s.supported_at >= :from AND s.supported_at < :to
				 GROUP BY p.district_id""", from, to);
		List<DistrictParticipation> each = new ArrayList<>();
		long population = 0;
		for (District d : districts.all()) {
			Row row = rows.getOrDefault(d.id(), new Row(d.id(), 0, 0, null, 0));
			each.add(figures(d.id(), d.name(), d.population(), row.reports(), row.answered(), row.median(), row.open(),
					proposals.getOrDefault(d.id(), 0L), supports.getOrDefault(d.id(), 0L)));
			population += d.population() == null ? 0 : d.population();
		}
		long reports = rows.values().stream().mapToLong(Row::reports).sum();
		long answered = rows.values().stream().mapToLong(Row::answered).sum();
		long open = rows.values().stream().mapToLong(Row::open).sum();
		Double cityMedian = jdbc.sql("""
				SELECT PERCENTILE_CONT(0.5) WITHIN GROUP (ORDER BY answer_millis) FROM service_requests
				 WHERE hidden_at IS NULL AND requested_at >= :from AND requested_at < :to""")
			.param("from", Timestamp.from(from))
			.param("to", Timestamp.from(to))
			.query((rs, n) -> {
				double median = rs.getDouble(1);
				return rs.wasNull() ? java.util.Optional.<Double>empty() : java.util.Optional.of(median / 3_600_000.0);
			})
			.single()
			.orElse(null);
		DistrictParticipation city = figures(null, null, population == 0 ? null : population, reports, answered,
				cityMedian, open, sum(proposals), sum(supports));
		long unplaced = rows.containsKey("") ? rows.get("").reports() : 0;
		return new Answer(from, to, each, city, unplaced, proposals.getOrDefault("", 0L));
	}

	/** Counts by district code ("" for none) of a query with :from and :to. */
	private Map<String, Long> countByDistrict(String sql, Instant from, Instant to) {
		Map<String, Long> counts = new HashMap<>();
		jdbc.sql(sql)
			.param("from", Timestamp.from(from))
			.param("to", Timestamp.from(to))
			.query((rs, n) -> counts.merge(rs.getString(1) == null ? "" : rs.getString(1), rs.getLong(2), Long::sum))
			.list();
		return counts;
	}

	private static long sum(Map<String, Long> counts) {
		return counts.values().stream().mapToLong(Long::longValue).sum();
	}

	private static DistrictParticipation figures(String id, String name, Long population, long reports, long answered,
			Double medianHours, long open, long proposals, long supports) {
		Double share = reports == 0 ? null : (double) answered / reports;
		return new DistrictParticipation(id, name, population, reports, per100k(reports, population), answered, share,
				medianHours, open, proposals, per100k(proposals, population), supports);
	}

	private static Double per100k(long count, Long population) {
		return population == null || population == 0 ? null : count * 100_000.0 / population;
	}

}
