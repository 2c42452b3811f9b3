package org.cabildo.sensing.sql;

import static org.cabildo.sensing.sql.SqlFragment.bind;
import static org.cabildo.sensing.sql.SqlFragment.concat;

import org.cabildo.sensing.model.Navigation;
import org.cabildo.sensing.model.Navigation.Link;

/**
 * Restricts a collection to the entities related to one parent entity, as in
 * {@code Things(1)/Datastreams}.
 *
 * @param navigation the navigation property from the parent's type to the collection's type
 * @param parentId the parent's id
 */
public record ParentLink(Navigation navigation, long parentId) {

	public SqlFragment condition(String alias) {
		return switch (navigation.link()) {
			case Link.Reverse reverse -> concat(alias + "." + reverse.column() + " = ", bind(parentId));
			case Link.LinkTable link -> concat("EXISTS (SELECT 1 FROM " + link.table() + " pl WHERE pl."
					+ link.targetColumn() + " = " + alias + ".id AND pl." + link.sourceColumn() + " = ", bind(parentId),
					")");
			case Link.ForeignKey fk -> concat(alias + ".id = (SELECT pf." + fk.column() + " FROM "
					+ navigation.source().table() + " pf WHERE pf.id = ", bind(parentId), ")");
		};
	}

}
