package org.cabildo.sensing.query;

import java.math.BigDecimal;
import java.math.BigInteger;
import java.time.Duration;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Locale;
import java.util.Set;

import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.Tuple;

/** Generators of well-formed syntax trees, for the property tests of the parser and the translator. */
public final class ExprArbitraries {

	private static final Set<String> KEYWORDS = Set.of("and", "or", "not", "eq", "ne", "gt", "ge", "lt", "le", "add",
			"sub", "mul", "div", "mod", "true", "false", "null");

	private ExprArbitraries() {
	}

	/** Any well-formed tree of at most {@code depth} levels, with paths made of {@code identifiers}. */
	public static Arbitrary<Expr> expressions(int depth, Arbitrary<List<String>> paths) {
		Arbitrary<Expr> leaves = leaves(paths);
		if (depth == 0) {
			return leaves;
		}
		Arbitrary<Expr> sub = Arbitraries.lazy(() -> expressions(depth - 1, paths));
		return Arbitraries.frequencyOf(Tuple.of(3, leaves),
				Tuple.of(2, Combinators.combine(Arbitraries.of(Expr.ComparisonOperator.class), sub, sub)
					.as(Expr.Comparison::new)),
				Tuple.of(2, Combinators.combine(Arbitraries.of(Expr.LogicalOperator.class), sub, sub)
					.as(Expr.Logical::new)),
				Tuple.of(1, sub.map(Expr.Not::new)),
				Tuple.of(2, Combinators.combine(Arbitraries.of(Expr.ArithmeticOperator.class), sub, sub)
					.as(Expr.Arithmetic::new)),
				Tuple.of(1, sub.map(Expr.Negate::new)),
				Tuple.of(2, Arbitraries.of(Function.class)
					.flatMap(f -> sub.list()
						.ofMinSize(f.minArguments())
						.ofMaxSize(f.maxArguments())
						.map(arguments -> new Expr.FunctionCall(f, arguments)))));
	}

	public static Arbitrary<Expr> expressions(int depth) {
		return expressions(depth, identifiers().list().ofMinSize(1).ofMaxSize(3));
	}

	public static Arbitrary<Expr> leaves(Arbitrary<List<String>> paths) {
		return Arbitraries.oneOf(paths.map(Expr.Path::new), Arbitraries.strings().ofMaxLength(12).map(Expr.StringLiteral::new),
				numbers().map(Expr.NumberLiteral::new), Arbitraries.of(true, false).map(Expr.BooleanLiteral::new),
				Arbitraries.just(new Expr.NullLiteral()), dateTimes().map(Expr.DateTimeLiteral::new),
				dates().map(Expr.DateLiteral::new), times().map(Expr.TimeLiteral::new), intervals(),
				durations().map(Expr.DurationLiteral::new), geometries());
	}

	/** Names that the lexer reads as one identifier and the parser as a property, not as a keyword. */
	public static Arbitrary<String> identifiers() {
		Arbitrary<Character> first = Arbitraries.chars().with('_', '@', '$', 'é', 'ß', '名', 'Ж').range('a', 'z')
			.range('A', 'Z');
		Arbitrary<String> rest = Arbitraries.strings()
			.withChars('_', '@', '$', '.', '-', '[', ']', 'ü', '字')
			.withCharRange('a', 'z')
			.withCharRange('A', 'Z')
			.withCharRange('0', '9')
			.ofMaxLength(8);
		return Combinators.combine(first, rest)
			.as((c, s) -> c + s)
			.filter(name -> !KEYWORDS.contains(name.toLowerCase(Locale.ROOT)));
	}

	/** Decimal numbers within the range the lexer accepts, with any scale. */
	public static Arbitrary<BigDecimal> numbers() {
		Arbitrary<BigInteger> unscaled = Arbitraries.bigIntegers()
			.between(BigInteger.TEN.pow(30).negate(), BigInteger.TEN.pow(30));
		return Combinators.combine(unscaled, Arbitraries.integers().between(-250, 250)).as(BigDecimal::new);
	}

	public static Arbitrary<OffsetDateTime> dateTimes() {
		Arbitrary<LocalDateTime> local = Combinators
			.combine(dates(), times())
			.as(LocalDateTime::of);
		Arbitrary<ZoneOffset> offsets = Arbitraries.integers()
			.between(-18 * 60, 18 * 60)
			.map(minutes -> ZoneOffset.ofTotalSeconds(minutes * 60));
		return Combinators.combine(local, offsets).as(OffsetDateTime::of);
	}

	public static Arbitrary<LocalDate> dates() {
		return Arbitraries.longs()
			.between(LocalDate.of(1, 1, 1).toEpochDay(), LocalDate.of(9999, 12, 31).toEpochDay())
			.map(LocalDate::ofEpochDay);
	}

	public static Arbitrary<LocalTime> times() {
		Arbitrary<Long> nanos = Arbitraries.oneOf(Arbitraries.just(0L),
				Arbitraries.longs().between(0, 86_399L).map(s -> s * 1_000_000_000L),
				Arbitraries.longs().between(0, 86_399_999_999_999L));
		return nanos.map(LocalTime::ofNanoOfDay);
	}

	public static Arbitrary<Expr> intervals() {
		// Both ends within the years 1 to 9999 that dates() keeps to: a later end would print with
		// the sign ISO 8601 gives years of five digits ("+10170-05-25..."), which no filter holds.
		return Combinators.combine(dateTimes(), Arbitraries.longs().between(0, 10_000_000_000L))
			.as((start, seconds) -> new Expr.IntervalLiteral(start, start.plusSeconds(seconds)))
			.filter(interval -> interval.end().getYear() <= 9999)
			.map(Expr.class::cast);
	}

	public static Arbitrary<Duration> durations() {
		return Combinators.combine(Arbitraries.longs().between(-10_000_000_000L, 10_000_000_000L),
				Arbitraries.integers().between(0, 999_999_999))
			.as(Duration::ofSeconds);
	}

	public static Arbitrary<Expr> geometries() {
		return Arbitraries.integers()
			.between(-180, 180)
			.tuple2()
			.map(xy -> new Expr.GeometryLiteral("POINT (" + xy.get1() + " " + xy.get2() + ")"));
	}

}
