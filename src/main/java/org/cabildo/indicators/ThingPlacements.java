package org.cabildo.indicators;

import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

import org.cabildo.sensing.ThingsMoved;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.event.EventListener;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.TransactionDefinition;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Places each Thing in the district its first Location (lowest id) is in, and keeps {@code
 * thing_districts} so: for every Thing after an import of districts and at start, for the Things
 * a committed write moved ({@link ThingsMoved}), and for every Thing again every {@code
 * cabildo.indicators.placement-refresh} (what no event announces: a Location deleted, a write on
 * another node). Only rows that change are written.
 * <p>
 * The sensing module reads {@code thing_districts} by name for a Thing's {@code district} in the
 * SensorThings API ({@code $filter=Datastream/Thing/district eq '09015'}): one row per Thing,
 * keyed by {@code thing_id}, is a contract with it (see sensing's {@code Schema}).
 */
@Component
class ThingPlacements {

	private static final Logger log = LoggerFactory.getLogger(ThingPlacements.class);

	/** Each Thing with its first Location's GeoJSON (null when it has none). */
	private static final String THINGS = """
			SELECT t.id,
			       (SELECT l.location FROM thing_locations tl JOIN locations l ON l.id = tl.location_id
			        WHERE tl.thing_id = t.id ORDER BY l.id FETCH FIRST 1 ROWS ONLY)
			FROM things t""";

	private final JdbcClient jdbc;

	private final JdbcTemplate batch;

	private final DistrictRegister districts;

	private final TransactionTemplate separately;

	ThingPlacements(JdbcClient jdbc, JdbcTemplate batch, DistrictRegister districts,
			PlatformTransactionManager transactions) {
		this.jdbc = jdbc;
		this.batch = batch;
		this.districts = districts;
		// Its own transaction: it also runs after another one's commit, whose connection is still bound.
		this.separately = new TransactionTemplate(transactions);
		this.separately.setPropagationBehavior(TransactionDefinition.PROPAGATION_REQUIRES_NEW);
	}

	/** Places every Thing; returns how many are in a district. */
	synchronized long placeAll() {
		return separately.execute(status -> {
			Map<Long, String> wanted = wanted(jdbc.sql(THINGS + " ORDER BY t.id"));
			Map<Long, String> placed = new HashMap<>();
			jdbc.sql("SELECT thing_id, district_id FROM thing_districts")
				.query((rs, n) -> placed.put(rs.getLong(1), rs.getString(2)))
				.list();
			write(wanted, placed);
			return wanted.values().stream().filter(Objects::nonNull).count();
		});
	}

	/** Places these Things (those that still exist). */
	synchronized void place(Collection<Long> things) {
		if (things.isEmpty()) {
			return;
		}
		separately.executeWithoutResult(status -> {
			Map<Long, String> wanted = wanted(jdbc.sql(THINGS + " WHERE t.id IN (:things)").param("things", things));
			Map<Long, String> placed = new HashMap<>();
			jdbc.sql("SELECT thing_id, district_id FROM thing_districts WHERE thing_id IN (:things)")
				.param("things", things)
				.query((rs, n) -> placed.put(rs.getLong(1), rs.getString(2)))
				.list();
			write(wanted, placed);
		});
	}

	@EventListener
	void moved(ThingsMoved moved) {
		try {
			place(moved.things());
		}
		catch (RuntimeException e) {
			// The write that moved them is committed; the next refresh places them.
			log.warn("Things {} were not placed in districts: {}", moved.things(), e.toString());
		}
	}

	@Scheduled(fixedDelayString = "${cabildo.indicators.placement-refresh:10m}",
			initialDelayString = "${cabildo.indicators.placement-refresh:10m}")
	void refresh() {
		try {
			placeAll();
		}
		catch (RuntimeException e) {
			log.warn("Things were not placed in districts: {}", e.toString());
		}
	}

	private Map<Long, String> wanted(JdbcClient.StatementSpec things) {
		Placement placement = districts.placement();
		Map<Long, String> wanted = new LinkedHashMap<>();
		things.query((rs, n) -> {
			Optional<String> district = placement.ofLocation(rs.getString(2));
			wanted.put(rs.getLong(1), district.orElse(null));
			return null;
		}).list();
		return wanted;
	}

	/** Writes the placements that differ from what is stored. */
	private void write(Map<Long, String> wanted, Map<Long, String> placed) {
		List<Object[]> removed = new ArrayList<>();
		List<Object[]> added = new ArrayList<>();
		wanted.forEach((thing, district) -> {
			String before = placed.get(thing);
			if (Objects.equals(before, district)) {
				return;
			}
			if (before != null) {
				removed.add(new Object[] { thing });
			}
			if (district != null) {
				added.add(new Object[] { thing, district });
			}
		});
		if (!removed.isEmpty()) {
			batch.batchUpdate("DELETE FROM thing_districts WHERE thing_id = ?", removed);
		}
		if (!added.isEmpty()) {
			batch.batchUpdate("INSERT INTO thing_districts (thing_id, district_id) VALUES (?, ?)", added);
		}
	}

}
