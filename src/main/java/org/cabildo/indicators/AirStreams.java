package org.cabildo.indicators;

import java.util.Map;
import java.util.Optional;

import org.cabildo.indicators.air.Pollutant;
import org.cabildo.indicators.air.Unit;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * The Datastreams that measure a pollutant in a unit of concentration, and the district their
 * Thing is placed in. A stream measures a pollutant when its ObservedProperty's definition is the
 * pollutant's term in the European Environment Agency's vocabulary (the one the demo city's
 * streams use, {@code http://dd.eionet.europa.eu/vocabulary/aq/pollutant/6001} for PM2.5), or
 * else when its name is the pollutant's ({@link Pollutant#named}: PM2.5, PM25, O3, Ozone ...).
 */
@Component
class AirStreams {

	/** The EEA pollutant vocabulary's notations of the pollutants that have indicators. */
	private static final String EIONET = "http://dd.eionet.europa.eu/vocabulary/aq/pollutant/";

	private static final Map<String, Pollutant> EIONET_TERMS = Map.of("6001", Pollutant.PM2_5, "5", Pollutant.PM10,
			"8", Pollutant.NO2, "7", Pollutant.O3, "1", Pollutant.SO2, "10", Pollutant.CO);

	private static final JsonMapper JSON = JsonMapper.shared();

	/**
	 * One stream of a pollutant.
	 *
	 * @param district the code of the district its Thing is placed in; null when in none
	 */
	record AirStream(long datastream, long thing, String district, Pollutant pollutant, Unit unit) {

		/** How many µg/m³ one of its unit is (ppb of a gas at 25 °C and 1 atm, as WHO converts). */
		double microgramsPerUnit() {
			return microgramsPer(unit, pollutant).orElseThrow();
		}

	}

	/** How many µg/m³ one of this unit is for this pollutant; empty when it cannot be said (particles in ppb). */
	static Optional<Double> microgramsPer(Unit unit, Pollutant pollutant) {
		return org.cabildo.indicators.air.Concentration.of("1", unit)
			.in(Unit.MICROGRAMS_PER_CUBIC_METRE, pollutant)
			.map(concentration -> concentration.value().doubleValue());
	}

	private final JdbcClient jdbc;

	AirStreams(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	/** The streams that measure this pollutant in ppb, ppm, µg/m³ or mg/m³, by id. */
	java.util.List<AirStream> of(Pollutant pollutant) {
		return jdbc.sql("""
				SELECT d.id, d.thing_id, td.district_id, o.name, o.definition, d.unit_of_measurement
				FROM datastreams d
				JOIN observed_properties o ON o.id = d.observed_property_id
				LEFT JOIN thing_districts td ON td.thing_id = d.thing_id
				ORDER BY d.id""")
			.query((rs, n) -> {
				Optional<Pollutant> measured = pollutant(rs.getString(4), rs.getString(5));
				Optional<Unit> unit = unit(rs.getString(6));
				return measured.filter(p -> p == pollutant).isPresent() && unit.isPresent()
						&& microgramsPer(unit.get(), pollutant).isPresent() ? new AirStream(rs.getLong(1), rs.getLong(2), rs.getString(3), pollutant, unit.get()) : null;
			})
			.list()
			.stream()
			.filter(java.util.Objects::nonNull)
			.toList();
	}

	static Optional<Pollutant> pollutant(String name, String definition) {
		if (definition != null && definition.strip().startsWith(EIONET)) {
			Pollutant term = EIONET_TERMS.get(definition.strip().substring(EIONET.length()));
			if (term != null) {
				return Optional.of(term);
			}
		}
		return Pollutant.named(name);
	}

	/** The unit of a stored unitOfMeasurement: its symbol, in UCUM or plain ({@link Unit#of}). */
	static Optional<Unit> unit(String unitOfMeasurement) {
		if (unitOfMeasurement == null) {
			return Optional.empty();
		}
		try {
			JsonNode symbol = JSON.readTree(unitOfMeasurement).get("symbol");
			return symbol == null || !symbol.isString() ? Optional.empty() : Unit.of(symbol.asString());
		}
		catch (RuntimeException e) {
			return Optional.empty();
		}
	}

}
