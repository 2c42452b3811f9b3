package org.cabildo.sensing.query;

import java.util.stream.Collectors;

/**
 * Writes a syntax tree back as filter text, with only the parentheses that precedence and
 * left-associativity require, so that a round trip through the parser also tests both.
 */
public final class ExprPrinter {

	private static final int OR = 1;

	private static final int AND = 2;

	private static final int NOT = 3;

	private static final int EQUALITY = 4;

	private static final int RELATIONAL = 5;

	private static final int ADDITIVE = 6;

	private static final int MULTIPLICATIVE = 7;

	private static final int UNARY = 8;

	private static final int PRIMARY = 9;

	private ExprPrinter() {
	}

	public static String print(Expr expr) {
		return print(expr, 0);
	}

	private static String print(Expr expr, int context) {
		String text = body(expr);
		return level(expr) < context ? "(" + text + ")" : text;
	}

	private static int level(Expr expr) {
		return switch (expr) {
			case Expr.Logical l -> l.operator() == Expr.LogicalOperator.OR ? OR : AND;
			case Expr.Not n -> NOT;
			case Expr.Comparison c -> switch (c.operator()) {
				case EQ, NE -> EQUALITY;
				case GT, GE, LT, LE -> RELATIONAL;
			};
			case Expr.Arithmetic a -> switch (a.operator()) {
				case ADD, SUB -> ADDITIVE;
				case MUL, DIV, MOD -> MULTIPLICATIVE;
			};
			case Expr.Negate n -> UNARY;
			default -> PRIMARY;
		};
	}

	private static String body(Expr expr) {
		return switch (expr) {
			case Expr.Logical l -> l.operator() == Expr.LogicalOperator.OR
					? print(l.left(), OR) + " or " + print(l.right(), AND)
					: print(l.left(), AND) + " and " + print(l.right(), NOT);
			case Expr.Not n -> "not " + print(n.operand(), NOT);
			case Expr.Comparison c -> {
				int own = level(c);
				yield print(c.left(), own) + " " + c.operator().name().toLowerCase() + " " + print(c.right(), own + 1);
			}
			case Expr.Arithmetic a -> {
				int own = level(a);
				yield print(a.left(), own) + " " + a.operator().name().toLowerCase() + " " + print(a.right(), own + 1);
			}
			// The space keeps "- 5" (negation of 5) apart from "-5" (a negative number).
			case Expr.Negate n -> "- " + print(n.operand(), UNARY);
			case Expr.FunctionCall f -> f.function().functionName() + "("
					+ f.arguments().stream().map(ExprPrinter::print).collect(Collectors.joining(", ")) + ")";
			case Expr.Path p -> String.join("/", p.segments());
			case Expr.StringLiteral s -> quote(s.value());
			case Expr.NumberLiteral n -> n.value().toString();
			case Expr.BooleanLiteral b -> Boolean.toString(b.value());
			case Expr.NullLiteral ignored -> "null";
			case Expr.DateTimeLiteral d -> d.value().toString();
			case Expr.DateLiteral d -> d.value().toString();
			case Expr.TimeLiteral t -> t.value().toString();
			case Expr.IntervalLiteral i -> i.start() + "/" + i.end();
			case Expr.DurationLiteral d -> "duration" + quote(d.value().toString());
			case Expr.GeometryLiteral g -> "geography" + quote(g.wkt());
		};
	}

	public static String quote(String value) {
		return "'" + value.replace("'", "''") + "'";
	}

}
