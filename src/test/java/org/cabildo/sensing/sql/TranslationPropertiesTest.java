package org.cabildo.sensing.sql;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;

import org.cabildo.sensing.model.EntityType;
import org.cabildo.sensing.model.Navigation;
import org.cabildo.sensing.query.Expr;
import org.cabildo.sensing.query.ExprArbitraries;
import org.cabildo.sensing.query.ExprPrinter;
import org.cabildo.sensing.query.FilterParser;
import org.cabildo.sensing.query.Function;
import org.cabildo.sensing.query.QueryException;

import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.EdgeCasesMode;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.Tuple;
import net.jqwik.api.Tuple.Tuple2;
import net.jqwik.api.constraints.DoubleRange;
import net.jqwik.api.statistics.Statistics;

class TranslationPropertiesTest {

	private static final String[] DATABASES = { "H2", "PostgreSQL" };

	@Property(tries = 1000)
	void anyStringIsOnlyEverABindParameter(@ForAll String value) {
		String literal = ExprPrinter.quote(value);
		assertThat(FilterParser.parse("name eq " + literal).expr())
			.isEqualTo(new Expr.Comparison(Expr.ComparisonOperator.EQ, Expr.Path.of("name"), new Expr.StringLiteral(value)));
		for (String database : DATABASES) {
			assertTextIndependentOfValue(database, EntityType.THING, "name eq %s", value, List.of(value));
			assertTextIndependentOfValue(database, EntityType.OBSERVATION, "Datastream/name eq %s or result eq %s",
					value, List.of(value, "", value));
			assertTextIndependentOfValue(database, EntityType.THING, "substringof(%s, name)", value, List.of(value));
			SqlFragment prefix = Translations.filter(database, EntityType.THING,
					"startswith(name, " + literal + ")");
			assertThat(prefix.text()).isEqualTo(
					Translations.filter(database, EntityType.THING, "startswith(name, 'x')").text());
		}
	}

	/** The SQL text is the same as for the value "x", and the value is bound as given. */
	private static void assertTextIndependentOfValue(String database, EntityType type, String template, String value,
			List<Object> parameters) {
		SqlFragment sql = Translations.filter(database, type, template.replace("%s", ExprPrinter.quote(value)));
		SqlFragment reference = Translations.filter(database, type, template.replace("%s", "'x'"));
		assertThat(sql.text()).isEqualTo(reference.text());
		assertThat(sql.parameters()).containsExactlyElementsOf(parameters);
	}

	@Property(tries = 1000)
	void anyLongIsBoundWithItsExactValue(@ForAll long value) {
		for (String database : DATABASES) {
			SqlFragment sql = Translations.filter(database, EntityType.THING, "id eq " + value);
			assertThat(exact(sql.parameters().get(0))).isEqualByComparingTo(BigDecimal.valueOf(value));
		}
	}

	@Property(tries = 1000)
	void anyFiniteDoubleIsBoundAsTheSameDouble(
			@ForAll @DoubleRange(min = -Double.MAX_VALUE, max = Double.MAX_VALUE) double value) {
		SqlFragment sql = Translations.filter(EntityType.OBSERVATION, "result eq " + value);
		assertThat(((Number) sql.parameters().get(0)).doubleValue()).isEqualTo(value);
	}

	private static BigDecimal exact(Object parameter) {
		return switch (parameter) {
			case Long l -> BigDecimal.valueOf(l);
			case Double d -> new BigDecimal(d);
			default -> throw new AssertionError("a number was bound as " + parameter.getClass());
		};
	}

	/**
	 * Any well-formed filter over real property paths either translates, with one placeholder
	 * per parameter, or is refused with a QueryException: never another exception.
	 */
	@Property(tries = 3000, edgeCases = EdgeCasesMode.NONE)
	void anyWellFormedFilterTranslatesOrIsRefusedWithAQueryException(
			@ForAll("filters") Tuple2<EntityType, Expr> typeAndFilter, @ForAll("databases") String database) {
		EntityType type = typeAndFilter.get1();
		String text = ExprPrinter.print(typeAndFilter.get2());
		try {
			SqlFragment sql = Translations.filter(database, type, text);
			assertThat(sql.text()).isNotBlank();
			Statistics.label("outcome").collect("translated");
		}
		catch (QueryException e) {
			assertThat(e.position()).as(e.getMessage()).isBetween(0, text.length());
			Statistics.label("outcome").collect("refused");
		}
		Statistics.label("outcome").coverage(coverage -> {
			coverage.check("translated").percentage(p -> p > 30);
			coverage.check("refused").percentage(p -> p > 5);
		});
	}

	@Property(tries = 1000, edgeCases = EdgeCasesMode.NONE)
	void anyWellFormedOrderByTranslatesOrIsRefusedWithAQueryException(@ForAll("entityTypes") EntityType type,
			@ForAll("trees") Expr key) {
		try {
			Translations.orderBy(type, "(" + ExprPrinter.print(key) + ") desc");
			Statistics.label("outcome").collect("translated");
		}
		catch (QueryException e) {
			assertThat(e.option()).isEqualTo("$orderby");
			Statistics.label("outcome").collect("refused");
		}
		Statistics.label("outcome").coverage(coverage -> coverage.check("translated").percentage(p -> p > 5));
	}

	@Property(tries = 1000)
	void anyGeometryTextGivesAPredicateOrAQueryException(@ForAll("wellKnownTextLike") String wkt) {
		String filter = "st_intersects(location, geography" + ExprPrinter.quote(wkt) + ")";
		try {
			Translations.filter(EntityType.LOCATION, filter);
		}
		catch (QueryException e) {
			assertThat(e.position()).isBetween(0, filter.length());
		}
	}

	@Provide
	Arbitrary<EntityType> entityTypes() {
		return Arbitraries.of(EntityType.class);
	}

	@Provide
	Arbitrary<String> databases() {
		return Arbitraries.of(DATABASES);
	}

	@Provide
	Arbitrary<Expr> trees() {
		return ExprArbitraries.expressions(3, Arbitraries.of(realPaths()));
	}

	/** For a random entity type: mostly conditions that make sense for it, sometimes any tree at all. */
	@Provide
	Arbitrary<Tuple2<EntityType, Expr>> filters() {
		Map<EntityType, Arbitrary<Expr>> conditions = new EnumMap<>(EntityType.class);
		for (EntityType type : EntityType.values()) {
			conditions.put(type, conditions(type, 3));
		}
		Arbitrary<Expr> trees = trees();
		return Arbitraries.of(EntityType.class)
			.flatMap(type -> Arbitraries.frequencyOf(Tuple.of(3, conditions.get(type)), Tuple.of(1, trees))
				.map(filter -> Tuple.of(type, filter)));
	}

	private static Arbitrary<Expr> conditions(EntityType type, int depth) {
		Arbitrary<Expr> leaf = leafConditions(type);
		if (depth == 0) {
			return leaf;
		}
		Arbitrary<Expr> sub = Arbitraries.lazy(() -> conditions(type, depth - 1));
		return Arbitraries.frequencyOf(Tuple.of(3, leaf),
				Tuple.of(2, Combinators.combine(Arbitraries.of(Expr.LogicalOperator.class), sub, sub)
					.as(Expr.Logical::new)),
				Tuple.of(1, sub.map(Expr.Not::new)));
	}

	private static Arbitrary<Expr> leafConditions(EntityType type) {
		List<Arbitrary<Expr>> leaves = new ArrayList<>();
		for (org.cabildo.sensing.model.Property property : type.properties()) {
			leaves.add(condition(List.of(property.name()), property));
		}
		for (Navigation navigation : type.navigations()) {
			leaves.add(condition(List.of(navigation.name(), "id"), navigation.target().property("id").orElseThrow()));
			for (org.cabildo.sensing.model.Property property : navigation.target().properties()) {
				leaves.add(condition(List.of(navigation.name(), property.name()), property));
			}
		}
		return Arbitraries.oneOf(leaves);
	}

	/** A condition on a property, with literals of the kind the property holds. */
	private static Arbitrary<Expr> condition(List<String> segments, org.cabildo.sensing.model.Property property) {
		Expr.Path path = new Expr.Path(segments);
		Arbitrary<Expr> numbers = ExprArbitraries.numbers().map(Expr.NumberLiteral::new);
		Arbitrary<Expr> strings = Arbitraries.strings().ofMaxLength(8).map(Expr.StringLiteral::new);
		Arbitrary<Expr> times = Arbitraries.oneOf(ExprArbitraries.dateTimes().map(Expr.DateTimeLiteral::new),
				ExprArbitraries.intervals(), ExprArbitraries.dates().map(Expr.DateLiteral::new));
		return switch (property.kind()) {
			case ID -> compare(Arbitraries.just(path), numbers);
			case TEXT -> Arbitraries.oneOf(compare(Arbitraries.just(path), strings),
					strings.map(s -> Expr.FunctionCall.of(Function.STARTSWITH, path, s)),
					compare(Arbitraries.just(Expr.FunctionCall.of(Function.LENGTH, path)), numbers));
			case JSON -> compare(Arbitraries.just(jsonPath(path)), Arbitraries.oneOf(strings, numbers,
					Arbitraries.of(new Expr.BooleanLiteral(true), new Expr.NullLiteral())));
			case GEOMETRY -> Arbitraries.oneOf(
					Combinators.combine(Arbitraries.of(Function.ST_WITHIN, Function.ST_INTERSECTS, Function.ST_CONTAINS,
							Function.GEO_INTERSECTS), ExprArbitraries.geometries())
						.as((f, g) -> Expr.FunctionCall.of(f, path, g)),
					compare(ExprArbitraries.geometries().map(g -> Expr.FunctionCall.of(Function.GEO_DISTANCE, path, g)),
							numbers));
			case INSTANT, INTERVAL, INSTANT_OR_INTERVAL -> Arbitraries.oneOf(compare(Arbitraries.just(path), times),
					compare(Arbitraries.just(Expr.FunctionCall.of(Function.YEAR, path)), numbers),
					compare(ExprArbitraries.durations()
						.map(d -> new Expr.Arithmetic(Expr.ArithmeticOperator.SUB, Expr.FunctionCall.of(Function.NOW),
								new Expr.DurationLiteral(d))),
							Arbitraries.just(path)));
			case RESULT -> Arbitraries.oneOf(compare(Arbitraries.just(path), Arbitraries.oneOf(numbers, strings)),
					compare(Combinators.combine(Arbitraries.of(Expr.ArithmeticOperator.class), numbers)
						.as((operator, n) -> new Expr.Arithmetic(operator, path, n)), numbers));
		};
	}

	private static Expr.Path jsonPath(Expr.Path path) {
		List<String> segments = new ArrayList<>(path.segments());
		segments.add("a");
		return new Expr.Path(segments);
	}

	/** A comparison with either side first. */
	private static Arbitrary<Expr> compare(Arbitrary<? extends Expr> left, Arbitrary<? extends Expr> right) {
		return Combinators.combine(Arbitraries.of(Expr.ComparisonOperator.class), left, right, Arbitraries.of(true, false))
			.as((operator, l, r, swap) -> swap ? new Expr.Comparison(operator, r, l) : new Expr.Comparison(operator, l, r));
	}

	/** Every property and one-step navigation path of every entity type, plus a few that exist nowhere. */
	private static List<List<String>> realPaths() {
		List<List<String>> paths = new ArrayList<>();
		paths.add(List.of("id"));
		paths.add(List.of("@iot.id"));
		paths.add(List.of("nothing"));
		paths.add(List.of("properties", "a", "b"));
		paths.add(List.of("result", "x"));
		paths.add(List.of("name", "first"));
		for (EntityType type : EntityType.values()) {
			for (org.cabildo.sensing.model.Property property : type.properties()) {
				paths.add(List.of(property.name()));
			}
			for (Navigation navigation : type.navigations()) {
				paths.add(List.of(navigation.name()));
				paths.add(List.of(navigation.name(), "id"));
				for (org.cabildo.sensing.model.Property property : navigation.target().properties()) {
					paths.add(List.of(navigation.name(), property.name()));
				}
			}
		}
		return paths;
	}

	@Provide
	Arbitrary<String> wellKnownTextLike() {
		Arbitrary<String> pieces = Arbitraries.of("POINT", "LINESTRING", "POLYGON", "MULTIPOINT", "GEOMETRYCOLLECTION",
				"EMPTY", "SRID=4326;", "SRID=x;", "(", ")", "((", "))", ",", " ", "0", "1", "-1.5", "1e400", "NaN", "Z",
				"M", ";", "0 0", "1 1", "0 0, 1 0, 1 1, 0 0", "0 0, 1 1");
		return pieces.list().ofMaxSize(12).map(parts -> String.join("", parts));
	}

}
