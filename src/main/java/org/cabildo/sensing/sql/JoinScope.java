package org.cabildo.sensing.sql;

import static org.cabildo.sensing.sql.SqlFragment.concat;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.cabildo.sensing.model.EntityType;
import org.cabildo.sensing.model.Navigation;
import org.cabildo.sensing.model.Navigation.Link;

/**
 * The related entities that one filter leaf (a comparison or a boolean function) reaches
 * through navigation paths. Each distinct path is joined once; the leaf then becomes an
 * {@code EXISTS} over these joins, which gives the "any" semantics the standard asks for on
 * to-many paths and lets the database drive from the small side.
 */
final class JoinScope {

	static final class Node {

		final EntityType type;

		final String alias;

		final Navigation via;

		final String linkAlias;

		final Map<String, Node> children = new LinkedHashMap<>();

		Node(EntityType type, String alias, Navigation via, String linkAlias) {
			this.type = type;
			this.alias = alias;
			this.via = via;
			this.linkAlias = linkAlias;
		}

	}

	private final Node root;

	private final Aliases aliases;

	private boolean toMany;

	JoinScope(EntityType type, String alias, Aliases aliases) {
		this.root = new Node(type, alias, null, null);
		this.aliases = aliases;
	}

	Node root() {
		return root;
	}

	Node join(Node from, Navigation navigation) {
		toMany |= navigation.toMany();
		return from.children.computeIfAbsent(navigation.name(), name -> new Node(navigation.target(),
				aliases.next("j"), navigation, navigation.link() instanceof Link.LinkTable ? aliases.next("l") : null));
	}

	boolean hasJoins() {
		return !root.children.isEmpty();
	}

	boolean reachesMany() {
		return toMany;
	}

	/**
	 * The leaf as a semi-join. When it reaches its related entities through one first step and
	 * reads nothing of the filtered row itself, it becomes an uncorrelated
	 * {@code key IN (SELECT ...)}: both databases evaluate that once and then look rows up by
	 * the key, where a correlated {@code EXISTS} may be evaluated for every row (H2 does).
	 *
	 * @param correlated whether the condition also reads columns of the filtered row
	 */
	SqlFragment semiJoin(SqlFragment condition, boolean correlated) {
		if (!hasJoins()) {
			return condition;
		}
		if (correlated || root.children.size() != 1) {
			return exists(condition);
		}
		Node first = root.children.values().iterator().next();
		String[] keys = switch (first.via.link()) {
			case Link.ForeignKey fk -> new String[] { root.alias + "." + fk.column(), first.alias + ".id" };
			case Link.Reverse reverse -> new String[] { root.alias + ".id", first.alias + "." + reverse.column() };
			case Link.LinkTable link -> new String[] { root.alias + ".id", first.linkAlias + "." + link.sourceColumn() };
		};
		return concat(keys[0] + " IN (SELECT " + keys[1] + " FROM ", from(), " WHERE ", visible(condition), ")");
	}

	/** {@code EXISTS (SELECT 1 FROM joins WHERE correlation AND condition)}, or the condition alone. */
	SqlFragment exists(SqlFragment condition) {
		if (!hasJoins()) {
			return condition;
		}
		return concat("EXISTS (SELECT 1 FROM ", from(), " WHERE ", correlation(), " AND ", visible(condition), ")");
	}

	/** A scalar subquery reading a value of a to-one related entity. */
	SqlFragment scalar(SqlFragment value) {
		if (!hasJoins()) {
			return value;
		}
		return concat("(SELECT ", value, " FROM ", from(), " WHERE ", visible(correlation()), ")");
	}

	/** The condition, and that every joined Observation is of a Datastream the reader may see. */
	private SqlFragment visible(SqlFragment condition) {
		if (aliases.hidden().isEmpty()) {
			return condition;
		}
		List<SqlFragment> all = new ArrayList<>();
		all.add(concat("(", condition, ")"));
		addExclusions(root, all);
		return SqlFragment.join(" AND ", all);
	}

	private void addExclusions(Node node, List<SqlFragment> into) {
		for (Node child : node.children.values()) {
			if (child.type == EntityType.OBSERVATION) {
				into.add(aliases.hidden().exclude(child.alias));
			}
			addExclusions(child, into);
		}
	}

	private SqlFragment from() {
		List<SqlFragment> items = new ArrayList<>();
		for (Node first : root.children.values()) {
			StringBuilder item = new StringBuilder();
			if (first.via.link() instanceof Link.LinkTable link) {
				item.append(link.table()).append(' ').append(first.linkAlias).append(" JOIN ")
					.append(first.type.table()).append(' ').append(first.alias).append(" ON ")
					.append(first.alias).append(".id = ").append(first.linkAlias).append('.')
					.append(link.targetColumn());
			}
			else {
				item.append(first.type.table()).append(' ').append(first.alias);
			}
			appendJoins(item, first);
			items.add(SqlFragment.of(item.toString()));
		}
		return SqlFragment.join(", ", items);
	}

	private void appendJoins(StringBuilder sql, Node parent) {
		for (Node child : parent.children.values()) {
			switch (child.via.link()) {
				case Link.ForeignKey fk -> sql.append(" JOIN ").append(child.type.table()).append(' ')
					.append(child.alias).append(" ON ").append(child.alias).append(".id = ").append(parent.alias)
					.append('.').append(fk.column());
				case Link.Reverse reverse -> sql.append(" JOIN ").append(child.type.table()).append(' ')
					.append(child.alias).append(" ON ").append(child.alias).append('.').append(reverse.column())
					.append(" = ").append(parent.alias).append(".id");
				case Link.LinkTable link -> sql.append(" JOIN ").append(link.table()).append(' ')
					.append(child.linkAlias).append(" ON ").append(child.linkAlias).append('.')
					.append(link.sourceColumn()).append(" = ").append(parent.alias).append(".id JOIN ")
					.append(child.type.table()).append(' ').append(child.alias).append(" ON ").append(child.alias)
					.append(".id = ").append(child.linkAlias).append('.').append(link.targetColumn());
			}
			appendJoins(sql, child);
		}
	}

	private SqlFragment correlation() {
		List<SqlFragment> conditions = new ArrayList<>();
		for (Node first : root.children.values()) {
			String condition = switch (first.via.link()) {
				case Link.ForeignKey fk -> first.alias + ".id = " + root.alias + "." + fk.column();
				case Link.Reverse reverse -> first.alias + "." + reverse.column() + " = " + root.alias + ".id";
				case Link.LinkTable link -> first.linkAlias + "." + link.sourceColumn() + " = " + root.alias + ".id";
			};
			conditions.add(SqlFragment.of(condition));
		}
		return SqlFragment.join(" AND ", conditions);
	}

}
