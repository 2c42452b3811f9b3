package org.cabildo.sensing.web;

import java.io.ByteArrayOutputStream;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;

import org.cabildo.platform.JsonText;
import org.cabildo.sensing.model.EntityType;
import org.cabildo.sensing.model.Navigation;
import org.cabildo.sensing.model.Property;
import org.cabildo.sensing.model.ValueKind;
import org.cabildo.sensing.query.QueryOptions;
import org.cabildo.sensing.store.EntityRow;
import org.cabildo.sensing.store.Selection;
import org.cabildo.sensing.write.NewObservation;

import tools.jackson.core.JsonGenerator;
import tools.jackson.databind.json.JsonMapper;

/**
 * Entities in the SensorThings JSON encoding as messages outside an HTTP response (the MQTT
 * extension): the same representation a GET returns, with links under a fixed base URL.
 */
public final class EntityMessages {

	private final JsonMapper mapper = JsonText.writer();

	private final String baseUrl;

	/** @param baseUrl the public address of the platform, before {@code /v1.1} */
	public EntityMessages(String baseUrl) {
		this.baseUrl = baseUrl;
	}

	/**
	 * An entity as read, restricted to {@code select} (all when empty).
	 *
	 * @param version {@code v1.0} or {@code v1.1}
	 * @throws org.cabildo.sensing.query.QueryException when {@code select} names what the type lacks
	 */
	public byte[] entity(String version, EntityRow row, List<String> select) {
		EntityJson out = new EntityJson(Version.of(version), baseUrl);
		QueryOptions options = select.isEmpty() ? QueryOptions.NONE : new QueryOptions(null, List.of(), null, 0, false,
				select, List.of(), null, Map.of());
		return write(json -> out.entity(json, row, options));
	}

	/** One property of an entity, as {@code {"name": value}}. */
	public byte[] property(EntityRow row, String property) {
		return write(json -> {
			json.writeStartObject();
			json.writeName(property);
			EntityJson.value(json, row.value(property));
			json.writeEndObject();
		});
	}

	/**
	 * An Observation just stored, written from what was stored rather than read back, so that
	 * announcing a city's stream of readings costs no query. The same representation as
	 * {@link #entity} gives.
	 */
	public byte[] observation(String version, long id, NewObservation observation, List<String> select) {
		Version shown = Version.of(version);
		EntityJson out = new EntityJson(shown, baseUrl);
		Selection selection = Selection.of(EntityType.OBSERVATION, select, "$select");
		return write(json -> {
			json.writeStartObject();
			String self = out.selfLink(EntityType.OBSERVATION, id);
			if (selection.id()) {
				json.writeNumberProperty("@iot.id", id);
			}
			if (selection.selfLink()) {
				json.writeStringProperty("@iot.selfLink", self);
			}
			for (Property property : selection.properties()) {
				Object value = value(observation, property.name());
				if (property.kind() != ValueKind.ID && shown.shows(property)
						&& (value != null || property.required() || property.name().equals("resultTime"))) {
					json.writeName(property.name());
					EntityJson.value(json, value);
				}
			}
			for (Navigation navigation : EntityType.OBSERVATION.navigations()) {
				// Its Datastream or its MultiDatastream, whichever it belongs to, as a GET shows it.
				boolean its = navigation.target() == EntityType.FEATURE_OF_INTEREST
						|| navigation.target() == observation.stream();
				if (selection.includes(navigation) && its) {
					json.writeStringProperty(navigation.name() + "@iot.navigationLink", self + "/" + navigation.name());
				}
			}
			json.writeEndObject();
		});
	}

	private static Object value(NewObservation observation, String property) {
		return switch (property) {
			case "phenomenonTime" -> observation.phenomenonTime();
			case "resultTime" -> observation.resultTime();
			case "result" -> observation.result();
			case "resultQuality" -> observation.resultQuality();
			case "validTime" -> observation.validTime();
			case "parameters" -> observation.parameters();
			default -> null;
		};
	}

	private byte[] write(Consumer<JsonGenerator> body) {
		ByteArrayOutputStream bytes = new ByteArrayOutputStream(256);
		try (JsonGenerator generator = mapper.createGenerator(bytes)) {
			body.accept(generator);
		}
		return bytes.toByteArray();
	}

}
