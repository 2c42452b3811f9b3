package org.cabildo.sensing;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

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
 * The latest Observation of some Datastreams, read for a reader exactly as the SensorThings API
 * reads {@code Datastreams?$expand=Observations($orderby=phenomenonTime desc;$top=1)}: through the
 * reader's {@link ReadScope} (what it may not read is left out) and recorded by it before it is
 * handed on. For pages that show the city's latest values (the portal).
 */
@Service
public class LatestReadings {

	/**
	 * At most this many Datastreams are read at once, whatever is asked: a page stays one bounded
	 * query, whose filter ({@code id eq 1 or id eq 2 ...}, 199 {@code or}) stays within the
	 * parser's 200 operators; enough for every stream of the demo city's 36 stations.
	 */
	public static final int MAX_DATASTREAMS = 200;

	private static final JsonMapper JSON = JsonMapper.shared();

	private final EntityReader reader;

	private final ReadAccess access;

	LatestReadings(EntityReader reader, ReadAccess access) {
		this.reader = reader;
		this.access = access;
	}

	/**
	 * The latest reading of each of these Datastreams that has one and that the reader may read,
	 * in Datastream id order; at most {@link #MAX_DATASTREAMS} Datastreams, the newest (highest
	 * ids) when more are asked.
	 */
	public List<LatestReading> of(ReadContext readerContext, Set<Long> datastreams) {
		List<Long> asked = datastreams.stream().sorted(Comparator.reverseOrder()).limit(MAX_DATASTREAMS).toList();
		if (asked.isEmpty()) {
			return List.of();
		}
		ReadScope scope = access.scope(readerContext);
		Map<String, String> options = Map.of("$filter", filter(asked), "$orderby", "id", "$top",
				Integer.toString(MAX_DATASTREAMS), "$select", "id,unitOfMeasurement", "$expand",
				"Thing($select=name),ObservedProperty($select=name),"
						+ "Observations($orderby=phenomenonTime desc;$top=1;$select=phenomenonTime,result)");
		Page page = reader.page(scope, EntityType.DATASTREAM, null, QueryOptionsParser.parse(options));
		List<LatestReading> readings = new ArrayList<>();
		Map<Long, ObservationsRead.Span> read = new HashMap<>();
		for (EntityRow datastream : page.rows()) {
			if (!(datastream.expanded().get("Observations") instanceof Page observations)
					|| observations.rows().isEmpty()) {
				continue;
			}
			EntityRow latest = observations.rows().getFirst();
			TimeValue phenomenon = (TimeValue) latest.value("phenomenonTime");
			Instant time = phenomenon.isInterval() ? phenomenon.end() : phenomenon.start();
			readings.add(new LatestReading(datastream.id(), name(datastream, "Thing"),
					name(datastream, "ObservedProperty"), result(latest.value("result")),
					unit(datastream.value("unitOfMeasurement")), time));
			read.put(datastream.id(), new ObservationsRead.Span(1, time, time));
		}
		// Recorded before anything is handed on, as the API does before a byte is sent.
		scope.returning(new ObservationsRead(read));
		return List.copyOf(readings);
	}

	/** The filter that selects these Datastreams; ids are numbers, never text from a caller. */
	static String filter(List<Long> datastreams) {
		return String.join(" or ", datastreams.stream().map(id -> "id eq " + id).toList());
	}

	private static String name(EntityRow datastream, String navigation) {
		return datastream.expanded().get(navigation) instanceof EntityRow related && related.value("name") != null
				? related.value("name").toString() : "";
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
