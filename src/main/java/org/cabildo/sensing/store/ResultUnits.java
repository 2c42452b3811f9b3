package org.cabildo.sensing.store;

import static org.cabildo.sensing.sql.SqlFragment.bind;
import static org.cabildo.sensing.sql.SqlFragment.concat;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

import org.cabildo.platform.ApiException;
import org.cabildo.sensing.model.EntityType;
import org.cabildo.sensing.sql.Dialect;
import org.cabildo.sensing.sql.SqlFragment;
import org.cabildo.sensing.units.AskedUnit;
import org.cabildo.sensing.units.Conversion;
import org.cabildo.sensing.units.Gas;
import org.cabildo.sensing.units.UnitChange;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ObjectNode;

/**
 * Gives an answer's results in the unit the read asked for: every Observation's numeric result,
 * at any {@code $expand} level, is converted by its Datastream's {@link UnitChange}, and every
 * Datastream in the answer whose unit converts shows the asked unit as its unitOfMeasurement.
 * <p>
 * A read that returns results of a stream whose unit does not convert is refused (400) naming
 * the stream, its unit and the asked one, rather than answered with numbers in two units. So is
 * a MultiDatastream's result: an array of several units, which one asked unit cannot fit.
 * Results that are not numbers are left as they are. What it reads is one lookup of the answer's
 * streams, so its work is bounded by the rows the answer already holds.
 */
@Component
public class ResultUnits {

	private final JdbcClient jdbc;

	private final Dialect dialect;

	private final JsonMapper json = JsonMapper.shared();

	ResultUnits(ReadStatements statements, Dialect dialect) {
		this.jdbc = statements.jdbc();
		this.dialect = dialect;
	}

	/** A stream's unit symbol (null for a MultiDatastream), and the gas its ObservedProperty is, if any. */
	private record StreamUnit(boolean multi, String symbol, Optional<Gas> gas) {
	}

	public void convert(Page page, AskedUnit unit) {
		convert(page.rows(), unit);
	}

	public void convert(List<EntityRow> rows, AskedUnit unit) {
		List<EntityRow> observations = new ArrayList<>();
		List<EntityRow> datastreams = new ArrayList<>();
		collect(rows, observations, datastreams);
		Set<Long> ids = new LinkedHashSet<>();
		observations.forEach(row -> ids.add(row.streamId()));
		datastreams.forEach(row -> ids.add(row.id()));
		ids.remove(null);
		if (ids.isEmpty()) {
			return;
		}
		Map<Long, StreamUnit> streams = streams(ids);
		Map<Long, UnitChange> changes = new HashMap<>();
		for (EntityRow observation : observations) {
			Long stream = observation.streamId();
			StreamUnit of = stream == null ? null : streams.get(stream);
			if (of == null) {
				continue;
			}
			if (of.multi()) {
				throw ApiException.badRequest("MultiDatastream " + stream + " has results of several units, which "
						+ "cannot all be given in '" + unit.symbol() + "'; unit= converts the results of Datastreams")
					.with("option", AskedUnit.OPTION)
					.with("multiDatastream", stream);
			}
			UnitChange change = changes.computeIfAbsent(stream, id -> unit.from(of.symbol(), of.gas()));
			switch (change) {
				case UnitChange.Impossible impossible -> throw ApiException
					.badRequest("the results of Datastream " + stream + " in '" + of.symbol()
							+ "' cannot be given in '" + unit.symbol() + "': " + impossible.reason())
					.with("option", AskedUnit.OPTION)
					.with("datastream", stream)
					.with("datastreamUnit", of.symbol())
					.with("askedUnit", unit.symbol());
				case UnitChange.Possible possible -> {
					if (observation.value("result") instanceof Double number) {
						observation.put("result", possible.conversion().apply(number));
					}
				}
			}
		}
		for (EntityRow datastream : datastreams) {
			StreamUnit of = streams.get(datastream.id());
			if (of != null && changes.computeIfAbsent(datastream.id(),
					id -> unit.from(of.symbol(), of.gas())) instanceof UnitChange.Possible) {
				datastream.put("unitOfMeasurement", shown(unit));
			}
		}
	}

	/**
	 * The Datastreams whose results convert to the asked unit, grouped by their conversion: those of
	 * one Datastream when {@code datastream} is given, else every Datastream the reader may read
	 * (one lookup of the streams, not of their Observations), for a {@code $filter} on results to
	 * compare in the unit.
	 *
	 * @param hidden the Datastreams whose Observations the reader may not read: no filter reaches
	 *        them, so they are not looked up
	 */
	public Map<Conversion, List<Long>> convertible(Long datastream, AskedUnit unit, Set<Long> hidden) {
		SqlFragment sql = concat("SELECT s.id, s.multi, s.unit_of_measurement, p.name, p.definition, p.properties"
				+ " FROM streams s LEFT JOIN observed_properties p ON p.id = s.observed_property_id WHERE NOT s.multi",
				datastream == null ? SqlFragment.EMPTY : concat(" AND s.id = ", bind(datastream)),
				hidden.isEmpty() ? SqlFragment.EMPTY : concat(" AND NOT s.id = ANY(",
						bind(dialect.idArray(hidden.stream().mapToLong(Long::longValue).toArray())), ")"),
				" ORDER BY s.id");
		Map<Long, StreamUnit> streams = new HashMap<>();
		jdbc.sql(sql.text()).params(sql.parameters()).query(rs -> {
			streams.put(rs.getLong(1), streamUnit(rs));
		});
		Map<Conversion, List<Long>> groups = new java.util.LinkedHashMap<>();
		streams.forEach((id, of) -> {
			if (unit.from(of.symbol(), of.gas()) instanceof UnitChange.Possible possible) {
				groups.computeIfAbsent(possible.conversion(), c -> new ArrayList<>()).add(id);
			}
		});
		groups.values().forEach(ids -> ids.sort(null));
		return groups;
	}

	/** The asked unit as a unitOfMeasurement: named as the units library writes it, defined by UCUM. */
	private RawJson shown(AskedUnit unit) {
		ObjectNode shown = json.createObjectNode();
		shown.put("name", unit.unit().toString());
		shown.put("symbol", unit.symbol());
		shown.put("definition", "https://ucum.org/ucum");
		return new RawJson(shown.toString());
	}

	/** The Observations whose result is in the answer and the Datastreams whose unit is, at every level. */
	private static void collect(List<EntityRow> rows, List<EntityRow> observations, List<EntityRow> datastreams) {
		for (EntityRow row : rows) {
			if (row.type() == EntityType.OBSERVATION && row.has("result")) {
				observations.add(row);
			}
			if (row.type() == EntityType.DATASTREAM && row.has("unitOfMeasurement")) {
				datastreams.add(row);
			}
			for (Object expanded : row.expanded().values()) {
				switch (expanded) {
					case Page page -> collect(page.rows(), observations, datastreams);
					case EntityRow one -> collect(List.of(one), observations, datastreams);
					case null, default -> {
					}
				}
			}
		}
	}

	private Map<Long, StreamUnit> streams(Set<Long> ids) {
		SqlFragment sql = concat("SELECT s.id, s.multi, s.unit_of_measurement, p.name, p.definition, p.properties"
				+ " FROM streams s LEFT JOIN observed_properties p ON p.id = s.observed_property_id WHERE s.id = ANY(",
				bind(dialect.idArray(ids.stream().mapToLong(Long::longValue).toArray())), ")");
		Map<Long, StreamUnit> streams = new HashMap<>();
		jdbc.sql(sql.text()).params(sql.parameters()).query(rs -> {
			streams.put(rs.getLong(1), streamUnit(rs));
		});
		return streams;
	}

	/** Columns: id, multi, unit_of_measurement, and the ObservedProperty's name, definition, properties. */
	private StreamUnit streamUnit(java.sql.ResultSet rs) throws java.sql.SQLException {
		boolean multi = rs.getBoolean(2);
		String symbol = multi ? null : text(node(rs.getString(3)), "symbol");
		JsonNode properties = node(rs.getString(6));
		JsonNode molarMass = properties == null ? null : properties.get(Gas.MOLAR_MASS_PROPERTY);
		Optional<Gas> gas = multi ? Optional.empty()
				: Gas.of(rs.getString(4), rs.getString(5),
						molarMass != null && molarMass.isNumber() ? molarMass.asDouble() : null);
		return new StreamUnit(multi, symbol, gas);
	}

	private JsonNode node(String text) {
		return text == null ? null : json.readTree(text);
	}

	private static String text(JsonNode node, String member) {
		JsonNode value = node == null ? null : node.get(member);
		return value == null || !value.isString() ? null : value.asString();
	}

}
