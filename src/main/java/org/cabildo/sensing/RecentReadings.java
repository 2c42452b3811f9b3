package org.cabildo.sensing;

import java.time.Instant;
import java.time.format.DateTimeFormatter;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.cabildo.sensing.ReadScope.ObservationsRead;
import org.cabildo.sensing.model.EntityType;
import org.cabildo.sensing.query.QueryOptionsParser;
import org.cabildo.sensing.store.EntityReader;
import org.cabildo.sensing.store.EntityRow;
import org.cabildo.sensing.store.Page;
import org.cabildo.sensing.store.RawJson;
import org.cabildo.sensing.time.TimeValue;
import org.springframework.stereotype.Service;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * One Datastream and its newest Observations since a time, read for a reader exactly as the
 * SensorThings API reads {@code Datastreams(id)?$expand=Thing,ObservedProperty,Observations($filter=
 * phenomenonTime ge since;$orderby=phenomenonTime desc;$top=n)}: through the reader's
 * {@link ReadScope}, and recorded by it before anything is handed on. A reader who may not read
 * the Observations gets the Datastream without them and the reason. For pages that show one
 * stream's recent values (the portal's stream card); at most {@link #MAX_OBSERVATIONS} a read.
 */
@Service
public class RecentReadings {

	/** The most Observations one read returns, whatever is asked. */
	public static final int MAX_OBSERVATIONS = 2_000;

	private static final JsonMapper JSON = JsonMapper.shared();

	private final EntityReader reader;

	private final ReadAccess access;

	RecentReadings(EntityReader reader, ReadAccess access) {
		this.reader = reader;
		this.access = access;
	}

	/** An Observation's phenomenon time (the end of an interval) and its result as JSON writes it. */
	public record Observed(Instant time, String result) {
	}

	/**
	 * A Datastream as a reader sees it.
	 *
	 * @param unit the unit's symbol, empty when it has none
	 * @param newestFirst the Observations read, newest first
	 * @param more whether there are more since the time than were read
	 * @param refusal why the reader may not read the Observations; null when it may
	 * @param observedUntil the end of the Datastream's phenomenonTime (a property of the Datastream,
	 * not of its Observations: what the API shows anyone who may read the Datastream); null when
	 * it has no Observations
	 */
	public record Recent(long datastream, String name, String thing, String observedProperty, String unit,
			List<Observed> newestFirst, boolean more, String refusal, Instant observedUntil) {

		public Recent {
			newestFirst = List.copyOf(newestFirst);
		}

		public boolean refused() {
			return refusal != null;
		}

	}

	/**
	 * The Datastream and its newest Observations at or after {@code since}, at most {@code most}
	 * (capped at {@link #MAX_OBSERVATIONS}); empty when there is no such Datastream.
	 */
	public Optional<Recent> of(ReadContext readerContext, long datastream, Instant since, int most) {
		int top = Math.max(1, Math.min(most, MAX_OBSERVATIONS));
		ReadScope scope = access.scope(readerContext);
		String refusal = scope.refusal(datastream).orElse(null);
		String from = DateTimeFormatter.ISO_INSTANT.format(since.truncatedTo(ChronoUnit.MILLIS));
		String observations = refusal != null ? "" : ",Observations($filter=phenomenonTime ge " + from
				+ ";$orderby=phenomenonTime desc;$top=" + top + ";$select=phenomenonTime,result)";
		Map<String, String> options = Map.of("$filter", "id eq " + datastream, "$top", "1", "$select",
				"id,name,unitOfMeasurement,phenomenonTime", "$expand", "Thing($select=name),ObservedProperty($select=name)"
						+ observations);
		Page page = reader.page(scope, EntityType.DATASTREAM, null, QueryOptionsParser.parse(options));
		if (page.rows().isEmpty()) {
			return Optional.empty();
		}
		EntityRow row = page.rows().getFirst();
		List<Observed> read = new ArrayList<>();
		boolean more = false;
		if (row.expanded().get("Observations") instanceof Page expanded) {
			more = expanded.hasMore();
			for (EntityRow observation : expanded.rows()) {
				TimeValue phenomenon = (TimeValue) observation.value("phenomenonTime");
				read.add(new Observed(phenomenon.isInterval() ? phenomenon.end() : phenomenon.start(),
						result(observation.value("result"))));
			}
		}
		if (!read.isEmpty()) {
			// Recorded before anything is handed on, as the API does before a byte is sent.
			scope.returning(new ObservationsRead(Map.of(datastream, new ObservationsRead.Span(read.size(),
					read.getLast().time(), read.getFirst().time()))));
		}
		return Optional.of(new Recent(datastream, text(row.value("name")), name(row, "Thing"),
				name(row, "ObservedProperty"), unit(row.value("unitOfMeasurement")), read, more, refusal,
				row.value("phenomenonTime") instanceof TimeValue span ? span.isInterval() ? span.end() : span.start()
						: null));
	}

	private static String name(EntityRow datastream, String navigation) {
		return datastream.expanded().get(navigation) instanceof EntityRow related ? text(related.value("name")) : "";
	}

	private static String text(Object value) {
		return value == null ? "" : value.toString();
	}

	private static String result(Object result) {
		return result instanceof RawJson json ? json.text() : String.valueOf(result);
	}

	private static String unit(Object unitOfMeasurement) {
		if (!(unitOfMeasurement instanceof RawJson json)) {
			return "";
		}
		JsonNode symbol = JSON.readTree(json.text()).path("symbol");
		return symbol.isString() ? symbol.asString() : "";
	}

}
