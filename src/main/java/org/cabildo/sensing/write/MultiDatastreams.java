package org.cabildo.sensing.write;

import java.util.List;
import java.util.Map;

import org.cabildo.sensing.model.Navigation;
import org.cabildo.sensing.model.Navigation.Link;
import org.cabildo.sensing.store.RawJson;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * The rules of a MultiDatastream's shape (OGC 18-088, 14.4): as many ObservedProperties, in a
 * fixed order, as units of measurement and data types, and Observations whose result is an
 * array of that many values. Its ObservedProperties are set when it is created.
 */
@Component
class MultiDatastreams {

	static final String COMPLEX_OBSERVATION = "http://www.opengis.net/def/observationType/OGC-OM/2.0/OM_ComplexObservation";

	private static final String LINKS = "multi_datastream_observed_properties";

	private final JdbcClient jdbc;

	MultiDatastreams(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	/** Whether a navigation is the ordered link of MultiDatastreams and their ObservedProperties (either way). */
	static boolean isComponentLink(Navigation navigation) {
		return navigation.link() instanceof Link.LinkTable table && table.table().equals(LINKS);
	}

	/** A link added later would make the MultiDatastream's Observations mean something else: refused. */
	static void refuseLaterComponents(Navigation navigation) {
		if (isComponentLink(navigation)) {
			throw new InvalidEntityException("the ObservedProperties of a MultiDatastream are given, in order, when it is"
					+ " created, and cannot be added to it later", "/" + navigation.name());
		}
	}

	/** A MultiDatastream's observationType is OM_ComplexObservation; any other is refused. */
	static void requireComplexObservations(Map<String, Object> values, String pointer) {
		Object type = values.get("observationType");
		if (values.containsKey("observationType") && type != null && !COMPLEX_OBSERVATION.equals(type)) {
			throw new InvalidEntityException("the observationType of a MultiDatastream is " + COMPLEX_OBSERVATION,
					pointer.equals("/") || pointer.isEmpty() ? "/observationType" : pointer + "/observationType");
		}
	}

	/** Links a new MultiDatastream to its ObservedProperties, in order; each may be named once. */
	void link(long multiDatastream, List<Long> observedProperties, String pointer) {
		for (int i = 0; i < observedProperties.size(); i++) {
			long observedProperty = observedProperties.get(i);
			if (observedProperties.subList(0, i).contains(observedProperty)) {
				throw new InvalidEntityException("ObservedProperty " + observedProperty + " is named twice; each value of a"
						+ " MultiDatastream's results is of a different ObservedProperty", at(pointer, "ObservedProperties/" + i));
			}
			jdbc.sql("INSERT INTO " + LINKS + " (datastream_id, observed_property_id, component_index) VALUES (?, ?, ?)")
				.params(multiDatastream, observedProperty, i)
				.update();
		}
	}

	/** Refuses a MultiDatastream whose ObservedProperties, units and data types do not match one for one. */
	void requireShape(long multiDatastream, String pointer) {
		int components = components(multiDatastream);
		record Arrays(String units, String types) {
		}
		Arrays arrays = jdbc.sql("SELECT unit_of_measurements, multi_observation_data_types FROM streams WHERE id = ?")
			.param(multiDatastream)
			.query((rs, n) -> new Arrays(rs.getString(1), rs.getString(2)))
			.single();
		if (components == 0) {
			throw new InvalidEntityException("a MultiDatastream needs its ObservedProperties, one per value of its results",
					at(pointer, "ObservedProperties"));
		}
		requireLength(arrays.units(), "unitOfMeasurements", components, pointer);
		requireLength(arrays.types(), "multiObservationDataTypes", components, pointer);
	}

	private static void requireLength(String json, String property, int components, String pointer) {
		JsonNode array = JsonMapper.shared().readTree(json);
		if (array.size() != components) {
			throw new InvalidEntityException("a MultiDatastream has as many " + property + " as ObservedProperties, one"
					+ " for each in their order: " + array.size() + " for " + components + " ObservedProperties",
					at(pointer, property));
		}
	}

	/** Refuses an Observation of a MultiDatastream whose result does not fit it (after a change). */
	void requireResultFits(long observation, String pointer) {
		record Stored(long stream, boolean multi, Double number, String json) {
		}
		Stored stored = jdbc.sql("SELECT o.datastream_id, s.multi, o.result_number, o.result_json FROM observations o"
				+ " JOIN streams s ON s.id = o.datastream_id WHERE o.id = ?")
			.param(observation)
			.query((rs, n) -> {
				long stream = rs.getLong(1);
				boolean multi = rs.getBoolean(2);
				double number = rs.getDouble(3);
				Double result = rs.wasNull() ? null : number;
				return new Stored(stream, multi, result, rs.getString(4));
			})
			.optional()
			.orElse(null);
		if (stored == null || !stored.multi()) {
			return;
		}
		Object result = stored.number() != null ? stored.number() : stored.json() == null ? null : new RawJson(stored.json());
		MultiResults.refusal(stored.stream(), components(stored.stream()), result).ifPresent(reason -> {
			throw new InvalidEntityException(reason, pointer.isEmpty() ? "/" : pointer);
		});
	}

	/** The MultiDatastreams an ObservedProperty is one of the components of. */
	List<Long> of(long observedProperty) {
		return jdbc.sql("SELECT datastream_id FROM " + LINKS + " WHERE observed_property_id = ?")
			.param(observedProperty)
			.query(Long.class)
			.list();
	}

	private int components(long multiDatastream) {
		return jdbc.sql("SELECT COUNT(*) FROM " + LINKS + " WHERE datastream_id = ?")
			.param(multiDatastream)
			.query(Integer.class)
			.single();
	}

	private static String at(String pointer, String member) {
		return (pointer.equals("/") ? "" : pointer) + "/" + member;
	}

}
