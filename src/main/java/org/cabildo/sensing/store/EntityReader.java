package org.cabildo.sensing.store;

import static org.cabildo.sensing.sql.SelectBuilder.ALIAS;
import static org.cabildo.sensing.sql.SqlFragment.bind;
import static org.cabildo.sensing.sql.SqlFragment.concat;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Supplier;

import org.cabildo.sensing.SensingSettings;
import org.cabildo.sensing.model.EntityType;
import org.cabildo.sensing.model.Navigation;
import org.cabildo.sensing.model.Navigation.Link;
import org.cabildo.sensing.model.Property;
import org.cabildo.sensing.query.QueryException;
import org.cabildo.sensing.query.QueryOptions;
import org.cabildo.sensing.query.QueryOptions.Expand;
import org.cabildo.sensing.sql.Aliases;
import org.cabildo.sensing.sql.Dialect;
import org.cabildo.platform.ApiException;
import org.cabildo.sensing.ReadScope;
import org.cabildo.sensing.sql.ExpressionTranslator;
import org.cabildo.sensing.sql.HiddenDatastreams;
import org.cabildo.sensing.sql.ParentLink;
import org.cabildo.sensing.sql.SelectBuilder;
import org.cabildo.sensing.sql.SelectBuilder.Columns;
import org.cabildo.sensing.sql.SqlFragment;
import org.cabildo.sensing.time.TimeValue;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;

/**
 * Reads entities: pages of collections with their query options, single entities, and the
 * navigation properties they expand. Filtering, ordering and paging run in the database.
 * Every read is made for a reader's {@link ReadScope}, and reads at most
 * {@link SensingSettings#maxEntitiesPerRequest()} entities over all its {@code $expand} levels
 * (see {@link RowBudget}).
 * <p>
 * Reads join the caller's transaction if there is one, and otherwise run each statement on
 * its own: at READ COMMITTED (the default of PostgreSQL and H2) every statement sees a new
 * snapshot even inside a transaction, so a read-only transaction around them would add
 * nothing but a COMMIT round trip to the database per call.
 */
@Component
@Transactional(readOnly = true, propagation = Propagation.SUPPORTS)
public class EntityReader {

	private final JdbcClient jdbc;

	private final ExpressionTranslator translator;

	private final Dialect dialect;

	private final SensingSettings settings;

	EntityReader(ReadStatements statements, ExpressionTranslator translator, Dialect dialect,
			SensingSettings settings) {
		this.jdbc = statements.jdbc();
		this.translator = translator;
		this.dialect = dialect;
		this.settings = settings;
	}

	/**
	 * A page of a collection, optionally restricted to the entities related to a parent, as the
	 * reader may see it. A page whose expansions would read more than the budget ends early,
	 * with a next link.
	 */
	public Page page(ReadScope scope, EntityType type, ParentLink parent, QueryOptions options) {
		return withinBudget(() -> page(new Read(scope, new RowBudget(settings.maxEntitiesPerRequest())), type,
				parent, options, ""));
	}

	/** An entity by id, as the reader may see it; 403 for an Observation the reader may not read. */
	public Optional<EntityRow> byId(ReadScope scope, EntityType type, long id, QueryOptions options) {
		Read read = new Read(scope, new RowBudget(settings.maxEntitiesPerRequest()));
		Selection selection = Selection.of(type, options.select(), "$select");
		HiddenDatastreams hidden = type == EntityType.OBSERVATION ? HiddenDatastreams.of(scope.hiddenDatastreams())
				: HiddenDatastreams.NONE;
		List<SqlFragment> conditions = new ArrayList<>();
		conditions.add(concat(ALIAS + ".id = ", bind(id)));
		if (!hidden.isEmpty()) {
			conditions.add(hidden.exclude(ALIAS));
		}
		List<EntityRow> rows = query(type, selection, conditions, List.of(), 1, 0, null);
		if (rows.isEmpty() && !hidden.isEmpty()) {
			refuseIfHidden(scope, EntityType.OBSERVATION, id);
		}
		read.budget().spend(rows.size());
		withinBudget(() -> {
			expand(read, rows, type, options.expand(), "");
			return null;
		});
		return rows.stream().findFirst();
	}

	/**
	 * Refuses (403, with the reason) when the entity is an Observation that exists and the reader
	 * may not read; what is reached through it (its Datastream, its FeatureOfInterest) is refused
	 * as it is, so that the path does not tell that it exists or when it was made.
	 */
	public void refuseIfHidden(ReadScope scope, EntityType type, long id) {
		if (type != EntityType.OBSERVATION) {
			return;
		}
		datastreamOf(id).ifPresent(datastream -> refuseIfHidden(scope, datastream));
	}

	/** Whether the reader may read the Observation; false for one that does not exist. */
	public boolean mayRead(ReadScope scope, long observation) {
		return datastreamOf(observation).map(datastream -> scope.refusal(datastream).isEmpty()).orElse(false);
	}

	private Optional<Long> datastreamOf(long observation) {
		return jdbc.sql("SELECT datastream_id FROM observations WHERE id = ?").param(observation).query(Long.class)
			.optional();
	}

	private static void refuseIfHidden(ReadScope scope, long datastream) {
		scope.refusal(datastream).ifPresent(reason -> {
			throw new ApiException(HttpStatus.FORBIDDEN, reason).with("rule", "purpose-binding");
		});
	}

	/** Runs a read; one whose first entity alone is over the budget is refused (400) naming the limit. */
	private <T> T withinBudget(Supplier<T> read) {
		try {
			return read.get();
		}
		catch (RowBudget.Spent spent) {
			throw ApiException.badRequest("this answer would hold more than " + settings.maxEntitiesPerRequest()
					+ " entities over all its $expand levels, even for its first entity (the limit is "
					+ "cabildo.sensing.max-entities-per-request); ask for fewer with $top inside $expand")
				.with("option", "$expand")
				.with("limit", settings.maxEntitiesPerRequest());
		}
	}

	public boolean exists(EntityType type, long id) {
		return jdbc.sql("SELECT COUNT(*) FROM " + type.table() + " WHERE id = ?").param(id).query(Long.class).single() > 0;
	}

	/** Of some ids, those of entities of this type that exist. */
	private Set<Long> existing(EntityType type, java.util.Collection<Long> ids) {
		long[] distinct = ids.stream().filter(java.util.Objects::nonNull).distinct().mapToLong(Long::longValue).toArray();
		if (distinct.length == 0) {
			return Set.of();
		}
		SqlFragment sql = concat("SELECT id FROM " + type.table() + " WHERE id = ANY(", bind(dialect.idArray(distinct)),
				")");
		return Set.copyOf(jdbc.sql(sql.text()).params(sql.parameters()).query(Long.class).list());
	}

	/** The id a to-one navigation property of an entity points to. */
	public Optional<Long> foreignKey(EntityType type, long id, Navigation navigation) {
		String column = ((Link.ForeignKey) navigation.link()).column();
		return jdbc.sql("SELECT " + column + " FROM " + type.table() + " WHERE id = ?")
			.param(id)
			.query((rs, n) -> {
				long value = rs.getLong(1);
				return rs.wasNull() ? null : value;
			})
			.optional();
	}

	/** Whether an entity belongs to a parent's related collection. */
	public boolean isRelated(ParentLink parent, EntityType type, long id) {
		SqlFragment sql = concat("SELECT COUNT(*) FROM " + type.table() + " " + ALIAS + " WHERE " + ALIAS + ".id = ",
				bind(id), " AND ", parent.condition(ALIAS));
		return jdbc.sql(sql.text()).params(sql.parameters()).query(Long.class).single() > 0;
	}

	/**
	 * One reader's read of one answer: what it may see, and how many entities it may still read.
	 * What it may not see is worked out once, for all the pages the answer expands.
	 */
	private static final class Read {

		private final ReadScope scope;

		private final RowBudget budget;

		private HiddenDatastreams hidden;

		Read(ReadScope scope, RowBudget budget) {
			this.scope = scope;
			this.budget = budget;
		}

		ReadScope scope() {
			return scope;
		}

		RowBudget budget() {
			return budget;
		}

		HiddenDatastreams hidden() {
			if (hidden == null) {
				hidden = HiddenDatastreams.of(scope.hiddenDatastreams());
			}
			return hidden;
		}

	}

	private Page page(Read read, EntityType type, ParentLink parent, QueryOptions options, String prefix) {
		Selection selection = Selection.of(type, options.select(), prefix + "$select");
		HiddenDatastreams hidden = read.hidden();
		Aliases aliases = new Aliases(hidden);
		List<SqlFragment> conditions = new ArrayList<>();
		if (parent != null) {
			conditions.add(parent.condition(ALIAS));
		}
		if (type == EntityType.OBSERVATION && !hidden.isEmpty()) {
			if (parent != null && isStream(parent.navigation().source()) && hidden.contains(parent.parentId())) {
				if (prefix.isEmpty()) {
					refuseIfHidden(read.scope(), parent.parentId());
				}
				// Reached through an open neighbour ($expand): as if there were none.
				return new Page(List.of(), options.count() ? 0L : null, false, 0, options);
			}
			conditions.add(hidden.exclude(ALIAS));
		}
		if (options.filter() != null) {
			conditions.add(translator.condition(type, ALIAS, options.filter(), prefix + "$filter", aliases));
		}
		List<SqlFragment> order = translator.orderBy(type, ALIAS, options.orderBy(), prefix + "$orderby", aliases);
		if (order.isEmpty() && parent != null && parent.navigation().link() instanceof Link.LinkTable link
				&& link.orderColumn() != null) {
			// A MultiDatastream's ObservedProperties come in the order of the values of its results.
			order = List.of(concat("(SELECT po." + link.orderColumn() + " FROM " + link.table() + " po WHERE po."
					+ link.targetColumn() + " = " + ALIAS + ".id AND po." + link.sourceColumn() + " = ",
					bind(parent.parentId()), ") ASC"));
		}
		if (parent != null && parent.navigation().link() instanceof Link.Reverse reverse) {
			// Every row has the parent's key here, so ordering by it first changes nothing. But H2
			// reads an index in order (observations by (datastream_id, phenomenon_time)) only when
			// the ORDER BY starts with the index's first column; else it sorts all the parent's
			// rows to return one. PostgreSQL drops the redundant key.
			boolean descending = !options.orderBy().isEmpty() && options.orderBy().get(0).descending();
			order = SelectBuilder.ledBy(type, ALIAS + "." + reverse.column() + (descending ? " DESC" : " ASC"), order);
		}
		int top = options.top() == null ? settings.defaultPageSize() : Math.min(options.top(), settings.maxPageSize());
		Long count = options.count() ? count(type, parent, options, conditions) : null;
		// Never more than the budget has left: a page cut short by it is paged on like any other.
		int limit = Math.min(top, read.budget().left());
		List<EntityRow> rows = top == 0 ? List.of()
				: query(type, selection, conditions, order, limit + 1, options.skip(), parent);
		boolean more = rows.size() > limit;
		if (more) {
			rows = rows.subList(0, limit);
			if (rows.isEmpty()) {
				throw new RowBudget.Spent();
			}
		}
		read.budget().spend(rows.size());
		int expanded = expand(read, rows, type, options.expand(), prefix);
		if (expanded < rows.size()) {
			rows = rows.subList(0, expanded);
			more = true;
		}
		return new Page(List.copyOf(rows), count, more, top, options);
	}

	private long count(EntityType type, ParentLink parent, QueryOptions options, List<SqlFragment> conditions) {
		if (isAllObservationsOfDatastream(type, parent, options)) {
			// Kept current by the observation writer, so counting a million rows costs one lookup.
			return jdbc.sql("SELECT observation_count FROM streams WHERE id = ?")
				.param(parent.parentId())
				.query(Long.class)
				.optional()
				.orElse(0L);
		}
		SqlFragment sql = SelectBuilder.count(type, conditions);
		return jdbc.sql(sql.text()).params(sql.parameters()).query(Long.class).single();
	}

	private static boolean isAllObservationsOfDatastream(EntityType type, ParentLink parent, QueryOptions options) {
		return type == EntityType.OBSERVATION && parent != null && options.filter() == null
				&& isStream(parent.navigation().source());
	}

	/** Datastreams and MultiDatastreams: what Observations belong to, and what governance keys on. */
	private static boolean isStream(EntityType type) {
		return type == EntityType.DATASTREAM || type == EntityType.MULTI_DATASTREAM;
	}

	/** @param parent the entity the rows are related to, or null */
	private List<EntityRow> query(EntityType type, Selection selection, List<SqlFragment> conditions,
			List<SqlFragment> order, int limit, int offset, ParentLink parent) {
		Columns columns = Columns.of(type, selection.properties());
		SqlFragment sql = SelectBuilder.page(type, columns, conditions, order, limit, offset);
		List<EntityRow> rows = jdbc.sql(sql.text()).params(sql.parameters()).query((rs, n) -> map(rs, type, columns))
			.list();
		if (type == EntityType.OBSERVATION && !rows.isEmpty()) {
			linkStreams(rows, parent);
		}
		return rows;
	}

	/**
	 * An Observation's stream id is its Datastream's or its MultiDatastream's: each row keeps it
	 * under the one it is, and has no other (so that it writes, expands and follows only that).
	 * The Observations of a Datastream or a MultiDatastream are known to be of its kind; others
	 * are looked up, once for the page.
	 */
	private void linkStreams(List<EntityRow> rows, ParentLink parent) {
		Set<Long> streams = new LinkedHashSet<>();
		rows.forEach(row -> streams.add(row.foreignKey("Datastream")));
		EntityType source = parent == null ? null : parent.navigation().source();
		Set<Long> multi = source == EntityType.MULTI_DATASTREAM ? streams
				: source == EntityType.DATASTREAM ? Set.of() : existing(EntityType.MULTI_DATASTREAM, streams);
		for (EntityRow row : rows) {
			Long stream = row.foreignKey("Datastream");
			boolean isMulti = multi.contains(stream);
			row.putForeignKey("Datastream", isMulti ? null : stream);
			row.putForeignKey("MultiDatastream", isMulti ? stream : null);
		}
	}

	/**
	 * Expands the rows: to-one navigations for all rows at once, then to-many ones row by row.
	 * When the budget runs out, the rows from the one that could not be expanded whole on are
	 * left for the next page.
	 * @return how many rows, from the first, were expanded whole
	 */
	private int expand(Read read, List<EntityRow> rows, EntityType type, List<Expand> expands, String prefix) {
		if (rows.isEmpty() || expands.isEmpty()) {
			return rows.size();
		}
		List<Expand> toMany = new ArrayList<>();
		for (Expand expand : expands) {
			Navigation navigation = type.navigation(expand.navigation())
				.orElseThrow(() -> new QueryException("'" + expand.navigation() + "' in " + prefix
						+ "$expand is not a navigation property of " + type.entityName(), prefix + "$expand"));
			if (navigation.toMany()) {
				toMany.add(expand);
			}
			else {
				expandToOne(read, rows, navigation, expand.options(), prefix + "$expand/" + navigation.name() + "/");
			}
		}
		for (int i = 0; i < rows.size(); i++) {
			try {
				for (Expand expand : toMany) {
					Navigation navigation = type.navigation(expand.navigation()).orElseThrow();
					rows.get(i).expanded().put(navigation.name(), page(read, navigation.target(),
							new ParentLink(navigation, rows.get(i).id()), expand.options(),
							prefix + "$expand/" + navigation.name() + "/"));
				}
			}
			catch (RowBudget.Spent spent) {
				if (i == 0) {
					throw spent;
				}
				return i;
			}
		}
		return rows.size();
	}

	private void expandToOne(Read read, List<EntityRow> rows, Navigation navigation, QueryOptions options,
			String prefix) {
		Set<Long> ids = new LinkedHashSet<>();
		rows.forEach(row -> {
			if (row.foreignKey(navigation.name()) != null) {
				ids.add(row.foreignKey(navigation.name()));
			}
		});
		EntityType target = navigation.target();
		Selection selection = Selection.of(target, options.select(), prefix + "$select");
		List<SqlFragment> conditions = new ArrayList<>();
		conditions.add(concat(ALIAS + ".id = ANY(", bind(dialect.idArray(ids.stream().mapToLong(Long::longValue).toArray())), ")"));
		if (options.filter() != null) {
			conditions.add(translator.condition(target, ALIAS, options.filter(), prefix + "$filter",
					new Aliases(read.hidden())));
		}
		if (ids.size() > read.budget().left()) {
			throw new RowBudget.Spent();
		}
		List<EntityRow> related = ids.isEmpty() ? List.of()
				: query(target, selection, conditions, List.of(), ids.size(), 0, null);
		read.budget().spend(related.size());
		if (expand(read, related, target, options.expand(), prefix) < related.size()) {
			// The rows share what is expanded to one: none may lose part of theirs.
			throw new RowBudget.Spent();
		}
		Map<Long, EntityRow> byId = new HashMap<>();
		related.forEach(row -> byId.put(row.id(), row));
		// One related entity is read once but written under every row that points to it, with all
		// it expands: the answer holds it that many times, and so does the budget.
		long written = 0;
		for (EntityRow row : rows) {
			Long id = row.foreignKey(navigation.name());
			EntityRow one = id == null ? null : byId.get(id);
			row.expanded().put(navigation.name(), one);
			written += one == null ? 0 : read.budget().written(one);
		}
		long again = written - related.stream().mapToLong(read.budget()::written).sum();
		if (again > read.budget().left()) {
			throw new RowBudget.Spent();
		}
		read.budget().spend((int) again);
	}

	private static EntityRow map(ResultSet rs, EntityType type, Columns columns) throws SQLException {
		int column = 1;
		EntityRow row = new EntityRow(type, rs.getLong(column++));
		for (Property property : columns.properties()) {
			switch (property.kind()) {
				case TEXT -> row.put(property.name(), rs.getString(column++));
				case JSON, GEOMETRY -> {
					String json = rs.getString(column++);
					row.put(property.name(), json == null ? null : new RawJson(json));
				}
				case INSTANT -> row.put(property.name(), instant(rs, column++));
				case INTERVAL, INSTANT_OR_INTERVAL -> {
					Instant start = instant(rs, column++);
					Instant end = instant(rs, column++);
					row.put(property.name(), start == null ? null : new TimeValue(start, end));
				}
				case RESULT -> {
					double number = rs.getDouble(column++);
					boolean noNumber = rs.wasNull();
					String json = rs.getString(column++);
					row.put(property.name(), !noNumber ? (Object) number : json == null ? null : new RawJson(json));
				}
				case ID -> {
				}
			}
		}
		for (Navigation foreignKey : columns.foreignKeys()) {
			long id = rs.getLong(column++);
			row.putForeignKey(foreignKey.name(), rs.wasNull() ? null : id);
		}
		return row;
	}

	private static Instant instant(ResultSet rs, int column) throws SQLException {
		OffsetDateTime time = rs.getObject(column, OffsetDateTime.class);
		return time == null ? null : time.toInstant();
	}

}
