package org.cabildo.sensing.write;

import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import org.cabildo.sensing.model.EntityType;
import org.cabildo.sensing.model.Navigation;
import org.cabildo.sensing.model.Navigation.Link;
import org.cabildo.sensing.model.Property;
import org.cabildo.sensing.sql.Dialect;
import org.cabildo.sensing.store.RawJson;
import org.cabildo.sensing.time.TimeValue;

/** The columns, placeholders and bind values that store a set of property values. */
record ColumnValues(List<String> columns, List<String> placeholders, List<Object> values) {

	static ColumnValues of(EntityType type, Map<String, Object> properties, Map<String, Long> foreignKeys,
			Dialect dialect) {
		ColumnValues result = new ColumnValues(new ArrayList<>(), new ArrayList<>(), new ArrayList<>());
		for (Property property : type.properties()) {
			if (!properties.containsKey(property.name())) {
				continue;
			}
			Object value = properties.get(property.name());
			String[] columns = property.columns();
			switch (property.kind()) {
				case TEXT -> result.add(columns[0], "?", value);
				case JSON, GEOMETRY -> result.add(columns[0], dialect.jsonParameter(),
						value == null ? null : ((RawJson) value).text());
				case INSTANT -> result.add(columns[0], "?", utc((Instant) value));
				case INTERVAL, INSTANT_OR_INTERVAL -> {
					TimeValue time = (TimeValue) value;
					result.add(columns[0], "?", time == null ? null : time.startUtc());
					result.add(columns[1], "?", time == null ? null : time.endUtc());
				}
				case RESULT -> {
					result.add(columns[0], "?", value instanceof Double number ? number : null);
					result.add(columns[1], dialect.jsonParameter(), value instanceof RawJson json ? json.text() : null);
				}
				case ID -> {
				}
			}
		}
		foreignKeys.forEach((navigation, id) -> {
			Navigation nav = type.navigation(navigation).orElseThrow();
			result.add(((Link.ForeignKey) nav.link()).column(), "?", id);
		});
		return result;
	}

	void add(String column, String placeholder, Object value) {
		columns.add(column);
		placeholders.add(placeholder);
		values.add(value);
	}

	boolean isEmpty() {
		return columns.isEmpty();
	}

	String insert(String table) {
		if (columns.isEmpty()) {
			return "INSERT INTO " + table + " DEFAULT VALUES";
		}
		return "INSERT INTO " + table + " (" + String.join(", ", columns) + ") VALUES ("
				+ String.join(", ", placeholders) + ")";
	}

	String assignments() {
		List<String> assignments = new ArrayList<>();
		for (int i = 0; i < columns.size(); i++) {
			assignments.add(columns.get(i) + " = " + placeholders.get(i));
		}
		return String.join(", ", assignments);
	}

	static OffsetDateTime utc(Instant instant) {
		return instant == null ? null : instant.atOffset(ZoneOffset.UTC);
	}

}
