package org.cabildo.sensing.store;

import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.cabildo.sensing.ReadAccess.ObservationsRead;
import org.cabildo.sensing.time.TimeValue;
import org.springframework.web.context.request.RequestAttributes;
import org.springframework.web.context.request.RequestContextHolder;

/**
 * The Observations the current HTTP request has read so far, per Datastream, gathered by every
 * query that reads them (a page, an entity, each {@code $expand}) and taken once the response is
 * ready, before it is sent. Outside a request (MQTT, start-up) nothing is gathered.
 */
public final class ObservationsReturned {

	private static final String ATTRIBUTE = ObservationsReturned.class.getName();

	private final Map<Long, long[]> counts = new HashMap<>();

	private final Map<Long, Instant[]> spans = new HashMap<>();

	private ObservationsReturned() {
	}

	static void add(List<EntityRow> rows) {
		if (rows.isEmpty()) {
			return;
		}
		RequestAttributes request = RequestContextHolder.getRequestAttributes();
		if (request == null) {
			return;
		}
		ObservationsReturned returned = (ObservationsReturned) request.getAttribute(ATTRIBUTE,
				RequestAttributes.SCOPE_REQUEST);
		if (returned == null) {
			returned = new ObservationsReturned();
			request.setAttribute(ATTRIBUTE, returned, RequestAttributes.SCOPE_REQUEST);
		}
		for (EntityRow row : rows) {
			returned.add(row);
		}
	}

	private void add(EntityRow row) {
		Long datastream = row.foreignKey("Datastream");
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

	/** What the current request has read since the last take, and forgets it; empty if nothing. */
	public static Optional<ObservationsRead> take() {
		RequestAttributes request = RequestContextHolder.getRequestAttributes();
		if (request == null) {
			return Optional.empty();
		}
		ObservationsReturned returned = (ObservationsReturned) request.getAttribute(ATTRIBUTE,
				RequestAttributes.SCOPE_REQUEST);
		if (returned == null || returned.counts.isEmpty()) {
			return Optional.empty();
		}
		request.removeAttribute(ATTRIBUTE, RequestAttributes.SCOPE_REQUEST);
		Map<Long, ObservationsRead.Span> byDatastream = new HashMap<>();
		returned.counts.forEach((datastream, count) -> {
			Instant[] span = returned.spans.getOrDefault(datastream, new Instant[2]);
			byDatastream.put(datastream, new ObservationsRead.Span(count[0], span[0], span[1]));
		});
		return Optional.of(new ObservationsRead(byDatastream));
	}

}
