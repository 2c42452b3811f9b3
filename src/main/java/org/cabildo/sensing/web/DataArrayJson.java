package org.cabildo.sensing.web;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.cabildo.sensing.model.EntityType;
import org.cabildo.sensing.model.Property;
import org.cabildo.sensing.model.ValueKind;
import org.cabildo.sensing.query.QueryException;
import org.cabildo.sensing.query.QueryOptions;
import org.cabildo.sensing.store.EntityRow;
import org.cabildo.sensing.store.Page;

import tools.jackson.core.JsonGenerator;

/**
 * Observations in the DataArray format ({@code $resultFormat=dataArray}, OGC 18-088 clause
 * 14): grouped by Datastream, each Observation an array of values in the order of
 * {@code components}. The components follow {@code $select}, which may also name
 * {@code FeatureOfInterest/id}; without it they are all the properties. A page holds as many
 * Observations as any other ({@code $top}), and the next page is linked as usual.
 */
final class DataArrayJson {

	static final String FEATURE_ID = "FeatureOfInterest/id";

	/** A component; its property is null for {@code FeatureOfInterest/id}. */
	private record Component(String name, Property property) {
	}

	private final List<Component> components;

	private final QueryOptions readOptions;

	private final EntityJson out;

	private DataArrayJson(List<Component> components, QueryOptions readOptions, EntityJson out) {
		this.components = components;
		this.readOptions = readOptions;
		this.out = out;
	}

	static DataArrayJson of(QueryOptions options, EntityJson out) {
		if (!options.expand().isEmpty()) {
			throw new QueryException("$expand cannot be combined with $resultFormat=dataArray", "$expand");
		}
		if (options.select().isEmpty()) {
			List<Component> all = new ArrayList<>();
			for (Property property : EntityType.OBSERVATION.properties()) {
				if (out.version().shows(property)) {
					all.add(new Component(property.name(), property));
				}
			}
			return new DataArrayJson(all, options, out);
		}
		List<Component> selected = new ArrayList<>();
		List<String> read = new ArrayList<>();
		for (String name : options.select()) {
			Component component = component(name);
			if (selected.stream().anyMatch(c -> c.name().equals(component.name()))) {
				continue;
			}
			selected.add(component);
			if (component.property() != null && component.property().kind() != ValueKind.ID) {
				read.add(component.name());
			}
		}
		if (read.isEmpty()) {
			read.add("id");
		}
		QueryOptions readOptions = new QueryOptions(options.filter(), options.orderBy(), options.top(),
				options.skip(), options.count(), read, List.of(), null, options.raw());
		return new DataArrayJson(selected, readOptions, out);
	}

	private static Component component(String name) {
		if (name.equals("@iot.id")) {
			return component("id");
		}
		if (name.equals(FEATURE_ID) || name.equals("FeatureOfInterest/@iot.id")) {
			return new Component(FEATURE_ID, null);
		}
		return EntityType.OBSERVATION.property(name)
			.map(property -> new Component(property.name(), property))
			.orElseThrow(() -> new QueryException("'" + name + "' in $select is not a component of an Observation: "
					+ "with $resultFormat=dataArray, $select names properties and " + FEATURE_ID, "$select"));
	}

	/** The options to read the page with: the selected properties, nothing expanded. */
	QueryOptions readOptions() {
		return readOptions;
	}

	void page(JsonGenerator json, Page page, String url) {
		Map<Long, List<EntityRow>> byDatastream = new LinkedHashMap<>();
		java.util.Set<Long> multi = new java.util.HashSet<>();
		for (EntityRow row : page.rows()) {
			byDatastream.computeIfAbsent(row.streamId(), id -> new ArrayList<>()).add(row);
			if (row.foreignKey("MultiDatastream") != null) {
				multi.add(row.streamId());
			}
		}
		json.writeStartObject();
		if (page.count() != null) {
			json.writeNumberProperty("@iot.count", page.count());
		}
		json.writeName("value");
		json.writeStartArray();
		byDatastream.forEach((datastream, rows) -> group(json,
				multi.contains(datastream) ? EntityType.MULTI_DATASTREAM : EntityType.DATASTREAM, datastream, rows));
		json.writeEndArray();
		if (page.hasMore()) {
			json.writeStringProperty("@iot.nextLink", out.nextLink(url, page));
		}
		json.writeEndObject();
	}

	private void group(JsonGenerator json, EntityType stream, long datastream, List<EntityRow> rows) {
		json.writeStartObject();
		json.writeStringProperty(stream.entityName() + "@iot.navigationLink", out.selfLink(stream, datastream));
		json.writeName("components");
		json.writeStartArray();
		for (Component component : components) {
			json.writeString(component.name());
		}
		json.writeEndArray();
		json.writeNumberProperty("dataArray@iot.count", rows.size());
		json.writeName("dataArray");
		json.writeStartArray();
		for (EntityRow row : rows) {
			json.writeStartArray();
			for (Component component : components) {
				if (component.property() == null) {
					Long feature = row.foreignKey("FeatureOfInterest");
					if (feature == null) {
						json.writeNull();
					}
					else {
						json.writeNumber(feature);
					}
				}
				else if (component.property().kind() == ValueKind.ID) {
					json.writeNumber(row.id());
				}
				else {
					EntityJson.value(json, row.value(component.name()));
				}
			}
			json.writeEndArray();
		}
		json.writeEndArray();
		json.writeEndObject();
	}

}
