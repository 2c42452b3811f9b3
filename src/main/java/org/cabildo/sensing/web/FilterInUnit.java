package org.cabildo.sensing.web;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import org.cabildo.platform.ApiException;
import org.cabildo.sensing.model.EntityType;
import org.cabildo.sensing.query.Expr;
import org.cabildo.sensing.query.FilterParser.OrderItem;
import org.cabildo.sensing.query.FilterParser.ParsedExpression;
import org.cabildo.sensing.query.QueryOptions;
import org.cabildo.sensing.units.AskedUnit;
import org.cabildo.sensing.units.Conversion;

/**
 * A {@code $filter} on the results of a collection of Observations, under {@code unit=}, compares
 * them in the asked unit: {@code result gt 100} over a ppb stream and a ug/m3 stream means 100 of
 * the asked unit in both. The filter is read once per group of Datastreams that convert alike,
 * with {@code result} as {@code result × factor + offset} of that group (numbers bound as
 * parameters by the translator), and only on those Datastreams:
 * {@code (Datastream/id eq 1 or Datastream/id eq 4) and (result mul f add o) gt 100 or ...}.
 * Datastreams whose unit does not convert are matched by no such filter. Across Datastreams, only
 * the streams the reader may read are looked up, and the lookup is a costly read
 * ({@link Resources}).
 * <p>
 * What cannot be compared so is refused (400) rather than compared in mixed units: {@code result}
 * in an {@code $orderby} across Datastreams, in a MultiDatastream's Observations, in a member of
 * a result ({@code result/a}, {@code result[0]}), inside {@code $expand}, or reached from another entity
 * ({@code Observations/result}).
 */
final class FilterInUnit {

	private static final Expr RESULT = Expr.Path.of("result");

	private FilterInUnit() {
	}

	/** The Datastreams whose results convert to the unit, by conversion: one Datastream's, or (null) all the reader reaches. */
	interface Convertible {

		Map<Conversion, List<Long>> streams(Long datastream);

	}

	static QueryOptions rewrite(QueryOptions options, Target target, AskedUnit unit, Convertible convertible) {
		for (QueryOptions.Expand expand : options.expand()) {
			refuseResultIn(expand.options(), "$expand/" + expand.navigation() + "/", unit);
		}
		boolean observations = target instanceof Target.Collection collection
				&& collection.type() == EntityType.OBSERVATION;
		Target.Collection collection = observations ? (Target.Collection) target : null;
		Long datastream = null;
		if (collection != null && collection.parent() != null) {
			EntityType source = collection.parent().navigation().source();
			if (source == EntityType.DATASTREAM) {
				datastream = collection.parent().parentId();
			}
			else if (source == EntityType.MULTI_DATASTREAM) {
				refuseResultIn(options, "", unit);
				return options;
			}
		}
		for (OrderItem item : options.orderBy()) {
			// Within one Datastream every conversion keeps the order (its factor is positive).
			if (usesResult(item.expr()) && (datastream == null || !observations)) {
				throw refusal("$orderby", unit, "ordering by result across Datastreams would mix their units");
			}
		}
		if (options.filter() == null || !usesResult(options.filter().expr())) {
			return options;
		}
		if (!observations) {
			throw refusal("$filter", unit, "a result compared from another entity would mix the units of its "
					+ "Datastreams; filter the Observations themselves");
		}
		requireWholeResults(options.filter().expr(), unit);
		Map<Conversion, List<Long>> groups = convertible.streams(datastream);
		List<Expr> alternatives = new ArrayList<>();
		Expr filter = options.filter().expr();
		groups.forEach((conversion, streams) -> alternatives.add(new Expr.Logical(Expr.LogicalOperator.AND,
				anyOf(streams), converted(filter, conversion))));
		Expr rewritten = alternatives.isEmpty() ? new Expr.BooleanLiteral(false) : balanced(alternatives,
				Expr.LogicalOperator.OR);
		return new QueryOptions(new ParsedExpression(rewritten, options.filter().positions()), options.orderBy(),
				options.top(), options.skip(), options.count(), options.select(), options.expand(),
				options.resultFormat(), options.raw());
	}

	private static Expr anyOf(List<Long> streams) {
		List<Expr> equal = streams.stream()
			.<Expr>map(id -> new Expr.Comparison(Expr.ComparisonOperator.EQ, Expr.Path.of("Datastream", "id"),
					new Expr.NumberLiteral(BigDecimal.valueOf(id))))
			.toList();
		return balanced(equal, Expr.LogicalOperator.OR);
	}

	/** A tree of even depth, so that a city's thousand Datastreams nest ten levels, not a thousand. */
	private static Expr balanced(List<Expr> terms, Expr.LogicalOperator operator) {
		if (terms.size() == 1) {
			return terms.get(0);
		}
		int half = terms.size() / 2;
		return new Expr.Logical(operator, balanced(terms.subList(0, half), operator),
				balanced(terms.subList(half, terms.size()), operator));
	}

	/** The expression with every {@code result} as {@code result × factor + offset}. */
	private static Expr converted(Expr expr, Conversion conversion) {
		return switch (expr) {
			case Expr.Path path when path.equals(RESULT) -> new Expr.Arithmetic(Expr.ArithmeticOperator.ADD,
					new Expr.Arithmetic(Expr.ArithmeticOperator.MUL, path,
							new Expr.NumberLiteral(BigDecimal.valueOf(conversion.factor()))),
					new Expr.NumberLiteral(BigDecimal.valueOf(conversion.offset())));
			case Expr.Comparison c -> new Expr.Comparison(c.operator(), converted(c.left(), conversion),
					converted(c.right(), conversion));
			case Expr.Logical l -> new Expr.Logical(l.operator(), converted(l.left(), conversion),
					converted(l.right(), conversion));
			case Expr.Not n -> new Expr.Not(converted(n.operand(), conversion));
			case Expr.Arithmetic a -> new Expr.Arithmetic(a.operator(), converted(a.left(), conversion),
					converted(a.right(), conversion));
			case Expr.Negate n -> new Expr.Negate(converted(n.operand(), conversion));
			case Expr.FunctionCall f -> new Expr.FunctionCall(f.function(),
					f.arguments().stream().map(argument -> converted(argument, conversion)).toList());
			default -> expr;
		};
	}

	private static void refuseResultIn(QueryOptions options, String prefix, AskedUnit unit) {
		if (options.filter() != null && usesResult(options.filter().expr())) {
			throw refusal(prefix + "$filter", unit, "results are compared in the asked unit only in the $filter of "
					+ "a collection of a Datastream's Observations or of all Observations");
		}
		for (OrderItem item : options.orderBy()) {
			if (usesResult(item.expr())) {
				throw refusal(prefix + "$orderby", unit, "ordering by result here would mix units");
			}
		}
		for (QueryOptions.Expand expand : options.expand()) {
			refuseResultIn(expand.options(), prefix + "$expand/" + expand.navigation() + "/", unit);
		}
	}

	private static void requireWholeResults(Expr expr, AskedUnit unit) {
		if (expr instanceof Expr.Path path && isResult(path.segments().get(0)) && !path.equals(RESULT)) {
			throw refusal("$filter", unit, "a member of a result (" + path + ") has no unit to convert");
		}
		children(expr).forEach(child -> requireWholeResults(child, unit));
	}

	private static boolean usesResult(Expr expr) {
		if (expr instanceof Expr.Path path) {
			return path.segments().stream().anyMatch(FilterInUnit::isResult);
		}
		return children(expr).stream().anyMatch(FilterInUnit::usesResult);
	}

	/** {@code result}, or a member of it by index ({@code result[0]}), as the parser keeps it in one segment. */
	private static boolean isResult(String segment) {
		return segment.equals("result") || segment.startsWith("result[");
	}

	private static List<Expr> children(Expr expr) {
		return switch (expr) {
			case Expr.Comparison c -> List.of(c.left(), c.right());
			case Expr.Logical l -> List.of(l.left(), l.right());
			case Expr.Not n -> List.of(n.operand());
			case Expr.Arithmetic a -> List.of(a.left(), a.right());
			case Expr.Negate n -> List.of(n.operand());
			case Expr.FunctionCall f -> f.arguments();
			default -> List.of();
		};
	}

	private static ApiException refusal(String option, AskedUnit unit, String why) {
		return ApiException.badRequest("with unit=" + unit.symbol() + ", " + why).with("option", option);
	}

}
