package org.cabildo.sensing.query;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.cabildo.platform.ApiException;
import org.cabildo.platform.JsonText;
import org.springframework.http.HttpStatus;

import org.cabildo.sensing.query.QueryOptions.Expand;

/**
 * Reads the system query options ({@code $filter}, {@code $expand}, ...) of a request, and
 * the same options nested inside {@code $expand=Nav(...;...)}.
 */
public final class QueryOptionsParser {

	static final int MAX_EXPAND_DEPTH = 8;

	/** OData system query options that SensorThings does not define; asking for them gets 501. */
	private static final Set<String> UNSUPPORTED = Set.of("$search", "$format", "$apply", "$compute", "$levels",
			"$index", "$schemaversion", "$skiptoken", "$deltatoken", "$id");

	private QueryOptionsParser() {
	}

	/** Parses the options of a request; keys are option names as sent, values already URL-decoded. */
	public static QueryOptions parse(Map<String, String> options) {
		return parse(options, 0, "");
	}

	private static QueryOptions parse(Map<String, String> options, int depth, String context) {
		FilterParser.ParsedExpression filter = null;
		List<FilterParser.OrderItem> orderBy = List.of();
		Integer top = null;
		int skip = 0;
		boolean count = false;
		List<String> select = List.of();
		List<Expand> expand = List.of();
		String resultFormat = null;
		for (Map.Entry<String, String> option : options.entrySet()) {
			String name = option.getKey();
			String value = option.getValue();
			String label = context + name;
			requireValidText(name, value, label);
			switch (name) {
				case "$filter" -> filter = within(label, () -> FilterParser.parse(value, label));
				case "$orderby" -> orderBy = within(label, () -> FilterParser.parseOrderBy(value));
				case "$top" -> top = nonNegative(label, value);
				case "$skip" -> skip = nonNegative(label, value);
				case "$count" -> count = bool(label, value);
				case "$select" -> select = selectList(label, value);
				case "$expand" -> expand = expandList(label, value, depth, context);
				case "$resultFormat" -> resultFormat = resultFormat(label, value, depth);
				default -> {
					if (UNSUPPORTED.contains(name)) {
						throw new ApiException(HttpStatus.NOT_IMPLEMENTED, "the query option " + name
								+ " is not supported").with("option", label);
					}
					throw new QueryException("unknown query option '" + name + "'", label);
				}
			}
		}
		return new QueryOptions(filter, orderBy, top, skip, count, select, expand, resultFormat, options);
	}

	/** Text that is not Unicode (or cannot be stored) is refused before any parser sees it, or echoes it. */
	private static void requireValidText(String name, String value, String label) {
		int bad = JsonText.invalidAt(name);
		if (bad >= 0) {
			throw new QueryException("the name of a query option holds " + JsonText.describe(name, bad),
					JsonText.repaired(label));
		}
		bad = JsonText.invalidAt(value);
		if (bad >= 0) {
			throw new QueryException("the query option holds " + JsonText.describe(value, bad), label, bad);
		}
	}

	private static <T> T within(String label, java.util.function.Supplier<T> parse) {
		try {
			return parse.get();
		}
		catch (QueryException e) {
			throw e.option().equals(label) ? e : new QueryException(e.getMessage(), label, e.position());
		}
	}

	/** The one result format besides the default: {@code dataArray} (OGC 18-088, 14.3), for the whole response. */
	private static String resultFormat(String label, String value, int depth) {
		if (depth > 0) {
			throw new QueryException("$resultFormat applies to the whole response, not inside $expand", label, 0);
		}
		if (!value.trim().equalsIgnoreCase("dataArray")) {
			throw new QueryException("$resultFormat supports dataArray only, got '" + value + "'", label, 0);
		}
		return "dataArray";
	}

	private static int nonNegative(String label, String value) {
		try {
			int parsed = Integer.parseInt(value.trim());
			if (parsed < 0) {
				throw new NumberFormatException();
			}
			return parsed;
		}
		catch (NumberFormatException e) {
			throw new QueryException(label + " must be a non-negative integer, got '" + value + "'", label, 0);
		}
	}

	private static boolean bool(String label, String value) {
		return switch (value.trim()) {
			case "true" -> true;
			case "false" -> false;
			default -> throw new QueryException(label + " must be true or false, got '" + value + "'", label, 0);
		};
	}

	private static List<String> selectList(String label, String value) {
		List<String> names = new ArrayList<>();
		for (Part part : split(value, ',', label)) {
			String name = part.text().trim();
			if (name.isEmpty()) {
				throw new QueryException("empty property name in " + label, label, part.offset());
			}
			names.add(name);
		}
		return names;
	}

	private static List<Expand> expandList(String label, String value, int depth, String context) {
		if (depth >= MAX_EXPAND_DEPTH) {
			throw new QueryException("$expand is nested more than " + MAX_EXPAND_DEPTH + " levels deep", label, 0);
		}
		Map<String, Expand> merged = new LinkedHashMap<>();
		for (Part part : split(value, ',', label)) {
			Expand item = expandItem(part, label, depth, context);
			merged.merge(item.navigation(), item, QueryOptionsParser::mergeExpands);
		}
		return List.copyOf(merged.values());
	}

	private static Expand expandItem(Part part, String label, int depth, String context) {
		String text = part.text();
		int open = text.indexOf('(');
		String path = (open < 0 ? text : text.substring(0, open)).trim();
		// Split keeping empty segments, so that "/", "A/" and "A//B" are refused here.
		String[] segments = path.split("/", -1);
		if (Arrays.stream(segments).anyMatch(String::isBlank)) {
			throw new QueryException("empty navigation property in " + label, label, part.offset());
		}
		if (depth + segments.length > MAX_EXPAND_DEPTH) {
			throw new QueryException("$expand is nested more than " + MAX_EXPAND_DEPTH + " levels deep", label,
					part.offset());
		}
		QueryOptions options = QueryOptions.NONE;
		if (open >= 0) {
			int close = text.lastIndexOf(')');
			if (close < open || !text.substring(close + 1).isBlank()) {
				throw new QueryException("unbalanced parentheses in " + label, label, part.offset() + open);
			}
			String inner = text.substring(open + 1, close);
			Map<String, String> innerOptions = new LinkedHashMap<>();
			for (Part option : split(inner, ';', label)) {
				String optionText = option.text().trim();
				int equals = optionText.indexOf('=');
				if (equals <= 0) {
					throw new QueryException("expected $option=value in " + label, label,
							part.offset() + open + 1 + option.offset());
				}
				String name = optionText.substring(0, equals).trim();
				if (innerOptions.put(name, optionText.substring(equals + 1)) != null) {
					throw new QueryException("option " + name + " given twice in " + label, label, part.offset());
				}
			}
			String innerContext = context + "$expand/" + path + "/";
			options = parse(innerOptions, depth + segments.length, innerContext);
		}
		Expand expand = new Expand(segments[segments.length - 1].trim(), options);
		for (int i = segments.length - 2; i >= 0; i--) {
			expand = new Expand(segments[i].trim(), QueryOptions.NONE.withExpand(List.of(expand)));
		}
		return expand;
	}

	private static Expand mergeExpands(Expand first, Expand second) {
		QueryOptions a = first.options();
		QueryOptions b = second.options();
		Map<String, Expand> children = new LinkedHashMap<>();
		for (Expand child : a.expand()) {
			children.merge(child.navigation(), child, QueryOptionsParser::mergeExpands);
		}
		for (Expand child : b.expand()) {
			children.merge(child.navigation(), child, QueryOptionsParser::mergeExpands);
		}
		QueryOptions base = a.equals(QueryOptions.NONE.withExpand(a.expand())) ? b : a;
		return new Expand(first.navigation(), base.withExpand(List.copyOf(children.values())));
	}

	record Part(String text, int offset) {
	}

	/** Splits on a separator that is outside quotes and parentheses. */
	static List<Part> split(String value, char separator, String label) {
		List<Part> parts = new ArrayList<>();
		int depth = 0;
		boolean quoted = false;
		int start = 0;
		for (int i = 0; i < value.length(); i++) {
			char c = value.charAt(i);
			if (c == '\'') {
				quoted = !quoted;
			}
			else if (!quoted && c == '(') {
				depth++;
			}
			else if (!quoted && c == ')') {
				if (--depth < 0) {
					throw new QueryException("unbalanced parentheses in " + label, label, i);
				}
			}
			else if (!quoted && depth == 0 && c == separator) {
				parts.add(new Part(value.substring(start, i), start));
				start = i + 1;
			}
		}
		if (depth != 0 || quoted) {
			throw new QueryException((quoted ? "unclosed quote" : "unbalanced parentheses") + " in " + label, label,
					value.length());
		}
		parts.add(new Part(value.substring(start), start));
		return parts;
	}

}
