package org.cabildo.sensing.query;

import java.util.ArrayList;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import org.cabildo.sensing.query.Expr.ArithmeticOperator;
import org.cabildo.sensing.query.Expr.ComparisonOperator;
import org.cabildo.sensing.query.Expr.LogicalOperator;
import org.cabildo.sensing.query.Lexer.Kind;
import org.cabildo.sensing.query.Lexer.Token;

/**
 * Recursive-descent parser for filter expressions. Precedence, lowest first: {@code or},
 * {@code and}, {@code not}, equality ({@code eq ne}), relational ({@code gt ge lt le}),
 * additive, multiplicative, unary minus.
 */
public final class FilterParser {

	/** Deeper nesting than this is refused, so hostile input cannot exhaust the stack. */
	static final int MAX_DEPTH = 64;

	/**
	 * More {@code and}/{@code or}/arithmetic operators than this are refused: each one deepens
	 * the tree the translator walks recursively and the SQL the database parses recursively
	 * (H2 exhausts a 1 MB stack at about 320 nested ORs).
	 */
	static final int MAX_OPERATORS = 200;

	private final List<Token> tokens;

	private final String option;

	private final Map<Expr, Integer> positions = new IdentityHashMap<>();

	private int cursor;

	private int depth;

	private int operators;

	private FilterParser(String text, String option) {
		this.tokens = new Lexer(text, option).tokens();
		this.option = option;
	}

	/** Parses a whole {@code $filter} value. */
	public static ParsedExpression parse(String text) {
		return parse(text, "$filter");
	}

	public static ParsedExpression parse(String text, String option) {
		FilterParser parser = new FilterParser(text, option);
		Expr expr = parser.expression();
		parser.expect(Kind.END, "end of expression");
		return new ParsedExpression(expr, parser.positions);
	}

	/** Parses a comma-separated {@code $orderby} value. */
	public static List<OrderItem> parseOrderBy(String text) {
		FilterParser parser = new FilterParser(text, "$orderby");
		List<OrderItem> items = new ArrayList<>();
		do {
			Expr expr = parser.additive();
			boolean descending = false;
			Token next = parser.peek();
			if (next.kind() == Kind.IDENTIFIER && (is(next, "asc") || is(next, "desc"))) {
				descending = is(next, "desc");
				parser.cursor++;
			}
			items.add(new OrderItem(expr, descending, parser.positions.getOrDefault(expr, 0)));
		}
		while (parser.accept(Kind.COMMA));
		parser.expect(Kind.END, "',' or end of $orderby");
		return items;
	}

	private Expr expression() {
		if (++depth > MAX_DEPTH) {
			throw error("expression is nested more than " + MAX_DEPTH + " levels deep", peek().position());
		}
		try {
			return or();
		}
		finally {
			depth--;
		}
	}

	private Expr or() {
		Expr left = and();
		while (acceptKeyword("or")) {
			int at = previous().position();
			countOperator(at);
			left = at(new Expr.Logical(LogicalOperator.OR, left, and()), at);
		}
		return left;
	}

	private Expr and() {
		Expr left = not();
		while (acceptKeyword("and")) {
			int at = previous().position();
			countOperator(at);
			left = at(new Expr.Logical(LogicalOperator.AND, left, not()), at);
		}
		return left;
	}

	private Expr not() {
		if (acceptKeyword("not")) {
			int at = previous().position();
			enter(at);
			try {
				return at(new Expr.Not(not()), at);
			}
			finally {
				depth--;
			}
		}
		return equality();
	}

	/**
	 * OData (and so SensorThings 1.1) ranks equality below the relational operators and
	 * lets both chain from the left: {@code result gt 3 eq true} is {@code (result gt 3) eq true}.
	 */
	private Expr equality() {
		Expr left = relational();
		while (true) {
			Token next = peek();
			ComparisonOperator operator = comparisonOperator(next);
			if (operator != ComparisonOperator.EQ && operator != ComparisonOperator.NE) {
				return left;
			}
			cursor++;
			countChain(left, next.position());
			left = at(new Expr.Comparison(operator, left, relational()), next.position());
		}
	}

	private Expr relational() {
		Expr left = additive();
		while (true) {
			Token next = peek();
			ComparisonOperator operator = comparisonOperator(next);
			if (operator == null || operator == ComparisonOperator.EQ || operator == ComparisonOperator.NE) {
				return left;
			}
			cursor++;
			countChain(left, next.position());
			left = at(new Expr.Comparison(operator, left, additive()), next.position());
		}
	}

	/** A comparison of comparisons deepens the tree as and/or do; a single comparison does not count. */
	private void countChain(Expr left, int position) {
		if (left instanceof Expr.Comparison) {
			countOperator(position);
		}
	}

	private static ComparisonOperator comparisonOperator(Token token) {
		return token.kind() == Kind.IDENTIFIER ? comparisonOperator(token.text()) : null;
	}

	private Expr additive() {
		Expr left = multiplicative();
		while (true) {
			Token next = peek();
			ArithmeticOperator operator = is(next, "add") ? ArithmeticOperator.ADD
					: is(next, "sub") ? ArithmeticOperator.SUB : null;
			if (operator == null) {
				return left;
			}
			cursor++;
			countOperator(next.position());
			left = at(new Expr.Arithmetic(operator, left, multiplicative()), next.position());
		}
	}

	private Expr multiplicative() {
		Expr left = unary();
		while (true) {
			Token next = peek();
			ArithmeticOperator operator = is(next, "mul") ? ArithmeticOperator.MUL
					: is(next, "div") ? ArithmeticOperator.DIV : is(next, "mod") ? ArithmeticOperator.MOD : null;
			if (operator == null) {
				return left;
			}
			cursor++;
			countOperator(next.position());
			left = at(new Expr.Arithmetic(operator, left, unary()), next.position());
		}
	}

	private Expr unary() {
		Token next = peek();
		if (next.kind() == Kind.IDENTIFIER && next.text().equals("-")) {
			cursor++;
			enter(next.position());
			try {
				return at(new Expr.Negate(unary()), next.position());
			}
			finally {
				depth--;
			}
		}
		return primary();
	}

	private Expr primary() {
		Token token = advance();
		switch (token.kind()) {
			case OPEN -> {
				Expr inner = expression();
				expect(Kind.CLOSE, "')'");
				return inner;
			}
			case LITERAL -> {
				return at(token.literal(), token.position());
			}
			case IDENTIFIER -> {
				if (peek().kind() == Kind.OPEN) {
					return functionCall(token);
				}
				if (isReserved(token.text())) {
					throw error("expected a value but found '" + token.text() + "'", token.position());
				}
				return path(token);
			}
			case END -> throw error("expression ends where a value is expected", token.position());
			default -> throw error("expected a value but found '" + token.text() + "'", token.position());
		}
	}

	private Expr functionCall(Token name) {
		Function function = Function.named(name.text())
			.orElseThrow(() -> error("unknown function '" + name.text() + "'", name.position()));
		expect(Kind.OPEN, "'('");
		enter(name.position());
		List<Expr> arguments = new ArrayList<>();
		try {
			if (!accept(Kind.CLOSE)) {
				do {
					arguments.add(expression());
				}
				while (accept(Kind.COMMA));
				expect(Kind.CLOSE, "',' or ')'");
			}
		}
		finally {
			depth--;
		}
		if (arguments.size() < function.minArguments() || arguments.size() > function.maxArguments()) {
			String expected = function.minArguments() == function.maxArguments() ? "" + function.minArguments()
					: function.minArguments() + " to " + function.maxArguments();
			throw error(function.functionName() + " takes " + expected + " argument(s) but got " + arguments.size(),
					name.position());
		}
		return at(new Expr.FunctionCall(function, arguments), name.position());
	}

	private Expr path(Token first) {
		List<String> segments = new ArrayList<>();
		segments.add(first.text());
		while (accept(Kind.SLASH)) {
			Token segment = advance();
			if (segment.kind() != Kind.IDENTIFIER) {
				throw error("expected a property name after '/'", segment.position());
			}
			segments.add(segment.text());
		}
		return at(new Expr.Path(segments), first.position());
	}

	private void enter(int position) {
		if (++depth > MAX_DEPTH) {
			throw error("expression is nested more than " + MAX_DEPTH + " levels deep", position);
		}
	}

	private void countOperator(int position) {
		if (++operators > MAX_OPERATORS) {
			throw error("expression has more than " + MAX_OPERATORS + " operators", position);
		}
	}

	private static ComparisonOperator comparisonOperator(String word) {
		return switch (word.toLowerCase(Locale.ROOT)) {
			case "eq" -> ComparisonOperator.EQ;
			case "ne" -> ComparisonOperator.NE;
			case "gt" -> ComparisonOperator.GT;
			case "ge" -> ComparisonOperator.GE;
			case "lt" -> ComparisonOperator.LT;
			case "le" -> ComparisonOperator.LE;
			default -> null;
		};
	}

	private static boolean isReserved(String word) {
		return switch (word.toLowerCase(Locale.ROOT)) {
			case "and", "or", "not", "eq", "ne", "gt", "ge", "lt", "le", "add", "sub", "mul", "div", "mod" -> true;
			default -> false;
		};
	}

	private static boolean is(Token token, String keyword) {
		return token.kind() == Kind.IDENTIFIER && token.text().equalsIgnoreCase(keyword);
	}

	private Expr at(Expr expr, int position) {
		positions.putIfAbsent(expr, position);
		return expr;
	}

	private Token peek() {
		return tokens.get(cursor);
	}

	private Token previous() {
		return tokens.get(cursor - 1);
	}

	private Token advance() {
		Token token = tokens.get(cursor);
		if (token.kind() != Kind.END) {
			cursor++;
		}
		return token;
	}

	private boolean accept(Kind kind) {
		if (peek().kind() == kind) {
			cursor++;
			return true;
		}
		return false;
	}

	private boolean acceptKeyword(String keyword) {
		if (is(peek(), keyword)) {
			cursor++;
			return true;
		}
		return false;
	}

	private void expect(Kind kind, String what) {
		Token token = peek();
		if (token.kind() != kind) {
			String found = token.kind() == Kind.END ? "end of expression" : "'" + token.text() + "'";
			throw error("expected " + what + " but found " + found, token.position());
		}
		cursor++;
	}

	private QueryException error(String message, int position) {
		return new QueryException(message + " at position " + position, option, position);
	}

	/** A parsed expression and the text position of each node, for error messages. */
	public record ParsedExpression(Expr expr, Map<Expr, Integer> positions) {

		public int positionOf(Expr node) {
			return positions.getOrDefault(node, -1);
		}

	}

	public record OrderItem(Expr expr, boolean descending, int position) {
	}

}
