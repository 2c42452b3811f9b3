package org.cabildo.sensing.sql;

import static org.cabildo.sensing.sql.SqlFragment.concat;

import java.util.ArrayList;
import java.util.List;

import org.cabildo.sensing.model.EntityType;
import org.cabildo.sensing.model.Navigation;
import org.cabildo.sensing.model.Navigation.Link;
import org.cabildo.sensing.model.Property;
import org.cabildo.sensing.model.ValueKind;

/** Builds the SELECT statements that read entities and count them. */
public final class SelectBuilder {

	public static final String ALIAS = "t0";

	private SelectBuilder() {
	}

	/**
	 * The columns read for an entity, in result-set order: {@code id}, the columns of each
	 * property, then each foreign key.
	 */
	public record Columns(List<Property> properties, List<Navigation> foreignKeys) {

		public static Columns of(EntityType type, List<Property> properties) {
			List<Navigation> foreignKeys = type.navigations().stream()
				.filter(n -> n.link() instanceof Link.ForeignKey)
				.toList();
			return new Columns(properties.stream().filter(p -> p.kind() != ValueKind.ID).toList(), foreignKeys);
		}

		String sql() {
			StringBuilder sql = new StringBuilder(ALIAS).append(".id");
			for (Property property : properties) {
				for (String column : property.sql(ALIAS)) {
					sql.append(", ").append(column);
				}
			}
			for (Navigation foreignKey : foreignKeys) {
				sql.append(", ").append(ALIAS).append('.').append(((Link.ForeignKey) foreignKey.link()).column());
			}
			return sql.toString();
		}

	}

	public static SqlFragment page(EntityType type, Columns columns, List<SqlFragment> conditions,
			List<SqlFragment> orderBy, int limit, int offset) {
		List<SqlFragment> order = new ArrayList<>(orderBy);
		if (order.isEmpty()) {
			order.addAll(defaultOrder(type));
		}
		else if (order.stream().noneMatch(key -> key.text().startsWith(ALIAS + ".id "))) {
			order.add(SqlFragment.of(ALIAS + ".id ASC"));
		}
		// LIMIT and OFFSET are literals (ints the server computed), not parameters: PostgreSQL
		// plans a LIMIT parameter as "a tenth of the rows", so the cheap generic plan never wins
		// and every query is planned again, over every partition of observations.
		return concat("SELECT " + columns.sql() + " FROM " + type.table() + " " + ALIAS, where(conditions),
				" ORDER BY ", SqlFragment.join(", ", order), " LIMIT " + limit + " OFFSET " + offset);
	}

	/**
	 * An order led by a key that is the same in every row read (the parent's column in
	 * {@code Datastreams(1)/Observations}); {@code order} empty means the default order.
	 */
	public static List<SqlFragment> ledBy(EntityType type, String constantKey, List<SqlFragment> order) {
		List<SqlFragment> keys = new ArrayList<>();
		keys.add(SqlFragment.of(constantKey));
		keys.addAll(order.isEmpty() ? defaultOrder(type) : order);
		return keys;
	}

	public static SqlFragment count(EntityType type, List<SqlFragment> conditions) {
		return concat("SELECT COUNT(*) FROM " + type.table() + " " + ALIAS, where(conditions));
	}

	/**
	 * A stable default order. Observations are ordered by time, which follows the index every
	 * observation query uses; other sets by id.
	 */
	static List<SqlFragment> defaultOrder(EntityType type) {
		if (type == EntityType.OBSERVATION) {
			return List.of(SqlFragment.of(ALIAS + ".phenomenon_time ASC"), SqlFragment.of(ALIAS + ".id ASC"));
		}
		return List.of(SqlFragment.of(ALIAS + ".id ASC"));
	}

	private static SqlFragment where(List<SqlFragment> conditions) {
		if (conditions.isEmpty()) {
			return SqlFragment.EMPTY;
		}
		return concat(" WHERE ", SqlFragment.join(" AND ", conditions));
	}

}
