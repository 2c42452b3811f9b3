package org.cabildo.bench;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/** Command-line options of a benchmark: {@code --name=value} and {@code --flag}. */
final class Options {

	private final Map<String, String> values;

	private Options(Map<String, String> values) {
		this.values = values;
	}

	/**
	 * @param known the option names the benchmark understands; anything else is an error, so
	 * that a mistyped option does not silently run the default benchmark
	 */
	static Options parse(List<String> args, Set<String> known) {
		Map<String, String> values = new LinkedHashMap<>();
		for (String arg : args) {
			if (!arg.startsWith("--")) {
				throw new IllegalArgumentException("unexpected argument '" + arg + "'; options look like --name=value");
			}
			int equals = arg.indexOf('=');
			String name = equals < 0 ? arg.substring(2) : arg.substring(2, equals);
			String value = equals < 0 ? "true" : arg.substring(equals + 1);
			if (!known.contains(name)) {
				throw new IllegalArgumentException("unknown option --" + name + "; known: --" + String.join(", --", known));
			}
			values.put(name, value);
		}
		return new Options(values);
	}

	String string(String name, String fallback) {
		return values.getOrDefault(name, fallback);
	}

	boolean flag(String name) {
		return Boolean.parseBoolean(values.getOrDefault(name, "false"));
	}

	/** A count; accepts 10000000, 10_000_000, 10M and 500k. */
	long count(String name, long fallback) {
		String value = values.get(name);
		if (value == null) {
			return fallback;
		}
		String v = value.replace("_", "").replace(",", "").trim().toLowerCase();
		long factor = 1;
		if (v.endsWith("k")) {
			factor = 1_000;
		}
		else if (v.endsWith("m")) {
			factor = 1_000_000;
		}
		if (factor > 1) {
			v = v.substring(0, v.length() - 1);
		}
		try {
			return Math.round(Double.parseDouble(v) * factor);
		}
		catch (NumberFormatException e) {
			throw new IllegalArgumentException("--" + name + " takes a number, not '" + value + "'");
		}
	}

	int integer(String name, int fallback) {
		return Math.toIntExact(count(name, fallback));
	}

	List<Integer> integers(String name, List<Integer> fallback) {
		String value = values.get(name);
		if (value == null) {
			return fallback;
		}
		return java.util.Arrays.stream(value.split(",")).map(String::trim).map(Integer::parseInt).toList();
	}

	List<String> strings(String name, List<String> fallback) {
		String value = values.get(name);
		if (value == null) {
			return fallback;
		}
		return java.util.Arrays.stream(value.split(",")).map(String::trim).filter(s -> !s.isEmpty()).toList();
	}

}
