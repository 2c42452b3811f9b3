package org.cabildo.sensing.query;

import static org.assertj.core.api.Assertions.catchThrowableOfType;

import java.math.BigDecimal;
import java.time.OffsetDateTime;

import org.cabildo.sensing.query.Expr.ArithmeticOperator;
import org.cabildo.sensing.query.Expr.ComparisonOperator;
import org.cabildo.sensing.query.Expr.LogicalOperator;

/** Builders for expected syntax trees, so that a test reads like the filter it parses. */
public final class Exprs {

	private Exprs() {
	}

	public static Expr parse(String text) {
		return FilterParser.parse(text).expr();
	}

	/** The error of a filter that must not parse; null if it parsed (AssertJ then reports the null). */
	public static QueryException parseError(String text) {
		return catchThrowableOfType(QueryException.class, () -> FilterParser.parse(text));
	}

	public static Expr.Path path(String... segments) {
		return Expr.Path.of(segments);
	}

	public static Expr.StringLiteral string(String value) {
		return new Expr.StringLiteral(value);
	}

	public static Expr.NumberLiteral number(String text) {
		return new Expr.NumberLiteral(new BigDecimal(text));
	}

	public static Expr.DateTimeLiteral dateTime(String iso) {
		return new Expr.DateTimeLiteral(OffsetDateTime.parse(iso));
	}

	public static Expr.Comparison compare(ComparisonOperator operator, Expr left, Expr right) {
		return new Expr.Comparison(operator, left, right);
	}

	public static Expr.Comparison eq(Expr left, Expr right) {
		return compare(ComparisonOperator.EQ, left, right);
	}

	public static Expr.Comparison gt(Expr left, Expr right) {
		return compare(ComparisonOperator.GT, left, right);
	}

	public static Expr.Comparison le(Expr left, Expr right) {
		return compare(ComparisonOperator.LE, left, right);
	}

	public static Expr.Logical and(Expr left, Expr right) {
		return new Expr.Logical(LogicalOperator.AND, left, right);
	}

	public static Expr.Logical or(Expr left, Expr right) {
		return new Expr.Logical(LogicalOperator.OR, left, right);
	}

	public static Expr.Not not(Expr operand) {
		return new Expr.Not(operand);
	}

	public static Expr.Arithmetic arithmetic(ArithmeticOperator operator, Expr left, Expr right) {
		return new Expr.Arithmetic(operator, left, right);
	}

	public static Expr.Arithmetic add(Expr left, Expr right) {
		return arithmetic(ArithmeticOperator.ADD, left, right);
	}

	public static Expr.Arithmetic sub(Expr left, Expr right) {
		return arithmetic(ArithmeticOperator.SUB, left, right);
	}

	public static Expr.Arithmetic mul(Expr left, Expr right) {
		return arithmetic(ArithmeticOperator.MUL, left, right);
	}

	public static Expr.Negate negate(Expr operand) {
		return new Expr.Negate(operand);
	}

	public static Expr.FunctionCall call(Function function, Expr... arguments) {
		return Expr.FunctionCall.of(function, arguments);
	}

}
