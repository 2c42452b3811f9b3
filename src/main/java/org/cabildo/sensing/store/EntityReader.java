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
import org.cabildo.sensing.ReadAccess;
import org.cabildo.sensing.sql.ExpressionTranslator;
import org.cabildo.sensing.sql.HiddenDatastreams;
import org.cabildo.sensing.sql.ParentLink;
import org.cabildo.sensing.sql.SelectBuilder;
import org.cabildo.sensing.sql.SelectBuilder.Columns;
import org.cabildo.sensing.sql.SqlFragment;
import org.cabildo.sensing.time.TimeValue;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;

/**
 * Reads entities: pages of collections with their query options, single entities, and the
 * navigation properties they expand. Filtering, ordering and paging run in the database.
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

	private final ObjectProvider<ReadAccess> access;

	EntityReader(ReadStatements statements, ExpressionTranslator translator, Dialect dialect,
			SensingSettings settings, ObjectProvider<ReadAccess> access) {
		this.jdbc = statements.jdbc();
		this.translator = translator;
		this.dialect = dialect;
		this.settings = settings;
		this.access = access;
	}

	/** A page of a collection, optionally restricted to the entities related to a parent. */
	public Page page(EntityType type, ParentLink parent, QueryOptions options) {
		return page(type, parent, options, "");
	}

	public Optional<EntityRow> byId(EntityType type, long id, QueryOptions options) {
		Selection selection = Selection.of(type, options.select(), "$select");
		HiddenDatastreams hidden = hidden(type);
		List<SqlFragment> conditions = new ArrayList<>();
		conditions.add(concat(ALIAS + ".id = ", bind(id)));
		if (!hidden.isEmpty()) {
			conditions.add(hidden.exclude(ALIAS));
		}
		List<EntityRow> rows = query(type, selection, conditions, List.of(), 1, 0);
		if (rows.isEmpty() && !hidden.isEmpty()) {
			refuseHiddenObservation(id);
		}
		if (type == EntityType.OBSERVATION) {
			ObservationsReturned.add(rows);
		}
		expand(rows, type, options.expand(), "");
		return rows.stream().findFirst();
	}

	/** The Datastreams whose Observations this read must not reach; none for other entity types. */
	private HiddenDatastreams hidden(EntityType type) {
		if (type != EntityType.OBSERVATION) {
			return HiddenDatastreams.NONE;
		}
		return HiddenDatastreams.of(readAccess().hiddenDatastreams());
	}

	private ReadAccess readAccess() {
		return access.getIfAvailable(() -> ReadAccess.UNRESTRICTED);
	}

	/** An Observation asked for by id that exists but is of a hidden Datastream: 403, with the reason. */
	private void refuseHiddenObservation(long id) {
		jdbc.sql("SELECT datastream_id FROM observations WHERE id = ?").param(id).query(Long.class).optional()
			.ifPresent(this::refuseIfHidden);
	}

	private void refuseIfHidden(long datastream) {
		readAccess().refusal(datastream).ifPresent(reason -> {
			throw new ApiException(HttpStatus.FORBIDDEN, reason).with("rule", "purpose-binding");
		});
	}

	public boolean exists(EntityType type, long id) {
		return jdbc.sql("SELECT COUNT(*) FROM " + type.table() + " WHERE id = ?").param(id).query(Long.class).single() > 0;
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

	private Page page(EntityType type, ParentLink parent, QueryOptions options, String prefix) {
		Selection selection = Selection.of(type, options.select(), prefix + "$select");
		HiddenDatastreams hidden = HiddenDatastreams.of(readAccess().hiddenDatastreams());
		Aliases aliases = new Aliases(hidden);
		List<SqlFragment> conditions = new ArrayList<>();
		if (parent != null) {
			conditions.add(parent.condition(ALIAS));
		}
		if (type == EntityType.OBSERVATION && !hidden.isEmpty()) {
			if (parent != null && parent.navigation().source() == EntityType.DATASTREAM
					&& hidden.contains(parent.parentId())) {
				if (prefix.isEmpty()) {
					refuseIfHidden(parent.parentId());
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
		List<EntityRow> rows = top == 0 ? List.of() : query(type, selection, conditions, order, top + 1, options.skip());
		boolean more = rows.size() > top;
		if (more) {
			rows = rows.subList(0, top);
		}
		if (type == EntityType.OBSERVATION) {
			// What the answer holds, not the row read beyond the page to know there is more.
			ObservationsReturned.add(rows);
		}
		expand(rows, type, options.expand(), prefix);
		return new Page(rows, count, more, top, options);
	}

	private long count(EntityType type, ParentLink parent, QueryOptions options, List<SqlFragment> conditions) {
		if (isAllObservationsOfDatastream(type, parent, options)) {
			// Kept current by the observation writer, so counting a million rows costs one lookup.
			return jdbc.sql("SELECT observation_count FROM datastreams WHERE id = ?")
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
				&& parent.navigation().source() == EntityType.DATASTREAM;
	}

	private List<EntityRow> query(EntityType type, Selection selection, List<SqlFragment> conditions,
			List<SqlFragment> order, int limit, int offset) {
		Columns columns = Columns.of(type, selection.properties());
		SqlFragment sql = SelectBuilder.page(type, columns, conditions, order, limit, offset);
		return jdbc.sql(sql.text()).params(sql.parameters()).query((rs, n) -> map(rs, type, columns)).list();
	}

	private void expand(List<EntityRow> rows, EntityType type, List<Expand> expands, String prefix) {
		if (rows.isEmpty()) {
			return;
		}
		for (Expand expand : expands) {
			Navigation navigation = type.navigation(expand.navigation())
				.orElseThrow(() -> new QueryException("'" + expand.navigation() + "' in " + prefix
						+ "$expand is not a navigation property of " + type.entityName(), prefix + "$expand"));
			String inner = prefix + "$expand/" + navigation.name() + "/";
			if (navigation.toMany()) {
				for (EntityRow row : rows) {
					row.expanded().put(navigation.name(),
							page(navigation.target(), new ParentLink(navigation, row.id()), expand.options(), inner));
				}
			}
			else {
				expandToOne(rows, navigation, expand.options(), inner);
			}
		}
	}

	private void expandToOne(List<EntityRow> rows, Navigation navigation, QueryOptions options, String prefix) {
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
					new Aliases(HiddenDatastreams.of(readAccess().hiddenDatastreams()))));
		}
		List<EntityRow> related = ids.isEmpty() ? List.of()
				: query(target, selection, conditions, List.of(), ids.size(), 0);
		expand(related, target, options.expand(), prefix);
		Map<Long, EntityRow> byId = new HashMap<>();
		related.forEach(row -> byId.put(row.id(), row));
		for (EntityRow row : rows) {
			Long id = row.foreignKey(navigation.name());
			row.expanded().put(navigation.name(), id == null ? null : byId.get(id));
		}
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
