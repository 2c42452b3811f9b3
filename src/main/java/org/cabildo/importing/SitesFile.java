package org.cabildo.importing;

import java.io.IOException;
import java.io.Reader;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.cabildo.importing.ImportMapping.Property;
import org.cabildo.importing.ImportMapping.Things;

import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.MappingIterator;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.dataformat.csv.CsvMapper;
import tools.jackson.dataformat.csv.CsvReadFeature;

/** Reads the stations of a CSV or GeoJSON file as the mapping's {@code things} says. */
final class SitesFile {

	private static final CsvMapper CSV = CsvMapper.builder().enable(CsvReadFeature.WRAP_AS_ARRAY).build();

	private SitesFile() {
	}

	static List<Site> read(ImportMapping mapping, Source source) {
		Things things = mapping.things();
		String name = things.file();
		try (Reader in = source.open(things.file())) {
			return things.format().equals("geojson") ? geoJson(things, name, in) : csv(things, name, in);
		}
		catch (IOException e) {
			throw new InvalidInput(name + ": cannot be read: " + e.getMessage());
		}
	}

	private static List<Site> csv(Things things, String file, Reader in) {
		List<Site> sites = new ArrayList<>();
		try (MappingIterator<String[]> rows = CSV.readerFor(String[].class).readValues(in)) {
			if (!rows.hasNext()) {
				throw new InvalidInput(file + ": the file is empty (a header row is needed)");
			}
			List<String> header = Arrays.stream(rows.next()).map(String::strip).toList();
			for (String column : columns(things)) {
				if (!header.contains(column)) {
					throw new InvalidInput(file + ":1:1: there is no column '" + column + "' (the mapping names it;"
							+ " the header has " + header + ")");
				}
			}
			while (rows.hasNext()) {
				long line = rows.currentLocation().getLineNr();
				String[] row = rows.next();
				if (row.length == 1 && row[0].isBlank()) {
					continue;
				}
				Map<String, String> cells = new LinkedHashMap<>();
				for (int i = 0; i < header.size(); i++) {
					cells.put(header.get(i), i < row.length ? row[i].strip() : "");
				}
				String where = file + ":" + line;
				sites.add(new Site(required(cells, things.id(), where), required(cells, things.name(), where),
						number(cells, things.longitude(), where), number(cells, things.latitude(), where),
						things.altitude() == null || cells.get(things.altitude()).isEmpty() ? null
								: number(cells, things.altitude(), where),
						properties(things, cells, where), parameters(things, cells), cells));
			}
		}
		catch (JacksonException e) {
			throw new InvalidInput(file + ":" + e.getLocation().getLineNr() + ":" + e.getLocation().getColumnNr()
					+ ": " + e.getOriginalMessage());
		}
		return sites;
	}

	private static List<Site> geoJson(Things things, String file, Reader in) {
		JsonNode collection;
		try {
			collection = JsonMapper.shared().readTree(in);
		}
		catch (JacksonException e) {
			throw new InvalidInput(file + ":" + e.getLocation().getLineNr() + ":" + e.getLocation().getColumnNr()
					+ ": " + e.getOriginalMessage());
		}
		JsonNode features = collection.path("features");
		if (!features.isArray()) {
			throw new InvalidInput(file + ": not a GeoJSON FeatureCollection (no 'features' array)");
		}
		List<Site> sites = new ArrayList<>();
		for (int i = 0; i < features.size(); i++) {
			JsonNode feature = features.get(i);
			String where = file + ": feature " + i;
			JsonNode geometry = feature.path("geometry");
			JsonNode coordinates = geometry.path("coordinates");
			if (!"Point".equals(geometry.path("type").asString(null)) || coordinates.size() < 2
					|| !coordinates.get(0).isNumber() || !coordinates.get(1).isNumber()) {
				throw new InvalidInput(where + ": its geometry is not a Point with longitude and latitude");
			}
			Map<String, String> cells = new LinkedHashMap<>();
			feature.path("properties").properties().forEach(property -> cells.put(property.getKey(),
					property.getValue().isValueNode() ? property.getValue().asString() : property.getValue().toString()));
			if (feature.has("id") && !cells.containsKey("id")) {
				cells.put("id", feature.get("id").asString());
			}
			sites.add(new Site(required(cells, things.id(), where), required(cells, things.name(), where),
					coordinates.get(0).asDouble(), coordinates.get(1).asDouble(),
					coordinates.size() > 2 && coordinates.get(2).isNumber() ? coordinates.get(2).asDouble() : null,
					properties(things, cells, where), parameters(things, cells), cells));
		}
		return sites;
	}

	private static List<String> columns(Things things) {
		List<String> columns = new ArrayList<>(List.of(things.id(), things.name(), things.latitude(), things.longitude()));
		if (things.altitude() != null) {
			columns.add(things.altitude());
		}
		if (things.parameters() != null) {
			columns.add(things.parameters());
		}
		things.properties().values().forEach(property -> columns.add(property.column()));
		return columns;
	}

	private static String required(Map<String, String> cells, String column, String where) {
		String value = cells.get(column);
		if (value == null || value.isEmpty()) {
			throw new InvalidInput(where + ": '" + column + "' is empty; every station needs it");
		}
		return value;
	}

	private static double number(Map<String, String> cells, String column, String where) {
		String value = required(cells, column, where);
		try {
			return Double.parseDouble(value);
		}
		catch (NumberFormatException e) {
			throw new InvalidInput(where + ": '" + column + "' is '" + value + "', not a number");
		}
	}

	private static Map<String, Object> properties(Things things, Map<String, String> cells, String where) {
		Map<String, Object> properties = new LinkedHashMap<>();
		for (Map.Entry<String, Property> entry : things.properties().entrySet()) {
			Property property = entry.getValue();
			String value = cells.get(property.column());
			if (value == null || value.isEmpty()) {
				continue;
			}
			properties.put(entry.getKey(), switch (property.type()) {
				case "number" -> number(cells, property.column(), where);
				case "boolean" -> switch (value.toLowerCase(java.util.Locale.ROOT)) {
					case "true" -> true;
					case "false" -> false;
					default -> throw new InvalidInput(where + ": '" + property.column() + "' is '" + value
							+ "', neither true nor false");
				};
				default -> value;
			});
		}
		return properties;
	}

	private static List<String> parameters(Things things, Map<String, String> cells) {
		if (things.parameters() == null) {
			return List.of();
		}
		String listed = cells.getOrDefault(things.parameters(), "");
		return listed.isEmpty() ? List.of()
				: Arrays.stream(listed.split(java.util.regex.Pattern.quote(things.parameterSeparator()))).map(String::strip)
					.filter(code -> !code.isEmpty()).toList();
	}

}
