package org.cabildo.importing;

import java.nio.file.Path;
import java.time.DateTimeException;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import com.fasterxml.jackson.annotation.JsonCreator;

/**
 * A mapping file: how a city's files become SensorThings entities and Observations. Read by
 * {@link MappingReader} from YAML (keys in snake_case); every check here is made while reading,
 * so a wrong value is reported with its line and column. The shipped example, documented field
 * by field, is {@code demo/mexico-city/mapping.yaml}.
 *
 * @param things the stations file and how its columns become Things
 * @param readings the readings file and how its rows become Observations
 * @param parameters what each parameter (pollutant, variable) is, by the code the readings use
 * @param keys the properties that find a Thing and a Datastream again on a later run
 * @param declaration the declaration template every created Datastream is declared with
 * @param base the folder relative file names are read from (the mapping file's own)
 */
public record ImportMapping(Things things, Readings readings, Map<String, Parameter> parameters, Keys keys,
		Declaration declaration, Path base) {

	public ImportMapping {
		require(things != null, "'things' is missing: which file lists the stations");
		require(readings != null, "'readings' is missing: which file holds the measurements");
		require(parameters != null && !parameters.isEmpty(), "'parameters' is missing: at least one parameter");
		parameters = new LinkedHashMap<>(parameters);
		keys = keys == null ? new Keys(null, null) : keys;
		if (readings.shape() == Shape.LONG) {
			require(readings.parameter() != null && readings.value() != null,
					"readings of shape 'long' need 'parameter' and 'value': the columns of the parameter code and of the value");
		}
	}

	/** The same mapping, its relative files read from {@code folder}. */
	public ImportMapping in(Path folder) {
		return new ImportMapping(things, readings, parameters, keys, declaration, folder);
	}

	Path resolve(String file) {
		Path path = Path.of(file);
		return base == null || path.isAbsolute() ? path : base.resolve(path);
	}

	/**
	 * @param file CSV (with a header row) or GeoJSON (a FeatureCollection of Points)
	 * @param format {@code csv} or {@code geojson}; by default from the file name
	 * @param id the column (GeoJSON: feature property) with the station's id, as the readings name it
	 * @param name the column with the station's name
	 * @param description the Thing's description; {@code {column}} is replaced by the row's value
	 * @param latitude the column of the WGS 84 latitude (CSV only)
	 * @param longitude the column of the WGS 84 longitude (CSV only)
	 * @param altitude the column of the altitude in metres, optional
	 * @param parameters a column listing the parameters a station measures (separated by
	 *        {@code parameter_separator}, default {@code ;}): their Datastreams are created even
	 *        before a reading arrives; optional
	 * @param properties the Thing's properties: property name → column (or {column, type})
	 */
	public record Things(String file, String format, String id, String name, String description, String latitude,
			String longitude, String altitude, String parameters, String parameterSeparator,
			Map<String, Property> properties) {

		public Things {
			require(file != null, "things.file is missing");
			require(id != null, "things.id is missing: the column with the station's id");
			require(name != null, "things.name is missing: the column with the station's name");
			format = format != null ? format : file.endsWith("json") ? "geojson" : "csv";
			require(format.equals("csv") || format.equals("geojson"),
					"things.format '" + format + "' is neither 'csv' nor 'geojson'");
			require(format.equals("geojson") || (latitude != null && longitude != null),
					"things of format csv need 'latitude' and 'longitude' columns");
			parameterSeparator = parameterSeparator == null ? ";" : parameterSeparator;
			properties = properties == null ? Map.of() : new LinkedHashMap<>(properties);
		}

	}

	/**
	 * A Thing property taken from a column; empty cells leave it out.
	 *
	 * @param type {@code string} (default), {@code number} or {@code boolean}
	 */
	public record Property(String column, String type) {

		@JsonCreator(mode = JsonCreator.Mode.PROPERTIES)
		public Property {
			require(column != null, "a property needs its 'column'");
			type = type == null ? "string" : type;
			require(List.of("string", "number", "boolean").contains(type),
					"property type '" + type + "' is none of string, number, boolean");
		}

		@JsonCreator(mode = JsonCreator.Mode.DELEGATING)
		static Property of(String column) {
			return new Property(column, null);
		}

	}

	/** How readings are laid out: one value per row, or one column per parameter. */
	public enum Shape {

		LONG, WIDE;

		@JsonCreator
		static Shape of(String name) {
			return switch (name) {
				case "long" -> LONG;
				case "wide" -> WIDE;
				default -> throw new IllegalArgumentException("readings.shape '" + name + "' is neither 'long' nor 'wide'");
			};
		}

	}

	/**
	 * What a reading's time stamps: the start of the period it averages, its end (then
	 * {@code 24:00} is the end of the day, as many networks write it), or an instant.
	 */
	public enum Convention {

		HOUR_BEGINNING, HOUR_ENDING, INSTANT;

		@JsonCreator
		static Convention of(String name) {
			return switch (name) {
				case "hour-beginning" -> HOUR_BEGINNING;
				case "hour-ending" -> HOUR_ENDING;
				case "instant" -> INSTANT;
				default -> throw new IllegalArgumentException(
						"readings.convention '" + name + "' is none of hour-beginning, hour-ending, instant");
			};
		}

		String id() {
			return name().toLowerCase(java.util.Locale.ROOT).replace('_', '-');
		}

	}

	/**
	 * @param file a CSV with a header row; {@code .gz} is read compressed
	 * @param shape {@code long} (station, time, parameter, value[, unit]) or {@code wide}
	 *        (station, time, one column per parameter)
	 * @param station the column with the station's id
	 * @param time the column with the time
	 * @param parameter (long) the column with the parameter's code
	 * @param value (long) the column with the value
	 * @param unit (long) the column with the unit's UCUM code, optional: a row whose unit is not
	 *        its parameter's is refused (nothing converts here)
	 * @param timeFormat {@code iso} (ISO 8601, with or without offset; default) or a
	 *        {@link DateTimeFormatter} pattern such as {@code dd/MM/yyyy HH:mm}
	 * @param timeZone the IANA zone of times written without an offset (required when any is)
	 * @param convention hour-beginning, hour-ending ({@code 24:00} accepted) or instant
	 * @param sentinels values that mean "missing" (e.g. {@code -99}, {@code NA}); an empty cell
	 *        is always missing; such rows are refused as "missing value", never stored
	 * @param properties properties every Datastream gets (a parameter's own come after them);
	 *        {@code {column}} takes the station's value
	 */
	public record Readings(String file, Shape shape, String station, String time, String parameter, String value,
			String unit, String timeFormat, String timeZone, Convention convention, List<String> sentinels,
			Map<String, String> properties) {

		public Readings {
			require(file != null, "readings.file is missing");
			require(station != null, "readings.station is missing: the column with the station's id");
			require(time != null, "readings.time is missing: the column with the time");
			shape = shape == null ? Shape.LONG : shape;
			convention = convention == null ? Convention.INSTANT : convention;
			sentinels = sentinels == null ? List.of() : List.copyOf(sentinels);
			properties = properties == null ? Map.of() : new LinkedHashMap<>(properties);
			if (timeZone != null) {
				try {
					ZoneId.of(timeZone);
				}
				catch (DateTimeException e) {
					throw new IllegalArgumentException("readings.time_zone '" + timeZone + "' is no IANA time zone"
							+ " (such as America/Mexico_City)");
				}
			}
			if (timeFormat != null && !timeFormat.equals("iso")) {
				try {
					DateTimeFormatter.ofPattern(timeFormat);
				}
				catch (IllegalArgumentException e) {
					throw new IllegalArgumentException("readings.time_format '" + timeFormat + "' is no date-time pattern: "
							+ e.getMessage());
				}
			}
		}

	}

	/**
	 * A parameter: what the Datastreams of it measure and in which unit.
	 *
	 * @param column (wide) the column of its values; by default the parameter's code
	 * @param name the Datastream's name; {@code {column}} takes the station's value (e.g. {@code O3 at {name}})
	 * @param description the Datastream's description, with {@code {column}} as in {@code name}
	 * @param observationType measurement (default), count, category, truth, or an OGC URI
	 */
	public record Parameter(String column, String name, String description, ObservedProperty observedProperty,
			Unit unit, String observationType, Sensor sensor, Map<String, String> properties) {

		public Parameter {
			require(observedProperty != null, "a parameter needs its 'observed_property' (name and definition URI)");
			require(unit != null, "a parameter needs its 'unit' (a UCUM code such as ug/m3, [ppb], [ppm])");
			observationType = observationType == null ? "measurement" : observationType;
			require(OBSERVATION_TYPES.containsKey(observationType) || observationType.startsWith("http"),
					"observation_type '" + observationType + "' is none of " + OBSERVATION_TYPES.keySet()
							+ " nor a URI");
			properties = properties == null ? Map.of() : new LinkedHashMap<>(properties);
		}

		String observationTypeUri() {
			return OBSERVATION_TYPES.getOrDefault(observationType, observationType);
		}

	}

	static final Map<String, String> OBSERVATION_TYPES = Map.of("measurement",
			"http://www.opengis.net/def/observationType/OGC-OM/2.0/OM_Measurement", "count",
			"http://www.opengis.net/def/observationType/OGC-OM/2.0/OM_CountObservation", "category",
			"http://www.opengis.net/def/observationType/OGC-OM/2.0/OM_CategoryObservation", "truth",
			"http://www.opengis.net/def/observationType/OGC-OM/2.0/OM_TruthObservation");

	/** @param definition a URI that identifies the property (e.g. the EEA pollutant vocabulary) */
	public record ObservedProperty(String name, String definition, String description) {

		public ObservedProperty {
			require(name != null && definition != null, "an observed_property needs 'name' and 'definition'");
			description = description == null ? name : description;
		}

	}

	/**
	 * @param code the UCUM code ({@code ug/m3}, {@code [ppb]}, {@code [ppm]}): the symbol, and
	 *        the definition {@code https://ucum.org/ucum#code}
	 */
	public record Unit(String code, String name) {

		public Unit {
			require(code != null && !code.isBlank(), "a unit needs its UCUM 'code'");
			name = name == null ? code : name;
		}

	}

	public record Sensor(String name, String description, String encodingType, String metadata) {

		public Sensor {
			require(name != null, "a sensor needs its 'name'");
			description = description == null ? name : description;
			encodingType = encodingType == null ? "text/plain" : encodingType;
			metadata = metadata == null ? "" : metadata;
		}

	}

	/**
	 * @param station the Thing and Datastream property holding the station's id ({@code stationId})
	 * @param parameter the Datastream and Sensor property holding the parameter's code ({@code parameter})
	 */
	public record Keys(String station, String parameter) {

		public Keys {
			station = station == null ? "stationId" : station;
			parameter = parameter == null ? "parameter" : parameter;
		}

	}

	/**
	 * @param organisation the organisation (name or id) whose template declares every Datastream
	 *        created: the caller's organisation
	 * @param template the declaration (as {@code PUT /api/register/templates/organisations/{name}}
	 *        takes it) published as the organisation's template when it has none; without it,
	 *        a missing template stops the import before anything is created
	 */
	public record Declaration(String organisation, Map<String, Object> template) {

		public Declaration {
			require(organisation != null, "declaration.organisation is missing: whose template declares the streams");
		}

	}

	static void require(boolean condition, String message) {
		if (!condition) {
			throw new IllegalArgumentException(message);
		}
	}

}
