package org.cabildo.sensing.write;

import java.math.BigDecimal;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.cabildo.sensing.geo.GeoJson;
import org.cabildo.sensing.model.EntityType;
import org.cabildo.sensing.model.Navigation;
import org.cabildo.sensing.model.Property;
import org.cabildo.sensing.model.ValueKind;
import org.cabildo.sensing.store.RawJson;
import org.cabildo.sensing.time.TimeValue;
import org.cabildo.sensing.time.TimeWithoutOffset;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Reads an entity from a request body and checks it against the model: known properties of
 * the right JSON type, times in ISO 8601, GeoJSON that parses, links by {@code @iot.id}.
 */
public final class DraftReader {

	/** What the body is for: a create carries every required property; updates only link. */
	public enum Mode {
		CREATE, PATCH, PUT
	}

	/** Locations and features in these encodings must hold GeoJSON. */
	static final Set<String> GEOJSON_ENCODINGS = Set.of("application/geo+json", "application/vnd.geo+json");

	private static final BigDecimal LARGEST_EXACT_INTEGER = BigDecimal.valueOf(1L << 53);

	private final Mode mode;

	private DraftReader(Mode mode) {
		this.mode = mode;
	}

	public static Draft read(EntityType type, JsonNode body, Mode mode) {
		return read(type, body, mode, "");
	}

	/** Reads an entity that stands at {@code pointer} of a larger body. */
	public static Draft read(EntityType type, JsonNode body, Mode mode, String pointer) {
		return new DraftReader(mode).entity(type, body, pointer, true);
	}

	private Draft entity(EntityType type, JsonNode node, String pointer, boolean topLevel) {
		if (node == null || !node.isObject()) {
			throw new InvalidEntityException("expected a JSON object for a " + type.entityName(), pointer);
		}
		JsonNode id = node.get("@iot.id");
		if (!topLevel && id != null && node.size() == 1) {
			return Draft.link(type, pointer, id(id, pointer + "/@iot.id"));
		}
		if (!topLevel && mode != Mode.CREATE) {
			throw new InvalidEntityException("an update may only link related entities by {\"@iot.id\": ...}, "
					+ "not create them", pointer);
		}
		Map<String, Object> values = new LinkedHashMap<>();
		Map<String, List<Draft>> related = new LinkedHashMap<>();
		Map<String, String> unzoned = new LinkedHashMap<>();
		for (Map.Entry<String, JsonNode> field : node.properties()) {
			String name = field.getKey();
			JsonNode value = field.getValue();
			String at = pointer + "/" + name.replace("~", "~0").replace("/", "~1");
			if (name.startsWith("@iot.") || name.endsWith("@iot.navigationLink") || name.endsWith("@iot.count")
					|| name.endsWith("@iot.nextLink")) {
				continue;
			}
			var property = type.property(name);
			if (property.isPresent()) {
				Property p = property.get();
				if (p.computed() || name.equals("id")) {
					continue;
				}
				try {
					values.put(name, value(p, value, at));
				}
				catch (TimeWithoutOffset e) {
					// Only a new Observation's stream can say its times are local, once it is known.
					if (type != EntityType.OBSERVATION || mode != Mode.CREATE) {
						throw new InvalidEntityException(e.getMessage(), at);
					}
					values.put(name, p.kind() == ValueKind.INSTANT ? TimeValue.parse(value.asString(), ZoneOffset.UTC).start()
							: TimeValue.parse(value.asString(), ZoneOffset.UTC));
					unzoned.put(name, value.asString());
				}
				continue;
			}
			var navigation = type.navigation(name);
			if (navigation.isEmpty()) {
				throw new InvalidEntityException("'" + name + "' is not a property of " + type.entityName(), at);
			}
			related.put(name, relations(navigation.get(), value, at));
		}
		checkGeometry(type, values, pointer);
		if (mode != Mode.PATCH) {
			for (Property p : type.properties()) {
				if (p.required() && !p.computed() && !values.containsKey(p.name())) {
					throw new InvalidEntityException("the " + type.entityName() + " lacks the required property '"
							+ p.name() + "'", pointer.isEmpty() ? "/" : pointer);
				}
			}
		}
		return new Draft(type, pointer, null, values, related, unzoned);
	}

	private List<Draft> relations(Navigation navigation, JsonNode value, String pointer) {
		List<Draft> drafts = new ArrayList<>();
		if (navigation.toMany()) {
			if (!value.isArray()) {
				throw new InvalidEntityException("'" + navigation.name() + "' must be an array", pointer);
			}
			for (int i = 0; i < value.size(); i++) {
				drafts.add(entity(navigation.target(), value.get(i), pointer + "/" + i, false));
			}
		}
		else {
			drafts.add(entity(navigation.target(), value, pointer, false));
		}
		return drafts;
	}

	private Object value(Property property, JsonNode value, String pointer) {
		if (value.isNull()) {
			if ((property.required() || property.kind() == ValueKind.INSTANT_OR_INTERVAL)
					&& property.kind() != ValueKind.RESULT) {
				throw new InvalidEntityException("'" + property.name() + "' must not be null", pointer);
			}
			return null;
		}
		return switch (property.kind()) {
			case TEXT -> {
				if (!value.isString()) {
					throw new InvalidEntityException("'" + property.name() + "' must be a string", pointer);
				}
				yield value.asString();
			}
			case JSON -> {
				boolean mustBeObject = property.name().equals("properties") || property.name().equals("parameters")
						|| property.name().equals("unitOfMeasurement");
				if (mustBeObject && !value.isObject()) {
					throw new InvalidEntityException("'" + property.name() + "' must be a JSON object", pointer);
				}
				// A MultiDatastream's, one per ObservedProperty (OGC 18-088, 14.4).
				if (property.name().equals("unitOfMeasurements") && !arrayOf(value, JsonNode::isObject)) {
					throw new InvalidEntityException("'unitOfMeasurements' must be an array of JSON objects, the unit of"
							+ " each ObservedProperty in their order", pointer);
				}
				if (property.name().equals("multiObservationDataTypes") && !arrayOf(value, JsonNode::isString)) {
					throw new InvalidEntityException("'multiObservationDataTypes' must be an array of strings, the"
							+ " observation type of each ObservedProperty in their order", pointer);
				}
				yield new RawJson(value.toString());
			}
			case GEOMETRY -> {
				if (!value.isObject()) {
					throw new InvalidEntityException("'" + property.name() + "' must be a GeoJSON object", pointer);
				}
				yield new RawJson(value.toString());
			}
			case INSTANT -> time(value, pointer, false).start();
			case INTERVAL -> {
				TimeValue time = time(value, pointer, true);
				if (!time.isInterval()) {
					throw new InvalidEntityException("'" + property.name() + "' must be an interval start/end", pointer);
				}
				yield time;
			}
			case INSTANT_OR_INTERVAL -> time(value, pointer, true);
			case RESULT -> result(value);
			case ID -> throw new IllegalStateException("ids are never written");
		};
	}

	private static boolean arrayOf(JsonNode value, java.util.function.Predicate<JsonNode> member) {
		if (!value.isArray()) {
			return false;
		}
		for (JsonNode item : value) {
			if (!member.test(item)) {
				return false;
			}
		}
		return true;
	}

	private TimeValue time(JsonNode value, String pointer, boolean intervalAllowed) {
		if (!value.isString()) {
			throw new InvalidEntityException("expected an ISO 8601 time as a string", pointer);
		}
		try {
			TimeValue time = TimeValue.parse(value.asString());
			if (outOfRange(time.start()) || (time.end() != null && outOfRange(time.end()))) {
				throw new InvalidEntityException("times must lie between the years 1 and 9999", pointer);
			}
			if (time.isInterval() && !intervalAllowed) {
				throw new InvalidEntityException("expected a time instant, not an interval", pointer);
			}
			return time;
		}
		catch (TimeWithoutOffset e) {
			throw e;
		}
		catch (IllegalArgumentException e) {
			throw new InvalidEntityException(e.getMessage(), pointer);
		}
	}

	private static boolean outOfRange(java.time.Instant instant) {
		int year = instant.atOffset(java.time.ZoneOffset.UTC).getYear();
		return year < 1 || year > 9999;
	}

	/** Numbers that a double holds exactly enough are stored as numbers; all else as JSON. */
	static Object result(JsonNode value) {
		if (value.isNumber()) {
			BigDecimal decimal = value.decimalValue();
			double number = decimal.doubleValue();
			boolean integral = value.isIntegralNumber() || value.isBigInteger();
			if (Double.isFinite(number) && (!integral || decimal.abs().compareTo(LARGEST_EXACT_INTEGER) <= 0)) {
				return number;
			}
		}
		return new RawJson(value.toString());
	}

	private void checkGeometry(EntityType type, Map<String, Object> values, String pointer) {
		String geometryProperty = type == EntityType.LOCATION ? "location"
				: type == EntityType.FEATURE_OF_INTEREST ? "feature" : null;
		if (geometryProperty == null || !(values.get(geometryProperty) instanceof RawJson json)) {
			return;
		}
		Object encoding = values.get("encodingType");
		if (encoding != null && !GEOJSON_ENCODINGS.contains(encoding)) {
			return;
		}
		try {
			GeoJson.read(JsonMapper.shared().readTree(json.text()));
		}
		catch (IllegalArgumentException e) {
			throw new InvalidEntityException("invalid GeoJSON: " + e.getMessage(), pointer + "/" + geometryProperty);
		}
	}

	private static long id(JsonNode id, String pointer) {
		if (id.isIntegralNumber() && id.canConvertToLong()) {
			return id.asLong();
		}
		if (id.isString()) {
			try {
				return Long.parseLong(id.asString());
			}
			catch (NumberFormatException ignored) {
				// reported below
			}
		}
		throw new InvalidEntityException("@iot.id must be an integer", pointer);
	}

}
