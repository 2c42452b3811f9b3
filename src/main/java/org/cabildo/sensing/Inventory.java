package org.cabildo.sensing;

import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.cabildo.sensing.model.EntityType;
import org.cabildo.sensing.query.QueryOptionsParser;
import org.cabildo.sensing.sql.ParentLink;
import org.cabildo.sensing.store.EntityReader;
import org.cabildo.sensing.store.EntityRow;
import org.cabildo.sensing.store.Page;
import org.cabildo.sensing.store.RawJson;
import org.cabildo.sensing.write.Owners;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * The Things and Datastreams organisations keep, read for a reader as the SensorThings API reads
 * them (their own properties, which the API shows to anyone; never an Observation), for pages on
 * which operators manage them (the portal's console). Which Things are an organisation's is not
 * part of the API's query language, so it is asked here, one bounded page at a time.
 */
@Service
public class Inventory {

	/** The most entries one read returns, whatever is asked: a page stays one bounded query. */
	public static final int MAX_PAGE = 100;

	private static final JsonMapper JSON = JsonMapper.shared();

	private static final String DATASTREAM_SELECT = "id,name,description,unitOfMeasurement";

	private static final String DATASTREAM_EXPAND = "ObservedProperty($select=name),Sensor($select=name)";

	private final EntityReader reader;

	private final ReadAccess access;

	private final Owners owners;

	private final JdbcClient jdbc;

	Inventory(EntityReader reader, ReadAccess access, Owners owners, JdbcClient jdbc) {
		this.reader = reader;
		this.access = access;
		this.owners = owners;
		this.jdbc = jdbc;
	}

	/**
	 * A Thing as listed: its own properties and the place of its (first) Location, if it has a
	 * point for one.
	 */
	public record ThingEntry(long id, String name, String description, long organisation, Double latitude,
			Double longitude) {
	}

	/** A Datastream as listed: its own properties, and the names of its ObservedProperty and Sensor. */
	public record DatastreamEntry(long id, String name, String description, long thing, String observedProperty,
			String unit, String unitSymbol, String sensor) {
	}

	/** Some entries of a collection, and how many it holds in all. */
	public record Slice<T>(List<T> entries, long total) {
	}

	/** The Things of these organisations, newest first: {@code top} (at most {@link #MAX_PAGE}) after {@code skip}. */
	public Slice<ThingEntry> things(ReadContext readerContext, Collection<Long> organisations, int skip, int top) {
		if (organisations.isEmpty()) {
			return new Slice<>(List.of(), 0);
		}
		long total = jdbc.sql("SELECT COUNT(*) FROM things WHERE organisation_id IN (:organisations)")
			.param("organisations", organisations)
			.query(Long.class)
			.single();
		record Owned(long id, long organisation) {
		}
		List<Owned> page = jdbc.sql("SELECT id, organisation_id FROM things WHERE organisation_id IN (:organisations)"
				+ " ORDER BY id DESC LIMIT :top OFFSET :skip")
			.param("organisations", organisations)
			.param("top", bounded(top))
			.param("skip", Math.max(0, skip))
			.query((rs, n) -> new Owned(rs.getLong(1), rs.getLong(2)))
			.list();
		Map<Long, Long> organisationOf = new HashMap<>();
		page.forEach(owned -> organisationOf.put(owned.id(), owned.organisation()));
		List<ThingEntry> entries = readThings(readerContext, page.stream().map(Owned::id).toList(), organisationOf);
		return new Slice<>(entries, total);
	}

	/** One Thing, as its list shows it; empty if there is none. */
	public Optional<ThingEntry> thing(ReadContext readerContext, long id) {
		return owners.ofThing(id)
			.flatMap(organisation -> readThings(readerContext, List.of(id), Map.of(id, organisation)).stream()
				.findFirst());
	}

	/** The Datastreams of a Thing, newest first: {@code top} (at most {@link #MAX_PAGE}) after {@code skip}. */
	public Slice<DatastreamEntry> datastreams(ReadContext readerContext, long thing, int skip, int top) {
		var navigation = EntityType.THING.navigation("Datastreams").orElseThrow();
		Page page = reader.page(access.scope(readerContext), EntityType.DATASTREAM, new ParentLink(navigation, thing),
				QueryOptionsParser.parse(Map.of("$top", Integer.toString(bounded(top)), "$skip",
						Integer.toString(Math.max(0, skip)), "$count", "true", "$orderby", "id desc", "$select",
						DATASTREAM_SELECT, "$expand", DATASTREAM_EXPAND)));
		return new Slice<>(page.rows().stream().map(row -> datastream(row, thing)).toList(),
				page.count() == null ? page.rows().size() : page.count());
	}

	/** The newest Datastreams of these organisations, at most {@code top} (at most {@link #MAX_PAGE}). */
	public List<DatastreamEntry> datastreamsOf(ReadContext readerContext, Collection<Long> organisations, int top) {
		if (organisations.isEmpty()) {
			return List.of();
		}
		List<Long> ids = jdbc.sql("SELECT id FROM streams WHERE multi = FALSE AND organisation_id IN (:organisations)"
				+ " ORDER BY id DESC LIMIT :top")
			.param("organisations", organisations)
			.param("top", bounded(top))
			.query(Long.class)
			.list();
		return datastreams(readerContext, ids);
	}

	/** These Datastreams (at most {@link #MAX_PAGE}, the newest), newest first; those that do not exist are left out. */
	public List<DatastreamEntry> datastreams(ReadContext readerContext, Collection<Long> ids) {
		List<Long> asked = ids.stream().distinct().sorted(Comparator.reverseOrder()).limit(MAX_PAGE).toList();
		if (asked.isEmpty()) {
			return List.of();
		}
		Page page = reader.page(access.scope(readerContext), EntityType.DATASTREAM, null,
				QueryOptionsParser.parse(Map.of("$filter", ids(asked), "$top", Integer.toString(MAX_PAGE), "$orderby",
						"id desc", "$select", DATASTREAM_SELECT, "$expand", DATASTREAM_EXPAND + ",Thing($select=id)")));
		return page.rows()
			.stream()
			.map(row -> datastream(row, row.expanded().get("Thing") instanceof EntityRow thing ? thing.id() : null))
			.toList();
	}

	private List<ThingEntry> readThings(ReadContext readerContext, List<Long> ids, Map<Long, Long> organisationOf) {
		if (ids.isEmpty()) {
			return List.of();
		}
		Page page = reader.page(access.scope(readerContext), EntityType.THING, null,
				QueryOptionsParser.parse(Map.of("$filter", ids(ids), "$top", Integer.toString(MAX_PAGE), "$orderby",
						"id desc", "$select", "id,name,description", "$expand",
						"Locations($select=location;$orderby=id;$top=1)")));
		List<ThingEntry> entries = new ArrayList<>();
		for (EntityRow row : page.rows()) {
			double[] point = point(row);
			entries.add(new ThingEntry(row.id(), text(row.value("name")), text(row.value("description")),
					organisationOf.get(row.id()), point == null ? null : point[1], point == null ? null : point[0]));
		}
		return entries;
	}

	private static DatastreamEntry datastream(EntityRow row, Long thing) {
		JsonNode unit = row.value("unitOfMeasurement") instanceof RawJson json ? JSON.readTree(json.text()) : null;
		return new DatastreamEntry(row.id(), text(row.value("name")), text(row.value("description")),
				thing == null ? -1 : thing, related(row, "ObservedProperty"), unit == null ? "" : member(unit, "name"),
				unit == null ? "" : member(unit, "symbol"), related(row, "Sensor"));
	}

	/** The longitude and latitude of a Thing's first Location, if it is a GeoJSON point; else null. */
	private static double[] point(EntityRow thing) {
		if (!(thing.expanded().get("Locations") instanceof Page locations) || locations.rows().isEmpty()
				|| !(locations.rows().getFirst().value("location") instanceof RawJson json)) {
			return null;
		}
		JsonNode geometry = JSON.readTree(json.text());
		JsonNode coordinates = geometry.path("coordinates");
		if (!"Point".equals(geometry.path("type").asString("")) || !coordinates.path(0).isNumber()
				|| !coordinates.path(1).isNumber()) {
			return null;
		}
		return new double[] { coordinates.get(0).asDouble(), coordinates.get(1).asDouble() };
	}

	private static String related(EntityRow row, String navigation) {
		return row.expanded().get(navigation) instanceof EntityRow related ? text(related.value("name")) : "";
	}

	private static String member(JsonNode object, String name) {
		JsonNode value = object.path(name);
		return value.isString() ? value.asString() : "";
	}

	private static String text(Object value) {
		return value == null ? "" : value.toString();
	}

	private static int bounded(int top) {
		return Math.clamp(top, 1, MAX_PAGE);
	}

	/** The filter that selects these entities; ids are numbers, never text from a caller. */
	private static String ids(List<Long> ids) {
		return String.join(" or ", ids.stream().map(id -> "id eq " + id).toList());
	}

}
