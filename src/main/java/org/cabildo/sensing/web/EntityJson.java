package org.cabildo.sensing.web;

import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Collections;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.StringJoiner;

import org.cabildo.sensing.model.EntityType;
import org.cabildo.sensing.model.Navigation;
import org.cabildo.sensing.model.Property;
import org.cabildo.sensing.model.ValueKind;
import org.cabildo.sensing.query.QueryOptions;
import org.cabildo.sensing.query.QueryOptions.Expand;
import org.cabildo.sensing.store.EntityRow;
import org.cabildo.sensing.store.Page;
import org.cabildo.sensing.store.RawJson;
import org.cabildo.sensing.store.Selection;
import org.cabildo.sensing.time.TimeValue;
import org.cabildo.sensing.write.NewObservation;
import org.springframework.web.util.UriUtils;

import tools.jackson.core.JsonGenerator;

/** Writes entities, collections and links in the SensorThings JSON encoding, straight to the response. */
final class EntityJson {

	static final double LARGEST_EXACT_INTEGER = 9007199254740992d;

	private final Version version;

	private final String baseUrl;

	private final String serviceRoot;

	/** The request's parameters other than the system query options, which every next link carries on. */
	private final Map<String, String> carried;

	EntityJson(Version version, String baseUrl) {
		this(version, baseUrl, Map.of());
	}

	EntityJson(Version version, String baseUrl, Map<String, String> carried) {
		this.version = version;
		this.baseUrl = baseUrl;
		this.serviceRoot = baseUrl + "/" + version.path();
		this.carried = Collections.unmodifiableMap(new LinkedHashMap<>(carried));
	}

	Version version() {
		return version;
	}

	/** The address the platform is reached at, before the version. */
	String baseUrl() {
		return baseUrl;
	}

	String serviceRoot() {
		return serviceRoot;
	}

	String selfLink(EntityType type, long id) {
		return serviceRoot + "/" + type.setName() + "(" + id + ")";
	}

	/** A collection page; {@code url} is the collection's address, for the next link. */
	void page(JsonGenerator json, EntityType type, Page page, String url) {
		json.writeStartObject();
		if (page.count() != null) {
			json.writeNumberProperty("@iot.count", page.count());
		}
		json.writeName("value");
		json.writeStartArray();
		Selection selection = Selection.of(type, page.options().select(), "$select");
		for (EntityRow row : page.rows()) {
			entity(json, row, selection, page.options());
		}
		json.writeEndArray();
		if (page.hasMore()) {
			json.writeStringProperty("@iot.nextLink", nextLink(url, page));
		}
		json.writeEndObject();
	}

	void entity(JsonGenerator json, EntityRow row, QueryOptions options) {
		entity(json, row, Selection.of(row.type(), options.select(), "$select"), options);
	}

	private void entity(JsonGenerator json, EntityRow row, Selection selection, QueryOptions options) {
		json.writeStartObject();
		String self = selfLink(row.type(), row.id());
		if (selection.id()) {
			json.writeNumberProperty("@iot.id", row.id());
		}
		if (selection.selfLink()) {
			json.writeStringProperty("@iot.selfLink", self);
		}
		for (Property property : selection.properties()) {
			if (property.kind() != ValueKind.ID && version.shows(property) && row.has(property.name())) {
				Object value = row.value(property.name());
				if (value != null || alwaysShown(row.type(), property)) {
					json.writeName(property.name());
					value(json, value);
				}
			}
		}
		for (Navigation navigation : row.type().navigations()) {
			if (row.expanded().containsKey(navigation.name())) {
				expanded(json, navigation, row.expanded().get(navigation.name()), options, self);
			}
			if (selection.includes(navigation) && (navigation.linked() || !selection.all())
					&& (navigation.toMany() || row.foreignKey(navigation.name()) != null)) {
				json.writeStringProperty(navigation.name() + "@iot.navigationLink", self + "/" + navigation.name());
			}
		}
		json.writeEndObject();
	}

	/**
	 * An Observation just stored, written from what was stored instead of read back, as a GET
	 * of it returns it (times to the nearest microsecond, as the databases keep them), save that
	 * a JSON value keeps the member order it was sent with.
	 */
	void observation(JsonGenerator json, long id, NewObservation stored) {
		Map<String, Object> values = new HashMap<>();
		values.put("phenomenonTime", micros(stored.phenomenonTime()));
		values.put("resultTime", micros(stored.resultTime()));
		values.put("result", stored.result());
		values.put("resultQuality", stored.resultQuality());
		values.put("validTime", micros(stored.validTime()));
		values.put("parameters", stored.parameters());
		String self = selfLink(EntityType.OBSERVATION, id);
		json.writeStartObject();
		json.writeNumberProperty("@iot.id", id);
		json.writeStringProperty("@iot.selfLink", self);
		for (Property property : EntityType.OBSERVATION.properties()) {
			Object value = values.get(property.name());
			if (property.kind() != ValueKind.ID && version.shows(property)
					&& (value != null || alwaysShown(EntityType.OBSERVATION, property))) {
				json.writeName(property.name());
				value(json, value);
			}
		}
		for (Navigation navigation : EntityType.OBSERVATION.navigations()) {
			// Its Datastream or its MultiDatastream, whichever it belongs to, and its FeatureOfInterest.
			if (navigation.target() == EntityType.FEATURE_OF_INTEREST || navigation.target() == stored.stream()) {
				json.writeStringProperty(navigation.name() + "@iot.navigationLink", self + "/" + navigation.name());
			}
		}
		json.writeEndObject();
	}

	/** To the nearest microsecond, as both databases store times. */
	private static Instant micros(Instant instant) {
		if (instant == null) {
			return null;
		}
		Instant truncated = instant.truncatedTo(ChronoUnit.MICROS);
		return instant.getNano() % 1000 >= 500 ? truncated.plusNanos(1000) : truncated;
	}

	private static TimeValue micros(TimeValue time) {
		return time == null ? null : new TimeValue(micros(time.start()), micros(time.end()));
	}

	/**
	 * Optional properties without a value are left out; mandatory ones are written as null,
	 * as is an Observation's resultTime, which the standard lists even when unknown.
	 */
	private static boolean alwaysShown(EntityType type, Property property) {
		return property.required() || (type == EntityType.OBSERVATION && property.name().equals("resultTime"));
	}

	private void expanded(JsonGenerator json, Navigation navigation, Object value, QueryOptions options, String self) {
		QueryOptions inner = options.expand()
			.stream()
			.filter(e -> e.navigation().equals(navigation.name()))
			.map(Expand::options)
			.findFirst()
			.orElse(QueryOptions.NONE);
		if (value instanceof Page page) {
			if (page.count() != null) {
				json.writeNumberProperty(navigation.name() + "@iot.count", page.count());
			}
			json.writeName(navigation.name());
			json.writeStartArray();
			Selection selection = Selection.of(navigation.target(), inner.select(), "$select");
			for (EntityRow row : page.rows()) {
				entity(json, row, selection, inner);
			}
			json.writeEndArray();
			if (page.hasMore()) {
				json.writeStringProperty(navigation.name() + "@iot.nextLink",
						nextLink(self + "/" + navigation.name(), page));
			}
		}
		else {
			json.writeName(navigation.name());
			if (value == null) {
				json.writeNull();
			}
			else {
				entity(json, (EntityRow) value, inner);
			}
		}
	}

	/**
	 * The same request for the following page: {@code $skip} moved on past this page's entities
	 * (fewer than {@code $top} when the page ended early to stay within the request's budget),
	 * and the request's other parameters, its purpose among them, so that a client following the
	 * links reads every page as it read the first.
	 */
	String nextLink(String url, Page page) {
		Map<String, String> options = new LinkedHashMap<>(page.options().raw());
		options.put("$top", Integer.toString(page.top()));
		options.put("$skip", Integer.toString(page.options().skip() + page.rows().size()));
		carried.forEach(options::putIfAbsent);
		StringJoiner query = new StringJoiner("&");
		options.forEach((name, value) -> query.add(queryParameter(name) + "=" + queryParameter(value)));
		return url + "?" + query;
	}

	/** Encoded for a query string; a '+' too, which servers read as a space there (a time's +02:00 would break). */
	private static String queryParameter(String text) {
		return UriUtils.encodeQueryParam(text, java.nio.charset.StandardCharsets.UTF_8).replace("+", "%2B");
	}

	static void value(JsonGenerator json, Object value) {
		switch (value) {
			case null -> json.writeNull();
			case String text -> json.writeString(text);
			case RawJson raw -> json.writeRawValue(raw.text());
			case Instant instant -> json.writeString(TimeValue.format(instant));
			case TimeValue time -> json.writeString(time.toString());
			case Double number -> number(json, number);
			case Long number -> json.writeNumber(number);
			default -> json.writeString(value.toString());
		}
	}

	/** Whole numbers are written without a fraction, as clients sent them. */
	static void number(JsonGenerator json, double number) {
		if (number == Math.rint(number) && Math.abs(number) <= LARGEST_EXACT_INTEGER) {
			json.writeNumber((long) number);
		}
		else {
			json.writeNumber(number);
		}
	}

}
