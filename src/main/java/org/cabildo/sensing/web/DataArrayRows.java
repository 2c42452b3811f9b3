package org.cabildo.sensing.web;

import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

import org.cabildo.platform.ApiException;
import org.cabildo.sensing.model.EntityType;
import org.cabildo.sensing.write.InvalidEntityException;
import org.cabildo.sensing.write.NewObservation;
import org.cabildo.sensing.write.ObservationDrafts;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.JsonNodeFactory;
import tools.jackson.databind.node.ObjectNode;

/**
 * Reads a CreateObservations body (OGC 18-088, 14.4): groups of a Datastream (or of a
 * MultiDatastream, whose results are arrays), the names of
 * the {@code components}, and a {@code dataArray} of rows holding their values. Each row is
 * made into an Observation object and read with the same checks as any POSTed Observation;
 * a row that breaks them is refused with the reason and the JSON pointer of the fault, and
 * does not keep the others out. A body whose rows cannot even be counted is a 400.
 */
final class DataArrayRows {

	private static final JsonNodeFactory NODES = JsonNodeFactory.instance;

	private static final String FEATURE = "FeatureOfInterest";

	private static final Set<String> PROPERTIES = Set.of("phenomenonTime", "result", "resultTime", "resultQuality",
			"validTime", "parameters");

	private static final Set<String> GROUP_MEMBERS = Set.of("Datastream", "MultiDatastream", "components",
			"dataArray", "dataArray@iot.count");

	/**
	 * One observation of the request: the row to store, or why it is refused.
	 *
	 * @param pointer where the row stands in the body
	 * @param reason why it is refused, null when it is not
	 * @param at where the fault is: the row, one of its values, or the group's components
	 * @param featureAt where its FeatureOfInterest/id stands, null when it names none
	 */
	record Row(String pointer, NewObservation observation, String reason, String at, String featureAt) {

		static Row refused(String pointer, String reason, String at) {
			return new Row(pointer, null, reason, at, null);
		}

		Row refuse(String reason, String at) {
			return refused(pointer, reason, at);
		}

		boolean isRefused() {
			return observation == null;
		}

	}

	/** What every row of a group shares: its Datastream and the meaning of each value, or why the group is at fault. */
	private record Layout(EntityType stream, Long datastream, String[] keys, Map<String, Integer> positions,
			String fault, String faultAt) {

		static Layout faulty(String fault, String at) {
			return new Layout(null, null, null, null, fault, at);
		}

	}

	private DataArrayRows() {
	}

	/** @param now the phenomenonTime of rows that give none */
	static List<Row> read(JsonNode body, Instant now) {
		if (!body.isArray()) {
			throw ApiException.badRequest("a CreateObservations body is an array of groups, each "
					+ "{\"Datastream\": {\"@iot.id\": ...}, \"components\": [...], \"dataArray\": [[...], ...]}")
				.with("pointer", "");
		}
		List<Row> rows = new ArrayList<>();
		for (int g = 0; g < body.size(); g++) {
			String groupPointer = "/" + g;
			JsonNode group = body.get(g);
			if (!group.isObject()) {
				throw ApiException.badRequest("each group is a JSON object with Datastream, components and dataArray")
					.with("pointer", groupPointer);
			}
			JsonNode data = group.get("dataArray");
			if (data == null || !data.isArray()) {
				throw ApiException.badRequest("the group lacks its dataArray, an array of rows")
					.with("pointer", groupPointer + "/dataArray");
			}
			Layout layout = layout(group, groupPointer);
			String rowsPointer = groupPointer + "/dataArray/";
			for (int r = 0; r < data.size(); r++) {
				String pointer = rowsPointer + r;
				rows.add(layout.fault() != null ? Row.refused(pointer, layout.fault(), layout.faultAt())
						: row(layout, data.get(r), pointer, now));
			}
		}
		return rows;
	}

	private static Layout layout(JsonNode group, String pointer) {
		for (String member : group.propertyNames()) {
			if (!GROUP_MEMBERS.contains(member)) {
				return Layout.faulty("'" + member + "' is not a member of a group; a group has Datastream (or "
						+ "MultiDatastream), components and dataArray",
						pointer + "/" + member.replace("~", "~0").replace("/", "~1"));
			}
		}
		if (group.has("Datastream") && group.has("MultiDatastream")) {
			return Layout.faulty("a group names a Datastream or a MultiDatastream, not both",
					pointer + "/MultiDatastream");
		}
		EntityType stream = group.has("MultiDatastream") ? EntityType.MULTI_DATASTREAM : EntityType.DATASTREAM;
		String streamName = stream.entityName();
		JsonNode link = group.get(streamName);
		if (link == null) {
			return Layout.faulty("the group names no Datastream", pointer);
		}
		Long datastream = linkId(link);
		if (datastream == null) {
			return Layout.faulty("the " + streamName + " is named as {\"@iot.id\": n} with an integer n",
					pointer + "/" + streamName);
		}
		if (!ObservationIntake.mayExist(datastream)) {
			return Layout.faulty(streamName + " " + datastream + " does not exist", pointer + "/" + streamName);
		}
		JsonNode components = group.get("components");
		if (components == null || !components.isArray() || components.isEmpty()) {
			return Layout.faulty("the group lacks its components, an array of the names of the values in each row",
					pointer + "/components");
		}
		String[] keys = new String[components.size()];
		Map<String, Integer> positions = new HashMap<>();
		for (int c = 0; c < keys.length; c++) {
			String at = pointer + "/components/" + c;
			JsonNode component = components.get(c);
			String name = component.isString() ? component.asString() : null;
			if (name == null) {
				return Layout.faulty("components are names (strings)", at);
			}
			String key = name.equals(FEATURE + "/id") || name.equals(FEATURE + "/@iot.id") ? FEATURE : name;
			if (!key.equals(FEATURE) && !PROPERTIES.contains(key)) {
				return Layout.faulty("'" + name + "' is not a component of a new Observation; components are "
						+ "phenomenonTime, result, resultTime, resultQuality, validTime, parameters and "
						+ "FeatureOfInterest/id", at);
			}
			if (positions.putIfAbsent(key, c) != null) {
				return Layout.faulty("'" + name + "' is named twice", at);
			}
			keys[c] = key;
		}
		return new Layout(stream, datastream, keys, positions, null, null);
	}

	private static Row row(Layout layout, JsonNode values, String pointer, Instant now) {
		String[] keys = layout.keys();
		if (!values.isArray()) {
			return Row.refused(pointer, "a row is an array of values in the order of the components", pointer);
		}
		if (values.size() != keys.length) {
			return Row.refused(pointer, "the row has " + values.size() + " values for " + keys.length + " components",
					pointer);
		}
		ObjectNode observation = NODES.objectNode();
		String featureAt = null;
		for (int c = 0; c < keys.length; c++) {
			JsonNode value = values.get(c);
			if (keys[c].equals(FEATURE)) {
				// null: the feature made from the Location of the Datastream's Thing, as when none is named
				if (!value.isNull()) {
					observation.set(FEATURE, NODES.objectNode().set("@iot.id", value));
					featureAt = pointer + "/" + c;
				}
			}
			else {
				observation.set(keys[c], value);
			}
		}
		try {
			Optional<NewObservation> read = ObservationDrafts.read(observation, layout.stream(), layout.datastream(), now,
					pointer);
			if (read.isEmpty()) {
				return Row.refused(pointer, "a row creates no other entity", pointer);
			}
			return new Row(pointer, read.get(), null, null, featureAt);
		}
		catch (InvalidEntityException e) {
			String at = String.valueOf(e.details().getOrDefault("pointer", pointer));
			return Row.refused(pointer, reason(e, at), component(layout, pointer, at));
		}
	}

	/** The message without the pointer it ends with; the pointer is given apart. */
	private static String reason(InvalidEntityException e, String at) {
		String message = e.getMessage();
		String suffix = " at " + at;
		return message.endsWith(suffix) ? message.substring(0, message.length() - suffix.length()) : message;
	}

	/**
	 * A fault inside the made-up object ({@code /0/dataArray/3/phenomenonTime}) is at the value
	 * of the row ({@code /0/dataArray/3/0}).
	 */
	private static String component(Layout layout, String pointer, String at) {
		if (!at.startsWith(pointer + "/")) {
			return at;
		}
		String rest = at.substring(pointer.length() + 1);
		int slash = rest.indexOf('/');
		Integer position = layout.positions().get(slash < 0 ? rest : rest.substring(0, slash));
		return position == null ? at : pointer + "/" + position;
	}

	private static Long linkId(JsonNode link) {
		JsonNode id = link.isObject() && link.size() == 1 ? link.get("@iot.id") : null;
		if (id == null) {
			return null;
		}
		if (id.isIntegralNumber() && id.canConvertToLong()) {
			return id.asLong();
		}
		if (id.isString()) {
			try {
				return Long.parseLong(id.asString());
			}
			catch (NumberFormatException e) {
				return null;
			}
		}
		return null;
	}

}
