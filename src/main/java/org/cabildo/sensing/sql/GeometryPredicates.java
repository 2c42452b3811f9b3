package org.cabildo.sensing.sql;

import java.util.function.Predicate;
import java.util.function.ToDoubleFunction;

import org.cabildo.sensing.query.Expr;
import org.cabildo.sensing.query.Function;
import org.cabildo.sensing.query.QueryException;
import org.locationtech.jts.geom.Geometry;
import org.locationtech.jts.geom.GeometryFactory;
import org.locationtech.jts.geom.PrecisionModel;
import org.locationtech.jts.io.ParseException;
import org.locationtech.jts.io.WKTReader;
import org.locationtech.jts.util.AssertionFailedException;

/**
 * Compiles a filter leaf that uses the geospatial functions into a Java predicate over the
 * one geometry property it mentions. Distances and lengths are in the units of the
 * coordinates (degrees for WGS 84), as in the standard's examples.
 */
final class GeometryPredicates {

	private static final GeometryFactory FACTORY = new GeometryFactory(new PrecisionModel(), 4326);

	private final Expr.Path property;

	private final ErrorReporter errors;

	interface ErrorReporter {

		QueryException at(Expr node, String message);

	}

	GeometryPredicates(Expr.Path property, ErrorReporter errors) {
		this.property = property;
		this.errors = errors;
	}

	Predicate<Geometry> compile(Expr leaf) {
		return switch (leaf) {
			case Expr.FunctionCall call when isRelation(call.function()) -> relation(call);
			case Expr.Comparison comparison -> comparison(comparison);
			default -> throw errors.at(leaf, "a geospatial condition must be a st_* or geo.intersects function, "
					+ "or a comparison of geo.distance or geo.length with a number");
		};
	}

	private Predicate<Geometry> relation(Expr.FunctionCall call) {
		java.util.function.Function<Geometry, Geometry> left = geometry(call.arguments().get(0));
		java.util.function.Function<Geometry, Geometry> right = geometry(call.arguments().get(1));
		return switch (call.function()) {
			case GEO_INTERSECTS, ST_INTERSECTS -> g -> left.apply(g).intersects(right.apply(g));
			case ST_EQUALS -> g -> left.apply(g).equalsTopo(right.apply(g));
			case ST_DISJOINT -> g -> left.apply(g).disjoint(right.apply(g));
			case ST_TOUCHES -> g -> left.apply(g).touches(right.apply(g));
			case ST_WITHIN -> g -> left.apply(g).within(right.apply(g));
			case ST_OVERLAPS -> g -> left.apply(g).overlaps(right.apply(g));
			case ST_CROSSES -> g -> left.apply(g).crosses(right.apply(g));
			case ST_CONTAINS -> g -> left.apply(g).contains(right.apply(g));
			case ST_RELATE -> {
				String pattern = pattern(call.arguments().get(2));
				yield g -> left.apply(g).relate(right.apply(g), pattern);
			}
			default -> throw errors.at(call, call.function().functionName() + " is not a boolean function");
		};
	}

	private Predicate<Geometry> comparison(Expr.Comparison comparison) {
		boolean measureOnLeft = comparison.left() instanceof Expr.FunctionCall;
		Expr measureExpr = measureOnLeft ? comparison.left() : comparison.right();
		Expr numberExpr = measureOnLeft ? comparison.right() : comparison.left();
		if (!(numberExpr instanceof Expr.NumberLiteral number)) {
			throw errors.at(numberExpr, "geo.distance and geo.length can only be compared with a number");
		}
		ToDoubleFunction<Geometry> measure = measure(measureExpr);
		double limit = number.value().doubleValue();
		Expr.ComparisonOperator operator = measureOnLeft ? comparison.operator()
				: comparison.operator().mirrored();
		return g -> {
			double value = measure.applyAsDouble(g);
			return switch (operator) {
				case EQ -> value == limit;
				case NE -> value != limit;
				case GT -> value > limit;
				case GE -> value >= limit;
				case LT -> value < limit;
				case LE -> value <= limit;
			};
		};
	}

	private ToDoubleFunction<Geometry> measure(Expr expr) {
		if (expr instanceof Expr.FunctionCall call && call.function() == Function.GEO_DISTANCE) {
			java.util.function.Function<Geometry, Geometry> a = geometry(call.arguments().get(0));
			java.util.function.Function<Geometry, Geometry> b = geometry(call.arguments().get(1));
			return g -> a.apply(g).distance(b.apply(g));
		}
		if (expr instanceof Expr.FunctionCall call && call.function() == Function.GEO_LENGTH) {
			java.util.function.Function<Geometry, Geometry> a = geometry(call.arguments().get(0));
			return g -> a.apply(g).getLength();
		}
		throw errors.at(expr, "expected geo.distance or geo.length");
	}

	private java.util.function.Function<Geometry, Geometry> geometry(Expr expr) {
		if (expr.equals(property)) {
			return g -> g;
		}
		if (expr instanceof Expr.GeometryLiteral literal) {
			Geometry parsed = parse(literal);
			return g -> parsed;
		}
		throw errors.at(expr, "expected the geometry property " + property + " or a geography'...' literal");
	}

	private Geometry parse(Expr.GeometryLiteral literal) {
		String wkt = literal.wkt();
		if (wkt.regionMatches(true, 0, "SRID=", 0, 5) && wkt.indexOf(';') > 0) {
			wkt = wkt.substring(wkt.indexOf(';') + 1);
		}
		try {
			return new WKTReader(FACTORY).read(wkt);
		}
		// JTS checks some shapes (a POINT of several positions) with an assertion of its own
		catch (ParseException | IllegalArgumentException | AssertionFailedException e) {
			throw errors.at(literal, "invalid WKT geometry: " + (e.getMessage() == null ? wkt : e.getMessage()));
		}
	}

	private String pattern(Expr expr) {
		if (expr instanceof Expr.StringLiteral literal && literal.value().matches("[TF012*]{9}")) {
			return literal.value();
		}
		throw errors.at(expr, "st_relate needs a DE-9IM pattern of 9 characters from T, F, 0, 1, 2, *");
	}

	private static boolean isRelation(Function function) {
		return function.isGeospatial() && function != Function.GEO_DISTANCE && function != Function.GEO_LENGTH;
	}

}
