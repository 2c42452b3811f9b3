package org.cabildo.sensing.query;

import java.util.Arrays;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Collectors;

/** The built-in functions of the SensorThings filter language, with the number of arguments each takes. */
public enum Function {

	SUBSTRINGOF("substringof", 2, 2), ENDSWITH("endswith", 2, 2), STARTSWITH("startswith", 2, 2),
	LENGTH("length", 1, 1), INDEXOF("indexof", 2, 2), SUBSTRING("substring", 2, 3), TOLOWER("tolower", 1, 1),
	TOUPPER("toupper", 1, 1), TRIM("trim", 1, 1), CONCAT("concat", 2, 2),

	YEAR("year", 1, 1), MONTH("month", 1, 1), DAY("day", 1, 1), HOUR("hour", 1, 1), MINUTE("minute", 1, 1),
	SECOND("second", 1, 1), FRACTIONALSECONDS("fractionalseconds", 1, 1), DATE("date", 1, 1), TIME("time", 1, 1),
	TOTALOFFSETMINUTES("totaloffsetminutes", 1, 1), NOW("now", 0, 0), MINDATETIME("mindatetime", 0, 1),
	MAXDATETIME("maxdatetime", 0, 1),

	ROUND("round", 1, 1), FLOOR("floor", 1, 1), CEILING("ceiling", 1, 1),

	GEO_DISTANCE("geo.distance", 2, 2), GEO_LENGTH("geo.length", 1, 1), GEO_INTERSECTS("geo.intersects", 2, 2),
	ST_EQUALS("st_equals", 2, 2), ST_DISJOINT("st_disjoint", 2, 2), ST_TOUCHES("st_touches", 2, 2),
	ST_WITHIN("st_within", 2, 2), ST_OVERLAPS("st_overlaps", 2, 2), ST_CROSSES("st_crosses", 2, 2),
	ST_INTERSECTS("st_intersects", 2, 2), ST_CONTAINS("st_contains", 2, 2), ST_RELATE("st_relate", 3, 3);

	private static final Map<String, Function> BY_NAME = Arrays.stream(values())
		.collect(Collectors.toUnmodifiableMap(Function::functionName, f -> f));

	private final String functionName;

	private final int minArguments;

	private final int maxArguments;

	Function(String functionName, int minArguments, int maxArguments) {
		this.functionName = functionName;
		this.minArguments = minArguments;
		this.maxArguments = maxArguments;
	}

	public String functionName() {
		return functionName;
	}

	public int minArguments() {
		return minArguments;
	}

	public int maxArguments() {
		return maxArguments;
	}

	public boolean isGeospatial() {
		return functionName.startsWith("geo.") || functionName.startsWith("st_");
	}

	public static Optional<Function> named(String name) {
		return Optional.ofNullable(BY_NAME.get(name.toLowerCase(Locale.ROOT)));
	}

}
