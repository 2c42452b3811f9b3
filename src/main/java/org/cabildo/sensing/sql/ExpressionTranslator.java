package org.cabildo.sensing.sql;

import static org.cabildo.sensing.sql.SqlFragment.bind;
import static org.cabildo.sensing.sql.SqlFragment.concat;

import java.math.BigDecimal;
import java.time.Clock;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.cabildo.platform.ApiException;
import org.cabildo.sensing.CostlyReads;
import org.cabildo.sensing.model.EntityType;
import org.cabildo.sensing.model.Navigation;
import org.cabildo.sensing.model.Navigation.Link;
import org.cabildo.sensing.model.Property;
import org.cabildo.sensing.model.ValueKind;
import org.cabildo.sensing.query.Expr;
import org.cabildo.sensing.query.Expr.ComparisonOperator;
import org.cabildo.sensing.query.FilterParser.OrderItem;
import org.cabildo.sensing.query.FilterParser.ParsedExpression;
import org.cabildo.sensing.query.QueryException;
import org.cabildo.sensing.sql.JoinScope.Node;
import org.cabildo.sensing.sql.Operand.Type;
import org.springframework.http.HttpStatus;

/**
 * Translates filter and order expressions into parameterised SQL over the tables of an
 * entity type. Every value of the expression becomes a bind parameter.
 */
public final class ExpressionTranslator {

	private static final OffsetDateTime MIN_TIME = OffsetDateTime.of(1, 1, 1, 0, 0, 0, 0, ZoneOffset.UTC);

	private static final OffsetDateTime MAX_TIME = OffsetDateTime.of(9999, 12, 31, 23, 59, 59, 999_999_000,
			ZoneOffset.UTC);

	private final Dialect dialect;

	private final GeometryMatcher geometries;

	private final Clock clock;

	private final CostlyReads costly;

	public ExpressionTranslator(Dialect dialect, GeometryMatcher geometries, Clock clock) {
		this(dialect, geometries, clock, CostlyReads.UNLIMITED);
	}

	public ExpressionTranslator(Dialect dialect, GeometryMatcher geometries, Clock clock, CostlyReads costly) {
		this.dialect = dialect;
		this.geometries = geometries;
		this.clock = clock;
		this.costly = costly;
	}

	/**
	 * The SQL condition of a {@code $filter} on the rows of {@code alias}. One that reaches
	 * through to-many relations takes a costly read from the caller's allowance first.
	 */
	public SqlFragment condition(EntityType type, String alias, ParsedExpression filter, String option,
			Aliases aliases) {
		Translation translation = new Translation(type, alias, filter.positions(), option, aliases);
		SqlFragment condition = translation.condition(filter.expr());
		if (translation.reach.reachesMany()) {
			costly.take().ifPresent(wait -> {
				throw new ApiException(HttpStatus.TOO_MANY_REQUESTS, "too many " + option
						+ " through to-many relations from this address without credentials; try again later, or sign in")
					.with("option", option)
					.retryAfter(wait);
			});
		}
		return condition;
	}

	/** The SQL sort keys of an {@code $orderby}, with direction and null placement. */
	public List<SqlFragment> orderBy(EntityType type, String alias, List<OrderItem> items, String option,
			Aliases aliases) {
		List<SqlFragment> keys = new ArrayList<>();
		for (OrderItem item : items) {
			Translation translation = new Translation(type, alias, Map.of(item.expr(), item.position()), option,
					aliases);
			keys.addAll(translation.sortKeys(item));
		}
		return keys;
	}

	private final class Translation {

		private final EntityType type;

		private final String alias;

		private final Map<Expr, Integer> positions;

		private final String option;

		private final Aliases aliases;

		private JoinScope scope;

		private final PathReach reach;

		/** Whether the current leaf reads a column of the filtered row itself. */
		private boolean rootReferenced;

		Translation(EntityType type, String alias, Map<Expr, Integer> positions, String option, Aliases aliases) {
			this.type = type;
			this.alias = alias;
			this.positions = positions;
			this.option = option;
			this.aliases = aliases;
			this.reach = new PathReach(type);
		}

		SqlFragment condition(Expr expr) {
			return switch (expr) {
				case Expr.Logical logical -> {
					// One level of parentheses for a chain of the same operator: a filter of 200 "or"
					// nested 200 deep overflowed the embedded database parser's stack.
					List<Object> parts = new ArrayList<>();
					parts.add("(");
					for (Expr operand : chained(logical, logical.operator(), new ArrayList<>())) {
						if (parts.size() > 1) {
							parts.add(logical.operator() == Expr.LogicalOperator.AND ? " AND " : " OR ");
						}
						parts.add(condition(operand));
					}
					parts.add(")");
					yield concat(parts.toArray());
				}
				case Expr.Not not -> concat("NOT (", condition(not.operand()), ")");
				default -> leaf(expr);
			};
		}

		/** The operands of a chain of one logical operator, left to right ((a or b) or c: a, b, c). */
		private static List<Expr> chained(Expr expr, Expr.LogicalOperator operator, List<Expr> operands) {
			if (expr instanceof Expr.Logical logical && logical.operator() == operator) {
				chained(logical.left(), operator, operands);
				chained(logical.right(), operator, operands);
			}
			else {
				operands.add(expr);
			}
			return operands;
		}

		private SqlFragment leaf(Expr expr) {
			scope = new JoinScope(type, alias, aliases);
			rootReferenced = false;
			if (mentionsGeometryFunction(expr)) {
				return geometryLeaf(expr);
			}
			SqlFragment condition = asCondition(value(expr), expr);
			return scope.semiJoin(condition, rootReferenced);
		}

		List<SqlFragment> sortKeys(OrderItem item) {
			scope = new JoinScope(type, alias, aliases);
			Operand operand = value(item.expr());
			if (scope.reachesMany()) {
				throw error(item.expr(), "$orderby can only follow paths to single related entities");
			}
			List<Expr.Path> paths = new ArrayList<>();
			collectPaths(item.expr(), paths);
			if (paths.isEmpty()) {
				// A constant ('a', 1 add 1) is the same for every row, so it orders nothing; as a bare
				// parameter in ORDER BY, H2 would take it for a column number.
				return List.of();
			}
			List<Operand> keys = switch (operand.type()) {
				// Keep the nullability: "DESC NULLS LAST" on a NOT NULL column would stop
				// PostgreSQL from reading the (datastream_id, phenomenon_time) index backwards.
				case INTERVAL -> List.of(new Operand(Type.DATETIME, operand.sql(), null, null, operand.nullable()),
						new Operand(Type.DATETIME, operand.endOrStart(), null, null, operand.nullable()));
				case RESULT -> List.of(Operand.of(Type.NUMBER, operand.sql()), coerce(operand, Type.STRING, item.expr()));
				case JSON -> List.of(coerce(operand, Type.NUMBER, item.expr()), coerce(operand, Type.STRING, item.expr()));
				case GEOMETRY -> geometryKeys(operand);
				case NULL -> List.of();
				default -> List.of(operand);
			};
			List<SqlFragment> sql = new ArrayList<>();
			for (Operand key : keys) {
				String direction = item.descending() ? " DESC" : " ASC";
				String nulls = key.nullable() ? (item.descending() ? " NULLS LAST" : " NULLS FIRST") : "";
				sql.add(concat(scope.scalar(key.sql()), direction, nulls));
			}
			return sql;
		}

		/**
		 * Geometries have no order of their own; they are ordered by their GeoJSON type, then by the
		 * JSON text of their coordinates (or of a collection's geometries) in character order (then
		 * by id, as every order ends). Text, not numbers: what the OGC test suite orders by (it
		 * compares the JSON of two geometries as text), read the same way on every database.
		 */
		private List<Operand> geometryKeys(Operand geometry) {
			String column = geometry.sql().text();
			SqlFragment positions = concat("COALESCE(cabildo_json_text(" + column + ", ", bind("coordinates"),
					"), cabildo_json_text(" + column + ", ", bind("geometries"), "))");
			return List.of(Operand.of(Type.STRING, concat("cabildo_json_text(" + column + ", ", bind("type"), ")")),
					Operand.of(Type.STRING, dialect.characterOrder(positions)));
		}

		// ---- values ----

		private Operand value(Expr expr) {
			return switch (expr) {
				case Expr.Path path -> path(scope.root(), withinReach(path), 0);
				case Expr.StringLiteral s -> Operand.notNull(Type.STRING, bind(s.value()));
				case Expr.NumberLiteral n -> Operand.notNull(Type.NUMBER, bind(bindable(n.value())));
				case Expr.BooleanLiteral b -> Operand.notNull(Type.BOOLEAN, bind(b.value()));
				case Expr.NullLiteral ignored -> Operand.of(Type.NULL, SqlFragment.of("NULL"));
				case Expr.DateTimeLiteral d -> Operand.notNull(Type.DATETIME, bind(utc(d.value())));
				case Expr.DateLiteral d -> Operand.notNull(Type.DATE, bind(d.value()));
				case Expr.TimeLiteral t -> Operand.notNull(Type.TIME, bind(t.value()));
				case Expr.IntervalLiteral i -> Operand.interval(bind(utc(i.start())),
						concat("CAST(", bind(utc(i.end())), " AS TIMESTAMP WITH TIME ZONE)"), false);
				case Expr.DurationLiteral d -> Operand.notNull(Type.DURATION,
						bind(d.value().getSeconds() + d.value().getNano() / 1e9));
				case Expr.GeometryLiteral g -> throw error(g, "a geography literal can only be used in a geospatial function");
				case Expr.Comparison c -> Operand.of(Type.BOOLEAN, comparison(c));
				case Expr.Logical l -> Operand.of(Type.BOOLEAN,
						concat("(", asCondition(value(l.left()), l.left()),
								l.operator() == Expr.LogicalOperator.AND ? " AND " : " OR ",
								asCondition(value(l.right()), l.right()), ")"));
				case Expr.Not n -> Operand.of(Type.BOOLEAN, concat("NOT (", asCondition(value(n.operand()), n), ")"));
				case Expr.Arithmetic a -> arithmetic(a);
				case Expr.Negate n -> Operand.of(Type.NUMBER,
						concat("(-", numeric(value(n.operand()), n.operand()).sql(), ")"));
				case Expr.FunctionCall f -> function(f);
			};
		}

		private Operand path(Node node, Expr.Path path, int index) {
			List<String> segments = path.segments();
			String segment = segments.get(index);
			boolean last = index == segments.size() - 1;
			if (node == scope.root() && (isId(segment) || node.type.property(segment).isPresent()
					|| (index + 2 == segments.size() && isId(segments.get(index + 1))))) {
				rootReferenced = true;
			}
			if (isId(segment)) {
				if (!last) {
					throw error(path, "'" + segment + "' has no properties");
				}
				return Operand.notNull(Type.NUMBER, SqlFragment.of(node.alias + ".id"));
			}
			Optional<Property> property = node.type.property(segment);
			if (property.isPresent()) {
				return property(node, property.get(), segments.subList(index + 1, segments.size()), path);
			}
			int bracket = segment.indexOf('[');
			Optional<Property> indexed = bracket > 0 ? node.type.property(segment.substring(0, bracket))
					: Optional.empty();
			if (indexed.isPresent()) {
				// result[0]: a value of a JSON array (a MultiDatastream's results), by its index.
				if (node == scope.root()) {
					rootReferenced = true;
				}
				List<String> rest = new ArrayList<>();
				rest.add(segment.substring(bracket));
				rest.addAll(segments.subList(index + 1, segments.size()));
				return property(node, indexed.get(), rest, path);
			}
			Optional<Navigation> navigation = node.type.navigation(segment);
			if (navigation.isEmpty()) {
				throw error(path, "'" + segment + "' is not a property of " + node.type.entityName());
			}
			Navigation nav = navigation.get();
			if (last) {
				throw error(path, "navigation property '" + segment + "' cannot be used as a value");
			}
			if (nav.link() instanceof Link.ForeignKey fk && index + 2 == segments.size()
					&& isId(segments.get(index + 1))) {
				return Operand.notNull(Type.NUMBER, SqlFragment.of(node.alias + "." + fk.column()));
			}
			return path(scope.join(node, nav), path, index + 1);
		}

		private Operand property(Node node, Property property, List<String> rest, Expr.Path path) {
			// A derived property (a Thing's district) is one column read by a subquery on the row.
			String column = property.derived() ? property.sql(node.alias)[0] : node.alias + "." + property.column();
			if (!rest.isEmpty() && !(property.isJson() || property.kind() == ValueKind.RESULT)) {
				throw error(path, "'" + property.name() + "' has no properties");
			}
			String jsonPath = jsonPath(rest);
			return switch (property.kind()) {
				case ID -> Operand.notNull(Type.NUMBER, SqlFragment.of(column));
				case TEXT -> new Operand(Type.STRING, SqlFragment.of(column), null, null, !property.required());
				case JSON -> Operand.json(column, jsonPath);
				case GEOMETRY -> rest.isEmpty() ? Operand.of(Type.GEOMETRY, SqlFragment.of(column))
						: Operand.json(column, jsonPath);
				case INSTANT -> Operand.of(Type.DATETIME, SqlFragment.of(column));
				case INTERVAL -> Operand.interval(SqlFragment.of(column + "_start"), SqlFragment.of(column + "_end"),
						true);
				case INSTANT_OR_INTERVAL -> Operand.interval(SqlFragment.of(column), SqlFragment.of(column + "_end"),
						false);
				case RESULT -> rest.isEmpty() ? Operand.result(column + "_number", column + "_json")
						: Operand.json(column + "_json", jsonPath);
			};
		}

		// ---- comparisons ----

		private SqlFragment comparison(Expr.Comparison comparison) {
			Operand left = value(comparison.left());
			Operand right = value(comparison.right());
			ComparisonOperator operator = comparison.operator();
			if (left.type() == Type.NULL || right.type() == Type.NULL) {
				return nullComparison(operator, left.type() == Type.NULL ? right : left, comparison);
			}
			if (isDynamic(left) && isDynamic(right)) {
				Type common = left.type() == Type.RESULT || right.type() == Type.RESULT ? Type.NUMBER : Type.STRING;
				left = coerce(left, common, comparison.left());
				right = coerce(right, common, comparison.right());
			}
			else if (isDynamic(left)) {
				left = coerce(left, right.type(), comparison.left());
			}
			else if (isDynamic(right)) {
				right = coerce(right, left.type(), comparison.right());
			}
			left = dateAsTime(left, right);
			right = dateAsTime(right, left);
			if (left.isTime() && right.isTime()) {
				return timeComparison(operator, left, right);
			}
			if (left.type() != right.type()) {
				throw error(comparison, "cannot compare " + describe(left.type()) + " with " + describe(right.type()));
			}
			if (left.type() == Type.GEOMETRY) {
				throw error(comparison, "geometries are compared with the st_* functions");
			}
			if (left.type() == Type.STRING && operator != ComparisonOperator.EQ && operator != ComparisonOperator.NE) {
				// Text is in order of its characters on every database, not of the collation PostgreSQL
				// was set up with (where '-2' may sort after '10'). One side decides the collation.
				return left.sql().text().equals("?") ? compare(operator, left.sql(), dialect.characterOrder(right.sql()))
						: compare(operator, dialect.characterOrder(left.sql()), right.sql());
			}
			return compare(operator, left.sql(), right.sql());
		}

		private SqlFragment compare(ComparisonOperator operator, SqlFragment left, SqlFragment right) {
			return concat("(", left, " ", symbol(operator), " ", right, ")");
		}

		private SqlFragment nullComparison(ComparisonOperator operator, Operand operand, Expr node) {
			if (operator != ComparisonOperator.EQ && operator != ComparisonOperator.NE) {
				return SqlFragment.of("CAST(NULL AS BOOLEAN)");
			}
			SqlFragment isNull = switch (operand.type()) {
				case NULL -> SqlFragment.of("(1 = 1)");
				case RESULT -> concat("(", operand.sql(), " IS NULL AND ", operand.json().column(), " IS NULL)");
				case JSON -> concat("(", coerce(operand, Type.STRING, node).sql(), " IS NULL)");
				default -> concat("(", operand.sql(), " IS NULL)");
			};
			return operator == ComparisonOperator.EQ ? isNull : concat("NOT ", isNull);
		}

		/**
		 * Time values compare as half-open intervals {@code [start, end)}, an instant being
		 * {@code [t, t]}: the reading FROST-Server and most clients share, since the standard
		 * leaves it open. Conditions on the start come first so that an index on it is used.
		 */
		private SqlFragment timeComparison(ComparisonOperator operator, Operand left, Operand right) {
			if (left.type() == Type.DATETIME && right.type() == Type.DATETIME) {
				return compare(operator, left.sql(), right.sql());
			}
			if (left.type() == Type.DATETIME) {
				return timeComparison(operator.mirrored(), right, left);
			}
			SqlFragment s1 = left.sql();
			SqlFragment e1 = left.endOrStart();
			if (right.type() == Type.DATETIME) {
				SqlFragment t = right.sql();
				return switch (operator) {
					case EQ -> and(compare(ComparisonOperator.EQ, s1, t), compare(ComparisonOperator.EQ, e1, t));
					case NE -> concat("NOT ",
							and(compare(ComparisonOperator.EQ, s1, t), compare(ComparisonOperator.EQ, e1, t)));
					case GT -> compare(ComparisonOperator.GT, s1, t);
					case GE -> compare(ComparisonOperator.GE, s1, t);
					case LT -> and(compare(ComparisonOperator.LT, s1, t), compare(ComparisonOperator.LE, e1, t));
					case LE -> and(compare(ComparisonOperator.LE, s1, t), compare(ComparisonOperator.LE, e1, t));
				};
			}
			SqlFragment s2 = right.sql();
			SqlFragment e2 = right.endOrStart();
			return switch (operator) {
				case EQ -> and(compare(ComparisonOperator.EQ, s1, s2), compare(ComparisonOperator.EQ, e1, e2));
				case NE -> concat("NOT ",
						and(compare(ComparisonOperator.EQ, s1, s2), compare(ComparisonOperator.EQ, e1, e2)));
				case GT -> and(compare(ComparisonOperator.GT, s1, s2), compare(ComparisonOperator.GE, s1, e2));
				case GE -> and(compare(ComparisonOperator.GE, s1, s2), compare(ComparisonOperator.GE, e1, e2));
				case LT -> and(compare(ComparisonOperator.LT, s1, s2), compare(ComparisonOperator.LE, e1, s2));
				case LE -> and(compare(ComparisonOperator.LE, s1, s2), compare(ComparisonOperator.LE, e1, e2));
			};
		}

		private SqlFragment and(SqlFragment a, SqlFragment b) {
			return concat("(", a, " AND ", b, ")");
		}

		/** A date literal next to a timestamp means the start of that day in UTC. */
		private Operand dateAsTime(Operand operand, Operand other) {
			if (operand.type() == Type.DATE && other.isTime()
					&& operand.sql().parameters().size() == 1
					&& operand.sql().parameters().get(0) instanceof java.time.LocalDate date) {
				return Operand.notNull(Type.DATETIME, bind(date.atStartOfDay().atOffset(ZoneOffset.UTC)));
			}
			return operand;
		}

		private boolean isDynamic(Operand operand) {
			return operand.type() == Type.JSON || operand.type() == Type.RESULT;
		}

		/** Reads a JSON value or a result as the type the expression needs; values of another type read as null. */
		private Operand coerce(Operand operand, Type wanted, Expr node) {
			if (!isDynamic(operand)) {
				return operand;
			}
			if (operand.type() == Type.RESULT && wanted == Type.NUMBER) {
				return Operand.of(Type.NUMBER, operand.sql());
			}
			if (operand.type() == Type.RESULT && wanted == Type.STRING) {
				// A result compared with text compares as text, a number as its canonical JSON text
				// ('4', not '4.0'): result gt '3' holds for 4 and for 30, not for 12.
				return Operand.of(Type.STRING, concat("COALESCE(cabildo_number_text(", operand.sql(),
						"), cabildo_json_text(" + operand.json().column() + ", ", bind(operand.json().path()), "))"));
			}
			String function = switch (wanted) {
				case NUMBER -> "cabildo_json_number";
				case STRING -> "cabildo_json_text";
				case BOOLEAN -> "cabildo_json_boolean";
				case DATETIME, INTERVAL -> "cabildo_json_time";
				default -> throw error(node, "cannot compare a JSON value with " + describe(wanted));
			};
			Type type = wanted == Type.INTERVAL ? Type.DATETIME : wanted;
			return Operand.of(type, concat(function + "(" + operand.json().column() + ", ", bind(operand.json().path()),
					")"));
		}

		private SqlFragment asCondition(Operand operand, Expr node) {
			Operand value = coerce(operand, Type.BOOLEAN, node);
			if (value.type() != Type.BOOLEAN) {
				throw error(node, "expected a condition but found " + describe(value.type()));
			}
			return value.sql();
		}

		// ---- arithmetic and functions ----

		private Operand arithmetic(Expr.Arithmetic arithmetic) {
			Operand left = value(arithmetic.left());
			Operand right = value(arithmetic.right());
			if (left.isTime() && (arithmetic.operator() == Expr.ArithmeticOperator.ADD
					|| arithmetic.operator() == Expr.ArithmeticOperator.SUB)) {
				if (right.type() != Type.DURATION) {
					throw error(arithmetic, "only a duration'...' can be added to or subtracted from a time");
				}
				SqlFragment seconds = arithmetic.operator() == Expr.ArithmeticOperator.ADD ? right.sql()
						: concat("(-", right.sql(), ")");
				return Operand.of(Type.DATETIME, dialect.plusSeconds(left.sql(), seconds));
			}
			SqlFragment a = numeric(left, arithmetic.left()).sql();
			SqlFragment b = numeric(right, arithmetic.right()).sql();
			SqlFragment sql = switch (arithmetic.operator()) {
				case ADD -> concat("(", a, " + ", b, ")");
				case SUB -> concat("(", a, " - ", b, ")");
				case MUL -> concat("(", a, " * ", b, ")");
				// Division is exact on both databases, also of two integers: a client dividing
				// results does not expect them truncated, and H2 and PostgreSQL would disagree.
				case DIV -> concat("(CAST(", a, " AS DOUBLE PRECISION) / NULLIF(CAST(", b, " AS DOUBLE PRECISION), 0))");
				case MOD -> dialect.modulo(a, b);
			};
			return Operand.of(Type.NUMBER, sql);
		}

		private Operand function(Expr.FunctionCall call) {
			List<Expr> args = call.arguments();
			return switch (call.function()) {
				case SUBSTRINGOF -> bool(concat("(", dialect.position(string(args.get(0)), string(args.get(1))), " > 0)"));
				case STARTSWITH -> bool(affix(args.get(0), args.get(1), true));
				case ENDSWITH -> bool(affix(args.get(0), args.get(1), false));
				case LENGTH -> Operand.of(Type.NUMBER, concat("CHAR_LENGTH(", string(args.get(0)), ")"));
				case INDEXOF -> Operand.of(Type.NUMBER,
						concat("(", dialect.position(string(args.get(1)), string(args.get(0))), " - 1)"));
				case SUBSTRING -> Operand.of(Type.STRING, args.size() == 2
						? concat("SUBSTRING(", string(args.get(0)), " FROM ", integer(args.get(1)), " + 1)")
						: concat("SUBSTRING(", string(args.get(0)), " FROM ", integer(args.get(1)), " + 1 FOR ",
								integer(args.get(2)), ")"));
				case TOLOWER -> Operand.of(Type.STRING, concat("LOWER(", string(args.get(0)), ")"));
				case TOUPPER -> Operand.of(Type.STRING, concat("UPPER(", string(args.get(0)), ")"));
				case TRIM -> Operand.of(Type.STRING, concat("TRIM(", string(args.get(0)), ")"));
				case CONCAT -> Operand.of(Type.STRING,
						concat("CONCAT(", string(args.get(0)), ", ", string(args.get(1)), ")"));
				case YEAR -> extract("YEAR", args.get(0));
				case MONTH -> extract("MONTH", args.get(0));
				case DAY -> extract("DAY", args.get(0));
				case HOUR -> extract("HOUR", args.get(0));
				case MINUTE -> extract("MINUTE", args.get(0));
				case SECOND -> Operand.of(Type.NUMBER, concat("FLOOR(EXTRACT(SECOND FROM ", time(args.get(0)), "))"));
				case FRACTIONALSECONDS -> Operand.of(Type.NUMBER, dialect.fractionalSeconds(time(args.get(0))));
				case DATE -> Operand.of(Type.DATE, concat("CAST(", time(args.get(0)), " AS DATE)"));
				case TIME -> Operand.of(Type.TIME, concat("CAST(", time(args.get(0)), " AS TIME(6))"));
				// Times are stored in UTC, so every stored offset is zero.
				case TOTALOFFSETMINUTES -> Operand.of(Type.NUMBER,
						concat("CASE WHEN ", time(args.get(0)), " IS NULL THEN NULL ELSE 0 END"));
				case NOW -> Operand.notNull(Type.DATETIME, bind(OffsetDateTime.now(clock).withOffsetSameInstant(ZoneOffset.UTC)));
				case MINDATETIME -> args.isEmpty() ? Operand.notNull(Type.DATETIME, bind(MIN_TIME))
						: Operand.of(Type.DATETIME, time(args.get(0)));
				case MAXDATETIME -> args.isEmpty() ? Operand.notNull(Type.DATETIME, bind(MAX_TIME))
						: Operand.of(Type.DATETIME, timeValue(args.get(0)).endOrStart());
				case ROUND -> Operand.of(Type.NUMBER, concat("ROUND(", real(args.get(0)), ")"));
				case FLOOR -> Operand.of(Type.NUMBER, concat("FLOOR(", real(args.get(0)), ")"));
				case CEILING -> Operand.of(Type.NUMBER, concat("CEILING(", real(args.get(0)), ")"));
				default -> throw error(call, call.function().functionName()
						+ " can only be used in a $filter condition on a geometry property");
			};
		}

		private Operand bool(SqlFragment sql) {
			return Operand.of(Type.BOOLEAN, sql);
		}

		private SqlFragment affix(Expr text, Expr affix, boolean prefix) {
			SqlFragment subject = string(text);
			if (affix instanceof Expr.StringLiteral literal) {
				String escaped = literal.value().replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_");
				return concat("(", subject, " LIKE ", bind(prefix ? escaped + "%" : "%" + escaped), " ESCAPE '\\')");
			}
			SqlFragment part = string(affix);
			return concat("(", prefix ? "LEFT(" : "RIGHT(", subject, ", CHAR_LENGTH(", part, ")) = ", part, ")");
		}

		private Operand extract(String field, Expr arg) {
			return Operand.of(Type.NUMBER, concat("EXTRACT(" + field + " FROM ", time(arg), ")"));
		}

		private SqlFragment string(Expr expr) {
			Operand operand = coerce(value(expr), Type.STRING, expr);
			if (operand.type() != Type.STRING) {
				throw error(expr, "expected text but found " + describe(operand.type()));
			}
			return operand.sql();
		}

		private SqlFragment number(Expr expr) {
			return numeric(value(expr), expr).sql();
		}

		/** A number typed for the database even when it is only a bind parameter. */
		private SqlFragment real(Expr expr) {
			return concat("CAST(", number(expr), " AS DOUBLE PRECISION)");
		}

		private SqlFragment integer(Expr expr) {
			return concat("CAST(", number(expr), " AS INTEGER)");
		}

		private Operand numeric(Operand operand, Expr expr) {
			Operand number = coerce(operand, Type.NUMBER, expr);
			if (number.type() != Type.NUMBER) {
				throw error(expr, "expected a number but found " + describe(number.type()));
			}
			return number;
		}

		private Operand timeValue(Expr expr) {
			Operand operand = coerce(value(expr), Type.DATETIME, expr);
			if (!operand.isTime()) {
				throw error(expr, "expected a time but found " + describe(operand.type()));
			}
			return operand;
		}

		/** The instant of a time value; for an interval, its start. */
		private SqlFragment time(Expr expr) {
			return timeValue(expr).sql();
		}

		// ---- geometry ----

		private SqlFragment geometryLeaf(Expr leaf) {
			List<Expr.Path> paths = new ArrayList<>();
			collectPaths(leaf, paths);
			if (paths.size() != 1) {
				throw error(leaf, "a geospatial condition must use exactly one geometry property, found " + paths.size());
			}
			Expr.Path path = withinReach(paths.get(0));
			Node node = scope.root();
			List<String> segments = path.segments();
			for (int i = 0; i < segments.size() - 1; i++) {
				Navigation navigation = node.type.navigation(segments.get(i))
					.orElseThrow(() -> error(path, "'" + path + "' is not a path to a geometry"));
				node = scope.join(node, navigation);
			}
			Property property = node.type.property(segments.get(segments.size() - 1))
				.filter(p -> p.kind() == ValueKind.GEOMETRY)
				.orElseThrow(() -> error(path, "'" + path + "' is not a geometry property"));
			var predicate = new GeometryPredicates(path, this::error).compile(leaf);
			long[] ids = geometries.matchingIds(node.type, property, predicate);
			SqlFragment condition = concat(node.alias + ".id = ANY(", bind(dialect.idArray(ids)), ")");
			return scope.semiJoin(condition, false);
		}

		private void collectPaths(Expr expr, List<Expr.Path> paths) {
			switch (expr) {
				case Expr.Path path -> paths.add(path);
				case Expr.Comparison c -> {
					collectPaths(c.left(), paths);
					collectPaths(c.right(), paths);
				}
				case Expr.Arithmetic a -> {
					collectPaths(a.left(), paths);
					collectPaths(a.right(), paths);
				}
				case Expr.Logical l -> {
					collectPaths(l.left(), paths);
					collectPaths(l.right(), paths);
				}
				case Expr.Not n -> collectPaths(n.operand(), paths);
				case Expr.Negate n -> collectPaths(n.operand(), paths);
				case Expr.FunctionCall f -> f.arguments().forEach(arg -> collectPaths(arg, paths));
				default -> {
				}
			}
		}

		private boolean mentionsGeometryFunction(Expr expr) {
			return switch (expr) {
				case Expr.FunctionCall f -> f.function().isGeospatial()
						|| f.arguments().stream().anyMatch(this::mentionsGeometryFunction);
				case Expr.Comparison c -> mentionsGeometryFunction(c.left()) || mentionsGeometryFunction(c.right());
				case Expr.Arithmetic a -> mentionsGeometryFunction(a.left()) || mentionsGeometryFunction(a.right());
				case Expr.Negate n -> mentionsGeometryFunction(n.operand());
				default -> false;
			};
		}

		// ---- helpers ----

		private Expr.Path withinReach(Expr.Path path) {
			reach.refusal(path).ifPresent(reason -> {
				throw error(path, reason);
			});
			return path;
		}

		private QueryException error(Expr node, String message) {
			int position = positions.getOrDefault(node, -1);
			String where = position >= 0 ? " at position " + position : "";
			return new QueryException(message + where, option, position);
		}

	}

	private static boolean isId(String segment) {
		return segment.equals("id") || segment.equals("@iot.id");
	}

	private static String jsonPath(List<String> segments) {
		List<String> parts = new ArrayList<>();
		for (String segment : segments) {
			int bracket = segment.indexOf('[');
			parts.add(bracket < 0 ? segment : segment.substring(0, bracket));
			while (bracket >= 0) {
				int close = segment.indexOf(']', bracket);
				if (close < 0) {
					break;
				}
				parts.add(segment.substring(bracket + 1, close));
				bracket = segment.indexOf('[', close);
			}
		}
		parts.removeIf(String::isEmpty);
		return String.join("/", parts);
	}

	private static Object bindable(BigDecimal value) {
		if (value.scale() <= 0 && value.abs().compareTo(BigDecimal.valueOf(Long.MAX_VALUE)) <= 0) {
			return value.longValueExact();
		}
		return value.doubleValue();
	}

	private static OffsetDateTime utc(OffsetDateTime time) {
		return time.withOffsetSameInstant(ZoneOffset.UTC);
	}

	private static String symbol(ComparisonOperator operator) {
		return switch (operator) {
			case EQ -> "=";
			case NE -> "<>";
			case GT -> ">";
			case GE -> ">=";
			case LT -> "<";
			case LE -> "<=";
		};
	}

	private static String describe(Type type) {
		return switch (type) {
			case NUMBER -> "a number";
			case STRING -> "text";
			case BOOLEAN -> "a boolean";
			case DATETIME -> "a date-time";
			case DATE -> "a date";
			case TIME -> "a time of day";
			case DURATION -> "a duration";
			case INTERVAL -> "a time interval";
			case JSON -> "a JSON value";
			case RESULT -> "a result";
			case GEOMETRY -> "a geometry";
			case NULL -> "null";
		};
	}

}
