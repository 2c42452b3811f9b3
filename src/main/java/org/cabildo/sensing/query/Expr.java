package org.cabildo.sensing.query;

import java.math.BigDecimal;
import java.time.Duration;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.OffsetDateTime;
import java.util.List;

/**
 * The abstract syntax of a SensorThings {@code $filter} or {@code $orderby} expression.
 * Nodes are values: two parses of the same text are equal.
 */
public sealed interface Expr {

	/** A property path such as {@code name}, {@code Datastream/Thing/name} or {@code properties/a/b}. */
	record Path(List<String> segments) implements Expr {
		public Path {
			segments = List.copyOf(segments);
		}

		public static Path of(String... segments) {
			return new Path(List.of(segments));
		}

		@Override
		public String toString() {
			return String.join("/", segments);
		}
	}

	record StringLiteral(String value) implements Expr {
	}

	record NumberLiteral(BigDecimal value) implements Expr {
		public static NumberLiteral of(String text) {
			return new NumberLiteral(new BigDecimal(text));
		}
	}

	record BooleanLiteral(boolean value) implements Expr {
	}

	record NullLiteral() implements Expr {
	}

	record DateTimeLiteral(OffsetDateTime value) implements Expr {
	}

	record DateLiteral(LocalDate value) implements Expr {
	}

	record TimeLiteral(LocalTime value) implements Expr {
	}

	record IntervalLiteral(OffsetDateTime start, OffsetDateTime end) implements Expr {
	}

	record DurationLiteral(Duration value) implements Expr {
	}

	/** A geometry written as {@code geography'WKT'}; kept as text so that equal texts are equal nodes. */
	record GeometryLiteral(String wkt) implements Expr {
	}

	record Comparison(ComparisonOperator operator, Expr left, Expr right) implements Expr {
	}

	record Logical(LogicalOperator operator, Expr left, Expr right) implements Expr {
	}

	record Not(Expr operand) implements Expr {
	}

	record Arithmetic(ArithmeticOperator operator, Expr left, Expr right) implements Expr {
	}

	record Negate(Expr operand) implements Expr {
	}

	record FunctionCall(Function function, List<Expr> arguments) implements Expr {
		public FunctionCall {
			arguments = List.copyOf(arguments);
		}

		public static FunctionCall of(Function function, Expr... arguments) {
			return new FunctionCall(function, List.of(arguments));
		}
	}

	enum ComparisonOperator {
		EQ, NE, GT, GE, LT, LE;

		public ComparisonOperator mirrored() {
			return switch (this) {
				case EQ, NE -> this;
				case GT -> LT;
				case GE -> LE;
				case LT -> GT;
				case LE -> GE;
			};
		}
	}

	enum LogicalOperator {
		AND, OR
	}

	enum ArithmeticOperator {
		ADD, SUB, MUL, DIV, MOD
	}

}
