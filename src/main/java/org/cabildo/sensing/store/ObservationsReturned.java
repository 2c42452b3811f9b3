package org.cabildo.sensing.store;

import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.cabildo.sensing.ReadScope.ObservationsRead;
import org.cabildo.sensing.time.TimeValue;

/**
 * The Observations an answer holds, per Datastream: those of its rows and of everything
 * expanded in them, counted from what is returned (not from what was read to know there is
 * more, nor from what a page left out to stay within its budget).
 */
public final class ObservationsReturned {

	private final Map<Long, long[]> counts = new HashMap<>();

	private final Map<Long, Instant[]> spans = new HashMap<>();

	private ObservationsReturned() {
	}

	public static ObservationsRead in(Page page) {
		return in(page.rows());
	}

	public static ObservationsRead in(List<EntityRow> rows) {
		ObservationsReturned returned = new ObservationsReturned();
		returned.addAll(rows);
		if (returned.counts.isEmpty()) {
			return ObservationsRead.NONE;
		}
		Map<Long, ObservationsRead.Span> byDatastream = new HashMap<>();
		returned.counts.forEach((datastream, count) -> {
			Instant[] span = returned.spans.getOrDefault(datastream, new Instant[2]);
			byDatastream.put(datastream, new ObservationsRead.Span(count[0], span[0], span[1]));
		});
		return new ObservationsRead(byDatastream);
	}

	private void addAll(List<EntityRow> rows) {
		for (EntityRow row : rows) {
			if (row.type() == org.cabildo.sensing.model.EntityType.OBSERVATION) {
				add(row);
			}
			for (Object expanded : row.expanded().values()) {
				switch (expanded) {
					case Page page -> addAll(page.rows());
					case EntityRow one -> addAll(List.of(one));
					case null, default -> {
					}
				}
			}
		}
	}

	private void add(EntityRow row) {
		Long datastream = row.streamId();
		if (datastream == null) {
			return;
		}
		counts.computeIfAbsent(datastream, id -> new long[1])[0]++;
		if (row.value("phenomenonTime") instanceof TimeValue time) {
			Instant[] span = spans.computeIfAbsent(datastream, id -> new Instant[2]);
			Instant last = time.end() != null ? time.end() : time.start();
			span[0] = span[0] == null || time.start().isBefore(span[0]) ? time.start() : span[0];
			span[1] = span[1] == null || last.isAfter(span[1]) ? last : span[1];
		}
	}

}
