package org.cabildo.sensing.query;

import java.math.BigDecimal;
import java.time.Duration;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.OffsetDateTime;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** Splits filter text into tokens; literals are converted to their Java values here. */
final class Lexer {

	enum Kind {
		IDENTIFIER, LITERAL, OPEN, CLOSE, COMMA, SLASH, END
	}

	record Token(Kind kind, String text, int position, Expr literal) {
	}

	// A '+' of an offset arrives as a space when the client form-encoded the URL; accept both.
	private static final String OFFSET = "(?:Z|z|[+\\- ]\\d{2}:?\\d{2})";

	private static final Pattern DATE_TIME = Pattern
		.compile("\\d{4}-\\d{2}-\\d{2}T\\d{2}:\\d{2}(?::\\d{2}(?:\\.\\d{1,9})?)?" + OFFSET);

	private static final Pattern DATE = Pattern.compile("\\d{4}-\\d{2}-\\d{2}(?![T\\d])");

	private static final Pattern TIME = Pattern.compile("\\d{2}:\\d{2}(?::\\d{2}(?:\\.\\d{1,9})?)?");

	private static final Pattern NUMBER = Pattern.compile("-?\\d+(?:\\.\\d+)?(?:[eE][+-]?\\d+)?");

	private static final int MAX_EXPONENT = 400;

	private final String text;

	private final String option;

	private int index;

	Lexer(String text, String option) {
		this.text = text;
		this.option = option;
	}

	List<Token> tokens() {
		List<Token> tokens = new ArrayList<>();
		while (true) {
			skipSpace();
			if (index >= text.length()) {
				tokens.add(new Token(Kind.END, "", index, null));
				return tokens;
			}
			tokens.add(next());
		}
	}

	private void skipSpace() {
		while (index < text.length() && Character.isWhitespace(text.charAt(index))) {
			index++;
		}
	}

	private Token next() {
		int start = index;
		char c = text.charAt(index);
		switch (c) {
			case '(' -> {
				index++;
				return new Token(Kind.OPEN, "(", start, null);
			}
			case ')' -> {
				index++;
				return new Token(Kind.CLOSE, ")", start, null);
			}
			case ',' -> {
				index++;
				return new Token(Kind.COMMA, ",", start, null);
			}
			case '/' -> {
				index++;
				return new Token(Kind.SLASH, "/", start, null);
			}
			case '\'' -> {
				String value = quoted();
				return new Token(Kind.LITERAL, text.substring(start, index), start, new Expr.StringLiteral(value));
			}
			default -> {
			}
		}
		if (Character.isDigit(c) || (c == '-' && index + 1 < text.length() && Character.isDigit(text.charAt(index + 1)))) {
			return numberOrTime(start);
		}
		if (isIdentifierStart(c)) {
			return identifierOrTypedLiteral(start);
		}
		if (c == '-') {
			index++;
			return new Token(Kind.IDENTIFIER, "-", start, null);
		}
		// The whole code point: half of a surrogate pair would make the problem body not Unicode.
		throw error("unexpected character '" + Character.toString(text.codePointAt(start)) + "'", start);
	}

	private String quoted() {
		int start = index;
		StringBuilder value = new StringBuilder();
		index++;
		while (index < text.length()) {
			char c = text.charAt(index++);
			if (c == '\'') {
				if (index < text.length() && text.charAt(index) == '\'') {
					value.append('\'');
					index++;
				}
				else {
					return value.toString();
				}
			}
			else {
				value.append(c);
			}
		}
		throw error("string literal is not closed", start);
	}

	private Token numberOrTime(int start) {
		Matcher dateTime = DATE_TIME.matcher(text).region(start, text.length());
		if (dateTime.lookingAt()) {
			OffsetDateTime first = dateTime(dateTime.group(), start);
			index = dateTime.end();
			if (index < text.length() && text.charAt(index) == '/') {
				Matcher second = DATE_TIME.matcher(text).region(index + 1, text.length());
				if (second.lookingAt()) {
					OffsetDateTime end = dateTime(second.group(), index + 1);
					index = second.end();
					if (end.isBefore(first)) {
						throw error("interval ends before it starts", start);
					}
					return literal(start, new Expr.IntervalLiteral(first, end));
				}
			}
			return literal(start, new Expr.DateTimeLiteral(first));
		}
		Matcher date = DATE.matcher(text).region(start, text.length());
		if (date.lookingAt()) {
			index = date.end();
			try {
				return literal(start, new Expr.DateLiteral(LocalDate.parse(date.group())));
			}
			catch (DateTimeParseException e) {
				throw error("invalid date '" + date.group() + "'", start);
			}
		}
		Matcher time = TIME.matcher(text).region(start, text.length());
		if (time.lookingAt()) {
			index = time.end();
			try {
				return literal(start, new Expr.TimeLiteral(LocalTime.parse(time.group())));
			}
			catch (DateTimeParseException e) {
				throw error("invalid time '" + time.group() + "'", start);
			}
		}
		Matcher number = NUMBER.matcher(text).region(start, text.length());
		if (!number.lookingAt()) {
			throw error("invalid number", start);
		}
		index = number.end();
		BigDecimal value;
		try {
			value = new BigDecimal(number.group());
		}
		catch (NumberFormatException e) {
			throw error("number " + number.group() + " is out of range", start);
		}
		if (Math.abs((long) value.precision() - value.scale()) > MAX_EXPONENT || value.abs().doubleValue() > Double.MAX_VALUE) {
			throw error("number " + number.group() + " is out of range", start);
		}
		return literal(start, new Expr.NumberLiteral(value));
	}

	private OffsetDateTime dateTime(String value, int position) {
		String normalised = value.replace(' ', '+');
		try {
			return OffsetDateTime.parse(normalised);
		}
		catch (DateTimeParseException e) {
			throw error("invalid date-time '" + value + "'", position);
		}
	}

	private Token identifierOrTypedLiteral(int start) {
		while (index < text.length() && isIdentifierPart(text.charAt(index))) {
			index++;
		}
		String word = text.substring(start, index);
		if (index < text.length() && text.charAt(index) == '\'') {
			int quoteAt = index;
			String content = quoted();
			return switch (word.toLowerCase()) {
				case "geography", "geometry" -> literal(start, new Expr.GeometryLiteral(content.trim()));
				case "duration" -> literal(start, duration(content, quoteAt));
				default -> throw error("unknown literal type '" + word + "'", start);
			};
		}
		return switch (word.toLowerCase()) {
			case "true" -> literal(start, new Expr.BooleanLiteral(true));
			case "false" -> literal(start, new Expr.BooleanLiteral(false));
			case "null" -> literal(start, new Expr.NullLiteral());
			default -> new Token(Kind.IDENTIFIER, word, start, null);
		};
	}

	private Expr.DurationLiteral duration(String content, int position) {
		try {
			return new Expr.DurationLiteral(Duration.parse(content));
		}
		catch (DateTimeParseException e) {
			throw error("invalid duration '" + content + "', expected ISO 8601 such as P1DT2H", position);
		}
	}

	private Token literal(int start, Expr value) {
		return new Token(Kind.LITERAL, text.substring(start, index), start, value);
	}

	private static boolean isIdentifierStart(char c) {
		return Character.isLetter(c) || c == '_' || c == '@' || c == '$';
	}

	private static boolean isIdentifierPart(char c) {
		return Character.isLetterOrDigit(c) || c == '_' || c == '@' || c == '.' || c == '-' || c == '[' || c == ']'
				|| c == '$';
	}

	private QueryException error(String message, int position) {
		return new QueryException(message + " at position " + position, option, position);
	}

}
